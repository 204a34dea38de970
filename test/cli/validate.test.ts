// @vitest-environment node
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/cli/json-position.js";
import { verifySignature } from "../../src/protocol/signature.js";
import { answer, streamForever, testServers, unusedPort } from "../host/http-test-server.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "sidecard-validate-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const GOOD = JSON.stringify({
  version: "1.0.0",
  header: { title: "Health" },
  components: [{ type: "text", label: "Plan", value: "Pro" }],
});
const WARNING_ONLY = JSON.stringify({ version: "1.0.0", components: [] });
const BAD = JSON.stringify({
  version: "1.0.0",
  header: {},
  components: [
    { type: "text", label: 7, value: "x" },
    { type: "card", components: [{ type: "card", components: [] }] },
  ],
});

const good = file("good.json", GOOD);
const warningOnly = file("warning-only.json", WARNING_ONLY);
const bad = file("bad.json", BAD);
const broken = file("broken.json", '{\n  "version": "1.0.0",\n  "components": [1,]\n}\n');

// Each case starts Node with tsx (≈0.5 s alone, several seconds when the whole suite runs in parallel).
describe("sidecard validate", { timeout: 30_000 }, () => {
  it("exits 0 and says valid for a good payload", async () => {
    const run = await runCli(["validate", good]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${good}: valid\n`);
  });

  it("prints file: path: severity: message per diagnostic and exits 1 on errors", async () => {
    const run = await runCli(["validate", bad]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain(`${bad}: /components/0/label: error: Expected "label" to be a string, but found the number 7. [invalid_type]`);
    expect(lines.some((l) => l.startsWith(`${bad}: /components/1/components/0: error: `) && l.endsWith("[nested_card]"))).toBe(true);
    expect(lines.at(-1)).toBe(`${bad}: fails with 2 errors, 0 warnings`);
  });

  it("lets warnings pass, unless --strict", async () => {
    const lenient = await runCli(["validate", warningOnly]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/: \/header: warning: .*\[missing_header\]/);
    expect(lenient.stdout).toMatch(/passes with 0 errors, 1 warning\n$/);
    const strict = await runCli(["validate", "--strict", warningOnly]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/fails with 0 errors, 1 warning \(--strict\)\n$/);
  });

  it("prints one JSON document with --json", async () => {
    const run = await runCli(["validate", "--json", good, bad]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; results: Array<{ diagnostics: unknown[] }> };
    expect(report.ok).toBe(false);
    expect(report.results).toHaveLength(2);
    expect(report.results[0]).toEqual({ source: good, ok: true, errors: 0, warnings: 0, diagnostics: [] });
    expect(report.results[1].diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", code: "invalid_type", path: "/components/0/label" }),
    );
  });

  it("reads standard input for -", async () => {
    const run = await runCli(["validate", "-"], GOOD);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("<stdin>: valid\n");
  });

  it("caps files and standard input at --max-bytes (1 MiB by default), like a host", async () => {
    const run = await runCli(["validate", "--max-bytes", "40", good]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${good}: cannot validate: is larger than the limit of 40 bytes (--max-bytes); a host refuses an answer that large\n`);
    const piped = await runCli(["validate", "--max-bytes", "1024", "-"], " ".repeat(4096) + GOOD);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^<stdin>: cannot validate: is larger than the limit of 1 KiB/);
    const big = file("big.json", JSON.stringify({ version: "1.0.0", header: {}, components: [{ type: "text", label: "x", value: "y".repeat(1024 * 1024) }] }));
    expect((await runCli(["validate", big])).stderr).toMatch(/is larger than the limit of 1 MiB/);
    expect((await runCli(["validate", "--max-bytes", String(2 * 1024 * 1024), big])).code).toBe(0);
    const directory = await runCli(["validate", dir]);
    expect(directory.stderr).toMatch(/is a directory, expected a JSON file/);
  });

  it("reads a pipe or device named as a file (a FIFO, <(…), /dev/zero) as a stream, capped at --max-bytes", async () => {
    // Through a named pipe: stat gives it no size to go by.
    const fromFifo = async (args: string[], content: string) => {
      const fifo = join(mkdtempSync(join(dir, "fifo-")), "payload.json");
      execFileSync("mkfifo", [fifo]);
      const run = runCli(["validate", ...args, fifo]);
      await writeFile(fifo, content);
      return { fifo, run: await run };
    };
    const bad = await fromFifo([], BAD);
    expect(bad.run.code).toBe(1);
    expect(bad.run.stdout).toMatch(/: fails with 2 errors, 0 warnings\n$/);
    const capped = await fromFifo(["--max-bytes", "1024"], " ".repeat(4096) + GOOD);
    expect(capped.run).toMatchObject({
      code: 2,
      stderr: `${capped.fifo}: cannot validate: is larger than the limit of 1 KiB (--max-bytes); a host refuses an answer that large\n`,
    });
    const endless = await runCli(["validate", "/dev/zero"]);
    expect(endless).toMatchObject({ code: 2, stderr: "/dev/zero: cannot validate: is larger than the limit of 1 MiB (--max-bytes); a host refuses an answer that large\n" });
  });

  it("exits 2 for a missing file and says so", async () => {
    const missing = join(dir, "nope.json");
    const run = await runCli(["validate", missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${missing}: cannot validate: file not found\n`);
  });

  it("exits 2 for text that is not JSON, naming line and column", async () => {
    const run = await runCli(["validate", broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${broken}: cannot validate: not valid JSON at line 3, column 20: found ']' where a JSON value was expected\n`);
  });

  it("exits 2 when an input is unreadable even if others have errors, and still checks the rest", async () => {
    const run = await runCli(["validate", bad, join(dir, "nope.json")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/fails with 2 errors/);
    expect(run.stderr).toMatch(/file not found/);
  });

  it("exits 2 with usage for no inputs or an unknown option, and 0 for --help", async () => {
    const none = await runCli(["validate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs at least one file, URL or -/);
    const unknownOption = await runCli(["validate", "--fast", good]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/--fast/);
    const help = await runCli(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sidecard validate/);
  });

  it("exits 2 for an unknown command", async () => {
    const run = await runCli(["vaildate", good]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "vaildate"; expected one of: validate, check, sign, verify, preview/);
  });

  describe("URLs", () => {
    const serve = testServers("all");
    let base: string;
    const seen: Array<{ url: URL; headers: IncomingHttpHeaders; rawQuery: string }> = [];
    const redirectTarget: IncomingHttpHeaders[] = [];
    let targetBase: string;
    beforeAll(async () => {
      const target = await serve((req, res) => {
        redirectTarget.push(req.headers);
        answer(res, 200, "application/json", GOOD);
      });
      targetBase = target.url("");
      const server = await serve((req, res) => {
        const url = new URL(req.url ?? "/", "http://x");
        seen.push({ url, headers: req.headers, rawQuery: (req.url ?? "").split("?").slice(1).join("?") });
        if (url.pathname === "/good") answer(res, 200, "application/json", GOOD);
        else if (url.pathname === "/bad") answer(res, 200, "application/json", BAD);
        else if (url.pathname === "/html") answer(res, 200, "text/html", "<!doctype html>");
        else if (url.pathname === "/redirect") res.writeHead(302, { Location: `${targetBase}/good` }).end();
        // An endless body (spaces, valid JSON whitespace): without a cap the CLI would read until it runs out of memory.
        else if (url.pathname === "/endless") streamForever(res, "application/json");
        else if (url.pathname === "/slow") {
          // Headers at once, then a body that never finishes.
          res.writeHead(200, { "Content-Type": "application/json" });
          res.write('{"version":');
        } else answer(res, 404, null, "nope");
      });
      base = server.url("");
    });

    it("validates what a URL answers", async () => {
      expect((await runCli(["validate", `${base}/good`])).code).toBe(0);
      const bad = await runCli(["validate", `${base}/bad`]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(new RegExp(`^${base}/bad: /components/0/label: error:`, "m"));
    });

    it("calls the URL as a host does: fetch_data with sample context, keeping the parameters it gives", async () => {
      seen.length = 0;
      const run = await runCli(["validate", `${base}/good?issue_id=iss_9&tenant=acme`]);
      expect(run.code).toBe(0);
      const { url } = seen[0];
      expect(url.searchParams.get("request_type")).toBe("fetch_data");
      expect(url.searchParams.get("issue_id")).toBe("iss_9");
      expect(url.searchParams.get("tenant")).toBe("acme");
      for (const name of ["app_id", "widget_id", "organization_id", "account_id", "requester_id", "requester_email"]) {
        expect(url.searchParams.get(name), name).toMatch(/\S/);
      }
      expect(seen[0].headers["x-pylon-signature"]).toBeUndefined();
    });

    it("signs with --secret, --secret-file or SIDECARD_SECRET, and sends --header", async () => {
      const secretFile = file("secret.txt", "from-file\n");
      for (const [args, env, secret] of [
        [["--secret", "from-flag"], {}, "from-flag"],
        [["--secret-file", secretFile], {}, "from-file"],
        [[], { SIDECARD_SECRET: "from-env" }, "from-env"],
      ] as const) {
        seen.length = 0;
        const run = await runCli(["validate", ...args, "--header", "X-Api-Key: k-1", `${base}/good`], undefined, env);
        expect(run.code, run.stderr).toBe(0);
        const signature = String(seen[0].headers["x-pylon-signature"]);
        expect(await verifySignature(seen[0].rawQuery, signature, secret)).toBe(true);
        expect(seen[0].headers["x-api-key"]).toBe("k-1");
      }
    });

    it("exits 2 with the HTTP status, or when the answer is not JSON", async () => {
      const missing = await runCli(["validate", `${base}/missing`]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/http: The app answered HTTP 404 Not Found; expected 200 with the widget JSON/);
      const html = await runCli(["validate", `${base}/html`]);
      expect(html.code).toBe(2);
      expect(html.stderr).toMatch(/not valid JSON at line 1, column 1/);
    });

    it("refuses a redirect as an error for that input, and the target receives nothing", async () => {
      redirectTarget.length = 0;
      const run = await runCli(["validate", "--secret", "s", "--header", "X-Api-Key: k", `${base}/redirect`, `${base}/good`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${base}/redirect: cannot validate: http: The app answered HTTP 302 Found, a redirect to ${targetBase}/good;`));
      expect(run.stderr).toMatch(/Redirects are not followed/);
      expect(run.stdout).toBe(`${base}/good: valid\n`);
      expect(redirectTarget).toEqual([]);
    });

    it("stops reading an endless body at the size cap (1 MiB by default, or --max-bytes)", async () => {
      const capped = await runCli(["validate", "--max-bytes", "100000", `${base}/endless`]);
      expect(capped.code).toBe(2);
      expect(capped.stderr).toMatch(/too_large: The app's answer is larger than the limit of 100000 bytes/);
      const byDefault = await runCli(["validate", `${base}/endless`]);
      expect(byDefault.code).toBe(2);
      expect(byDefault.stderr).toMatch(/larger than the limit of 1 MiB/);
    });

    it("fails a URL whose body is too slow at --timeout, and goes on to the next input", async () => {
      const run = await runCli(["validate", "--timeout", "500", `${base}/slow`, `${base}/good`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`${base}/slow: cannot validate: timeout: The app did not finish its answer within 500 ms`));
      expect(run.stdout).toBe(`${base}/good: valid\n`);
    });

    it("rejects bad --timeout, --max-bytes, --header and secrets with exit 2", async () => {
      expect((await runCli(["validate", "--timeout", "soon", `${base}/good`])).stderr).toMatch(/--timeout must be a whole number/);
      expect((await runCli(["validate", "--max-bytes=-1", `${base}/good`])).stderr).toMatch(/--max-bytes must be a whole number/);
      const header = await runCli(["validate", "--header", "Bad Name: x", `${base}/good`]);
      expect(header.code).toBe(2);
      expect(header.stderr).toMatch(/custom header name "Bad Name" is not a valid header name/);
      const both = await runCli(["validate", "--secret", "a", "--secret-file", file("s2.txt", "b"), `${base}/good`]);
      expect(both.stderr).toMatch(/--secret or --secret-file, not both/);
      const empty = await runCli(["validate", "--secret-file", file("empty.txt", "\n"), `${base}/good`]);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toMatch(/the secret from --secret-file .* is empty/);
    });

    it("exits 2 when nothing answers", async () => {
      const port = await unusedPort();
      const run = await runCli(["validate", `http://127.0.0.1:${port}/`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/network: Could not reach the app at .*ECONNREFUSED/);
    });
  });
});

describe("parseJsonText", () => {
  it("parses valid JSON, with or without a byte-order mark", () => {
    expect(parseJsonText('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['{"a":}', 1, 6, "found '}' where a JSON value was expected"],
    ['{"a":1,}', 1, 8, "found '}' where a property name in double quotes was expected"],
    ['{\n"a": 1\n"b": 2}', 3, 1, "found '\"' where ',' or '}' was expected"],
    ['{"a": "x', 1, 9, "found the end of the input where a closing '\"' was expected"],
    ["[1] 2", 1, 5, "found '2' where the end of the input was expected"],
    ["{'a': 1}", 1, 2, "found ''' where a property name in double quotes was expected"],
    ['{"a": tru}', 1, 7, "found 't' where a JSON value was expected"],
    ['{"a": "\\x"}', 1, 9, "found 'x' where a valid escape"],
  ])("locates the error in %j", (text, line, column, message) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([result.error.line, result.error.column]).toEqual([line, column]);
      expect(result.error.message.startsWith(message)).toBe(true);
    }
  });
});

describe("sidecard (main) and preview arguments", { timeout: 30_000 }, () => {
  it("prints the command list for --help and exits 2 without a command", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate <file\|url\|->\.\.\.[\s\S]*preview \[url \| payload\.json\]/);
    expect((await runCli([])).code).toBe(2);
  });

  it("documents preview's options and rejects bad ones with exit 2", async () => {
    const help = await runCli(["preview", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--secret S[\s\S]*--port N/);
    const port = await runCli(["preview", "--port", "http"]);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a whole number from 0 to 65535; got "http"/);
    const missing = await runCli(["preview", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: file not found \(expected an http\(s\) URL or a payload file\)/);
  });
});
