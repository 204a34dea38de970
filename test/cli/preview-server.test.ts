// @vitest-environment node
// The preview's server side calls apps through the host client: the same redirect refusal,
// code trimming, size cap, timeout and header checks as a real host. Real node:http servers.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PreviewExchange, PreviewVerifyResult } from "../../src/cli/preview/protocol.js";
import { DEFAULT_CONTEXT, startPreviewServer, type PreviewServer } from "../../src/cli/preview/server.js";
import { signQuery, verifySignature } from "../../src/protocol/signature.js";
import { answer, startTestServer, streamForever, type TestHandler, type TestServer } from "../host/http-test-server.js";

const pageDir = mkdtempSync(join(tmpdir(), "sidecard-preview-page-"));
writeFileSync(join(pageDir, "index.html"), "<!doctype html><title>preview</title>");

const WIDGET = JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro" }] });
const codeOf = (req: { url?: string }) => new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(handler: TestHandler): Promise<TestServer> {
  const server = await startTestServer(handler);
  open.push(server);
  return server;
}

async function preview(url: string, options: { secret?: string; timeoutMs?: number; maxBytes?: number } = {}): Promise<PreviewServer> {
  const server = await startPreviewServer({ target: { kind: "url", url }, pageDir, port: 0, ...options });
  open.push(server);
  return server;
}

async function post<T>(server: PreviewServer, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, server.url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const verify = (server: PreviewServer, headers: Record<string, string> = {}, sign = true) =>
  post<PreviewVerifyResult>(server, "/api/verify", { sign, headers });
const fetchData = (server: PreviewServer, headers: Record<string, string> = {}, sign = true) =>
  post<PreviewExchange>(server, "/api/fetch", { sign, headers, context: DEFAULT_CONTEXT });

describe("sidecard preview's calls to the app", () => {
  it("refuses a redirect: Unverified and no widget, and the target gets no request, headers or signature", async () => {
    const target = await serve((req, res) => {
      if (codeOf(req)) answer(res, 200, "text/plain", codeOf(req));
      else answer(res, 200, "application/json", WIDGET);
    });
    const app = await serve((req, res) => {
      res.writeHead(307, { Location: target.url(req.url ?? "/") });
      res.end();
    });
    const server = await preview(app.url("/custom-app"), { secret: "s3cret" });

    const handshake = await verify(server, { "X-Api-Key": "typed-in-page" });
    expect(handshake.verified).toBe(false);
    expect(handshake.reason).toMatch(/^The app answered HTTP 307 Temporary Redirect, a redirect to http:\/\/127\.0\.0\.1:\d+\/custom-app\?.*Redirects are not followed/);
    expect(handshake.error).toEqual({ kind: "http", message: handshake.reason });

    const fetched = await fetchData(server, { "X-Api-Key": "typed-in-page" });
    expect(fetched).toMatchObject({ status: 307, body: null, error: { kind: "http" }, signed: true });
    expect(fetched.networkError).toMatch(/Redirects are not followed/);

    // The app itself got both requests, signed and with the typed header; the target got nothing.
    expect(app.requests).toHaveLength(2);
    expect(app.requests[0].headers["x-api-key"]).toBe("typed-in-page");
    expect(await verifySignature(app.requests[0].rawQuery, String(app.requests[0].headers["x-pylon-signature"]), "s3cret")).toBe(true);
    expect(target.requests).toHaveLength(0);
  });

  it("accepts a text/plain code with surrounding whitespace, as the host client does", async () => {
    const app = await serve((req, res) => answer(res, 200, "text/plain; charset=utf-8", `${codeOf(req)}\n`));
    const server = await preview(app.url("/"));
    const handshake = await verify(server, {}, false);
    expect(handshake).toMatchObject({ verified: true, reason: null, status: 200, error: null, signed: false });
    expect(handshake.requestUrl).toBe(app.url(`/?request_type=verify&code=${codeOf({ url: app.requests[0].url.href })}`));
  });

  it("caps the answer at the host's 1 MiB and closes the connection", async () => {
    const app = await serve((_req, res) => streamForever(res, "application/json"));
    const server = await preview(app.url("/"));
    const fetched = await fetchData(server);
    expect(fetched).toMatchObject({ status: 200, body: null, truncated: true, error: { kind: "too_large" } });
    expect(fetched.networkError).toMatch(/larger than the limit of 1 MiB/);
    await app.requests[0].closed;
    expect(app.requests[0].bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });

  it("times out a body that never finishes", async () => {
    const app = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write("{");
    });
    const server = await preview(app.url("/"), { timeoutMs: 300 });
    const fetched = await fetchData(server);
    expect(fetched).toMatchObject({ status: 200, body: null, error: { kind: "timeout", message: "The app did not finish its answer within 300 ms." } });
    const handshake = await verify(server);
    expect(handshake).toMatchObject({ verified: false, error: { kind: "timeout" } });
  });

  it("reports a typed header it cannot send as a config error and sends nothing", async () => {
    const app = await serve((_req, res) => answer(res, 200, "application/json", WIDGET));
    const server = await preview(app.url("/"));
    const fetched = await fetchData(server, { "X-Api-Key": "a\r\nX-Injected: 1" });
    expect(fetched.error).toMatchObject({ kind: "config", message: expect.stringMatching(/"X-Api-Key" has a value with a line break/) as string });
    const handshake = await verify(server, { "Bad Name": "x" });
    expect(handshake).toMatchObject({ verified: false, error: { kind: "config" } });
    expect(app.requests).toHaveLength(0);
  });

  it("passes the app's error answer and text that is not JSON through for the page to show", async () => {
    let mode: "401" | "text" | "good" = "401";
    const app = await serve((_req, res) => {
      if (mode === "401") answer(res, 401, "application/json", JSON.stringify({ error: "Missing X-Pylon-Signature." }));
      else if (mode === "text") answer(res, 200, "application/json", "{\n  oops\n}");
      else answer(res, 200, "application/json; charset=utf-8", WIDGET);
    });
    const server = await preview(app.url("/"));
    expect(await fetchData(server)).toMatchObject({ status: 401, body: '{"error":"Missing X-Pylon-Signature."}', networkError: null, error: { kind: "http" } });
    mode = "text";
    expect(await fetchData(server)).toMatchObject({ status: 200, body: "{\n  oops\n}", networkError: null, error: { kind: "not_json" } });
    mode = "good";
    const good = await fetchData(server);
    expect(good).toMatchObject({ status: 200, contentType: "application/json; charset=utf-8", networkError: null, error: null });
    expect(JSON.parse(good.body!)).toEqual(JSON.parse(WIDGET));
    expect(new URL(good.requestUrl).searchParams.get("issue_id")).toBe(DEFAULT_CONTEXT.issue_id);
  });
});

