#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { CHECK_HELP, runCheck } from "./check.js";
import { EXIT_UNUSABLE, processIo, UsageError, type CliIo } from "./cli-io.js";
import { PREVIEW_HELP, runPreview } from "./preview/command.js";
import { runSign, runVerify, SIGN_HELP, VERIFY_HELP } from "./sign.js";
import { runValidate, VALIDATE_HELP } from "./validate.js";

export const MAIN_HELP = `Usage: sidecard <command> [options]

Tools for custom-app endpoints that answer Pylon's Response Schema 1.0.0.

Commands:
  validate <file|url|->...     check payloads and print every diagnostic
  check <url>                  conformance run against an app endpoint (for CI)
  sign <query>                 print the X-Pylon-Signature for a query (--explain: the signed bytes)
  verify <query> <signature>   check an X-Pylon-Signature
  preview [url | payload.json] open a local host simulator in the browser

Options:
  --version                    print sidecard's version

Run "sidecard <command> --help" for a command's options.
`;

/** sidecard's version, from the package.json next to the CLI (dist/cli.js) or the sources. */
export function packageVersion(): string {
  let dir = new URL("./", import.meta.url);
  for (let level = 0; level < 4; level++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: unknown; version?: unknown };
      if (manifest.name === "sidecard" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No package.json at this level: look one up.
    }
    dir = new URL("../", dir);
  }
  return "unknown";
}

const COMMANDS = {
  validate: { run: runValidate, help: VALIDATE_HELP },
  check: { run: runCheck, help: CHECK_HELP },
  sign: { run: runSign, help: SIGN_HELP },
  verify: { run: runVerify, help: VERIFY_HELP },
  preview: { run: runPreview, help: PREVIEW_HELP },
} as const;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(MAIN_HELP);
    return command === undefined ? EXIT_UNUSABLE : 0;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr(`sidecard: unknown command "${command}"; expected one of: ${Object.keys(COMMANDS).join(", ")}.\n\n${MAIN_HELP}`);
    return EXIT_UNUSABLE;
  }
  const { run, help } = COMMANDS[command as keyof typeof COMMANDS];
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sidecard ${command}: ${error.message}\n\n${help}`);
      return EXIT_UNUSABLE;
    }
    io.stderr(`sidecard ${command}: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_UNUSABLE;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sidecard: ${String(error)}\n`);
    process.exitCode = EXIT_UNUSABLE;
  },
);
