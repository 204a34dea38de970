// @vitest-environment node
// Secrets can stay out of the process list: --secret-file and SIDECARD_SECRET beside --secret.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/cli-io.js";
import { readSecret } from "../../src/cli/options.js";
import { findPageDir } from "../../src/cli/preview/server.js";
import { signQuery } from "../../src/protocol/signature.js";
import { startCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "sidecard-secrets-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("readSecret", () => {
  it("takes --secret, then --secret-file, then SIDECARD_SECRET", () => {
    expect(readSecret({ secret: "flag" }, { SIDECARD_SECRET: "env" })).toBe("flag");
    expect(readSecret({ "secret-file": file("a", "file") }, { SIDECARD_SECRET: "env" })).toBe("file");
    expect(readSecret({}, { SIDECARD_SECRET: "env" })).toBe("env");
    expect(readSecret({}, {})).toBeUndefined();
  });

  it("drops exactly one trailing newline from the file", () => {
    expect(readSecret({ "secret-file": file("lf", "s3cret\n") }, {})).toBe("s3cret");
    expect(readSecret({ "secret-file": file("crlf", "s3cret\r\n") }, {})).toBe("s3cret");
    expect(readSecret({ "secret-file": file("two", "s3cret\n\n") }, {})).toBe("s3cret\n");
    expect(readSecret({ "secret-file": file("spaces", " s3cret ") }, {})).toBe(" s3cret ");
  });

  it("refuses two flags, an empty secret and an unreadable file", () => {
    expect(() => readSecret({ secret: "a", "secret-file": file("b", "b") }, {})).toThrow(/--secret or --secret-file, not both/);
    expect(() => readSecret({ secret: "" }, {})).toThrow(/the secret from --secret is empty/);
    expect(() => readSecret({ "secret-file": file("empty", "\n") }, {})).toThrow(/the secret from --secret-file .* is empty/);
    expect(readSecret({}, { SIDECARD_SECRET: "" })).toBeUndefined();
    expect(() => readSecret({ "secret-file": join(dir, "missing") }, {})).toThrow(UsageError);
    expect(() => readSecret({ "secret-file": join(dir, "missing") }, {})).toThrow(/cannot read it \(ENOENT\)/);
  });
});

// The real command, as a process: the example app it serves requires the secret given without --secret.
describe("sidecard preview with a secret kept out of argv", { timeout: 30_000 }, () => {
  // The command serves the built page (dist/preview, from `npm run build`). On a fresh clone,
  // where `npm test` runs before any build, build that page first rather than skip.
  beforeAll(async () => {
    if (findPageDir() !== null) return;
    await build({ configFile: fileURLToPath(new URL("../../vite.preview.config.ts", import.meta.url)), logLevel: "error" });
    expect(findPageDir()).not.toBeNull();
  }, 120_000);

  async function appStatus(origin: string, secret: string | null): Promise<number> {
    const query = "request_type=verify&code=abc";
    const headers: Record<string, string> = secret ? { "X-Pylon-Signature": await signQuery(query, secret) } : {};
    return (await fetch(`${origin}/app?${query}`, { headers })).status;
  }

  it.each([
    ["--secret-file", (secret: string) => ({ args: ["--secret-file", file("preview-secret", `${secret}\n`)], env: {} })],
    ["SIDECARD_SECRET", (secret: string) => ({ args: [], env: { SIDECARD_SECRET: secret } })],
  ])("reads the secret from %s", async (_name, make) => {
    const secret = "kept-out-of-ps";
    const { args, env } = make(secret);
    const cli = startCli(["preview", "--port", "0", ...args], env);
    try {
      const line = await cli.firstLine;
      const origin = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(line)![1];
      expect(await appStatus(origin, null)).toBe(401);
      expect(await appStatus(origin, "wrong")).toBe(401);
      expect(await appStatus(origin, secret)).toBe(200);
    } finally {
      const run = await cli.stop();
      expect(run.stdout).toMatch(/\(signed requests\)/);
    }
  });
});