describe("sidecard preview's own server", () => {
  const payloadFile = join(pageDir, "payload.json");
  writeFileSync(payloadFile, WIDGET);

  async function previewFile(secret?: string): Promise<PreviewServer> {
    const server = await startPreviewServer({ target: { kind: "file", path: payloadFile }, pageDir, port: 0, secret });
    open.push(server);
    return server;
  }

  it("serves a payload file's app reading only what was signed: a pair Go skips is refused with 400", async () => {
    const server = await previewFile("s3cret");
    const signed = "request_type=verify&code=REALCODE";
    const headers = { "X-Pylon-Signature": await signQuery(signed, "s3cret") };
    const genuine = await fetch(new URL(`/app?${signed}`, server.url), { headers });
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ code: "REALCODE" });
    // Go's parse skips "code=CHOSEN;", so the signature still matches; the WHATWG parse would read it first.
    const smuggled = await fetch(new URL(`/app?code=CHOSEN;&${signed}`, server.url), { headers });
    expect(smuggled.status).toBe(400);
    expect(await smuggled.json()).toEqual({
      error: `The query has a pair that Go's url.ParseQuery skips: "code=CHOSEN;" (a ";" or a malformed "%" escape); expected every name and value percent-encoded.`,
    });
  });

  it("answers 400 for a path with a malformed %-escape, naming it", async () => {
    const server = await previewFile();
    const response = await fetch(new URL("/%E0%A4%A", server.url));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The path "/%E0%A4%A" has a malformed %-escape; expected %XX sequences of UTF-8.' });
  });

  it("answers 400 for an API body that is not JSON and 413 for one over 1 MiB", async () => {
    const server = await previewFile();
    const send = (body: string) =>
      fetch(new URL("/api/fetch", server.url), { method: "POST", headers: { "Content-Type": "application/json" }, body });
    const bad = await send("{bad");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^The request body is not valid JSON \(.+\); expected a JSON object\.$/);
    const large = await send(" ".repeat(1024 * 1024 + 1));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ error: "The request body is larger than 1 MiB; expected a small JSON object." });
  });
});
