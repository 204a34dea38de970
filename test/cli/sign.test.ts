// @vitest-environment node
// `sidecard sign`, `verify` and `--version` as real processes, against the Go-made vectors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { queryOf } from "../../src/cli/sign.js";
import { REPO_ROOT, runCli } from "./run-cli.js";

interface Vector {
  name: string;
  secret: string;
  query: string;
  payload: string;
  signature: string;
}
const { vectors } = JSON.parse(readFileSync(`${REPO_ROOT}test/server/fixtures/signature-vectors.json`, "utf8")) as { vectors: Vector[] };
const byName = (name: string) => vectors.find((v) => v.name === name)!;

describe("sidecard sign / verify", { timeout: 60_000 }, () => {
  it.each(["verify handshake", "html-sensitive characters are escaped like Go does", "non-ascii value"])(
    "signs the Go vector %j and explains the exact signed bytes",
    async (name) => {
      const vector = byName(name);
      const plain = await runCli(["sign", vector.query, "--secret", vector.secret]);
      expect(plain).toMatchObject({ code: 0, stdout: `${vector.signature}\n` });
      const explained = await runCli(["sign", vector.query, "--secret", vector.secret, "--explain"]);
      expect(explained.code).toBe(0);
      const lines = explained.stdout.split("\n");
      expect(lines).toContain(vector.payload);
      expect(lines).toContain(`X-Pylon-Signature: ${vector.signature}`);
      expect(explained.stdout).toMatch(new RegExp(`Signed bytes \\(${Buffer.byteLength(vector.payload)} bytes of UTF-8`));
    },
  );

  it("takes the secret from SIDECARD_SECRET, and a leading ? or a URL", async () => {
    const vector = byName("fetch_data all params");
    const fromEnv = await runCli(["sign", `?${vector.query}`], undefined, { SIDECARD_SECRET: vector.secret });
    expect(fromEnv.stdout).toBe(`${vector.signature}\n`);
    const fromUrl = await runCli(["sign", `https://app.example.com/widget?${vector.query}#top`], undefined, { SIDECARD_SECRET: vector.secret });
    expect(fromUrl.stdout).toBe(`${vector.signature}\n`);
    const none = await runCli(["sign", vector.query]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/a secret is needed: --secret S, --secret-file F or SIDECARD_SECRET/);
  });

  it("verify exits 0 for a matching signature, 1 for another, 2 for bad arguments", async () => {
    const vector = byName("repeated parameter keeps every value in order");
    const good = await runCli(["verify", vector.query, vector.signature.toUpperCase(), "--secret", vector.secret]);
    expect(good).toMatchObject({ code: 0, stdout: "valid: the signature matches this query and secret\n" });
    const reordered = await runCli(["verify", "request_type=fetch_data&tag=a&tag=b&tag=c", vector.signature, "--secret", vector.secret]);
    expect(reordered.code).toBe(1);
    expect(reordered.stdout).toMatch(/^invalid: the signature does not match this query and secret; the signature for them is [0-9a-f]{64}\n$/);
    const wrongSecret = await runCli(["verify", vector.query, vector.signature], undefined, { SIDECARD_SECRET: "other" });
    expect(wrongSecret.code).toBe(1);
    const shape = await runCli(["verify", vector.query, "nope", "--secret", vector.secret]);
    expect(shape.stdout).toMatch(/\(a signature is 64 hex digits\)/);
    expect((await runCli(["verify", vector.query, "--secret", vector.secret])).code).toBe(2);
  });

  it("sign warns and verify refuses (exit 1) a query with pairs Go skips, which sidecard/server answers 400", async () => {
    const query = "request_type=fetch_data&issue_id=1;2&account_id=7%";
    const refusal = `The query has a pair that Go's url.ParseQuery skips: "issue_id=1;2" (a ";" or a malformed "%" escape); expected every name and value percent-encoded.`;
    const signed = await runCli(["sign", query, "--secret", "k"]);
    // Still Go's signature of what Go keeps, {"request_type":["fetch_data"]}.
    expect(signed.code).toBe(0);
    expect(signed.stdout).toBe("ddf4b69276b0c0af31f7f9b9ef78474300117950c647e4b2c33beca4bfcd33b0\n");
    expect(signed.stderr).toBe(`warning: sidecard/server answers 400 to this query, and the signature covers only the pairs Go keeps. ${refusal}\n`);
    const verified = await runCli(["verify", query, signed.stdout.trim(), "--secret", "k"]);
    expect(verified).toMatchObject({ code: 1, stdout: `refused: sidecard/server answers 400 to this query before it checks the signature. ${refusal}\n` });
    const clean = await runCli(["sign", "request_type=fetch_data", "--secret", "k"]);
    expect(clean).toMatchObject({ code: 0, stdout: signed.stdout, stderr: "" });
  });

  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, "utf8")) as { version: string };
    expect(await runCli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect((await runCli(["--help"])).stdout).toMatch(/check <url>[\s\S]*sign <query>[\s\S]*verify <query> <signature>/);
  });
});

describe("queryOf", () => {
  it("keeps the query as written", () => {
    expect(queryOf("a=1&b=%2B")).toBe("a=1&b=%2B");
    expect(queryOf("?a=1")).toBe("a=1");
    expect(queryOf("http://x.test/p?a=%41+b#frag")).toBe("a=%41+b");
    expect(queryOf("https://x.test/p")).toBe("");
  });
});

describe("docs/signatures.md", () => {
  it("lists vectors exactly as the Go-made fixture file has them", () => {
    const doc = readFileSync(`${REPO_ROOT}docs/signatures.md`, "utf8");
    const sections = doc.split("\n### ").slice(1);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    for (const section of sections) {
      const name = section.split("\n")[0];
      const field = (label: string) => new RegExp(`^- ${label}: \`(.*)\`$`, "m").exec(section)![1];
      const vector = byName(name);
      expect(vector, name).toBeDefined();
      expect(field("secret")).toBe(vector.secret);
      expect(field("query")).toBe(vector.query);
      expect(field("signed bytes")).toBe(vector.payload);
      expect(field("`X-Pylon-Signature`")).toBe(vector.signature);
    }
  });
});
