import type { CliIo } from "../cli-io.js";
export const PREVIEW_HELP = "Usage: sidecard preview [url | payload.json]\n";
export async function runPreview(_argv: readonly string[], io: CliIo): Promise<number> {
  io.stderr("not yet\n");
  return 2;
}
