// @vitest-environment node
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fetchWidget, type CustomAppRequestContext } from "../../src/host/index.js";
import { answer, testServers, streamForever, unusedPort } from "./http-test-server.js";

const serve = testServers();

const context: CustomAppRequestContext = {
  app_id: "app_1",
  widget_id: "w_9",
  issue_id: "iss_42",
  organization_id: "org_7",
  account_id: "acc_3",
  requester_id: "usr_5",
  requester_email: "jane.doe+vip@example.com",
};

const widget = {
  version: "1.0.0",
  header: { title: "CRM" },
  components: [{ type: "text", label: "Plan", value: "Enterprise" }],
};
const widgetJson = JSON.stringify(widget);

/**
 * The signature computed independently of sidecard: node:crypto over Go's json.Marshal of
 * url.Values (sorted keys, no spaces, HTML-sensitive characters escaped), built from the
 * query the server received.
 */
function goStyleSignature(rawQuery: string, secret: string): string {
  const values = new Map<string, string[]>();
  for (const [key, value] of new URLSearchParams(rawQuery)) values.set(key, [...(values.get(key) ?? []), value]);
  const goString = (s: string) =>
    JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const keys = [...values.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const json = `{${keys.map((k) => `${goString(k)}:[${values.get(k)!.map(goString).join(",")}]`).join(",")}}`;
  return createHmac("sha256", secret).update(json, "utf8").digest("hex");
}

describe("fetchWidget", () => {
  it("sends request_type=fetch_data with the seven context parameters and parses the answer", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json; charset=utf-8", widgetJson));
    const result = await fetchWidget({ url: s.url("/widget?tenant=acme"), context });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.payload).toEqual(widget);
    expect(result.result.ok).toBe(true);
    expect(result.result.payload?.components).toHaveLength(1);
    expect(result.status).toBe(200);
    expect(result.durationMs).toBeGreaterThan(0);

    const seen = s.requests[0];
    expect(seen.method).toBe("GET");
    expect(Object.fromEntries(seen.url.searchParams)).toEqual({ tenant: "acme", request_type: "fetch_data", ...context });
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["x-pylon-signature"]).toBeUndefined();
  });

  it("sends unknown context parameters empty rather than leaving them out", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetJson));
    await fetchWidget({ url: s.url(), context: { issue_id: "iss_1", requester_email: null } });
    const params = s.requests[0].url.searchParams;
    expect(params.get("issue_id")).toBe("iss_1");
    expect(params.get("requester_email")).toBe("");
    expect(params.get("app_id")).toBe("");
    expect([...params.keys()]).toHaveLength(8);
  });

  it("sends the app's custom headers", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetJson));
    await fetchWidget({ url: s.url(), context, headers: { Authorization: "Bearer t0k", "X-Tenant": "acme" } });
    expect(s.requests[0].headers.authorization).toBe("Bearer t0k");
    expect(s.requests[0].headers["x-tenant"]).toBe("acme");
  });

  it("signs the exact query sent, so the app can recompute the signature from what it received", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetJson));
    const tricky = { ...context, requester_email: "<o'brien>&co@exämple.com" };
    await fetchWidget({ url: s.url("/w?tag=b&tag=a"), context: tricky, secret: "clé" });

    const seen = s.requests[0];
    expect(seen.headers["x-pylon-signature"]).toBe(goStyleSignature(seen.rawQuery, "clé"));
    expect(seen.headers["x-pylon-signature"]).not.toBe(goStyleSignature(seen.rawQuery, "other"));
  });

  it("produces the signature Go computed for the same parameters (fixture vector)", async () => {
    const fixture = JSON.parse(readFileSync("/work/shared/fixtures/signature-vectors.json", "utf8")) as {
      vectors: Array<{ name: string; secret: string; query: string; signature: string }>;
    };
    const vector = fixture.vectors.find((v) => v.name === "fetch_data all params")!;
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetJson));
    const vectorContext = Object.fromEntries(new URLSearchParams(vector.query)) as CustomAppRequestContext;
    await fetchWidget({ url: s.url(), context: vectorContext, secret: vector.secret });
    expect(s.requests[0].headers["x-pylon-signature"]).toBe(vector.signature);
  });

  it("returns a JSON answer that is not a valid widget as ok, with the diagnostics", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", '{"components":[{"type":"chart"}]}'));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.result.ok).toBe(false);
    expect(result.result.diagnostics.map((d) => d.code)).toContain("unknown_type");
  });

  it("reports HTTP errors with the status and its reason phrase", async () => {
    const s = await serve((_req, res) => answer(res, 502, "text/html", "<h1>bad gateway</h1>"));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "http", status: 502, message: "The app answered HTTP 502 Bad Gateway; expected 200 with the widget JSON." },
    });
  });

  it("quotes the error an app put in a JSON error answer", async () => {
    const s = await serve((_req, res) => answer(res, 500, "application/json", '{"error":"database is down"}'));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: "http",
        status: 500,
        message: 'The app answered HTTP 500 Internal Server Error; expected 200 with the widget JSON. It said: "database is down".',
      },
    });
  });

  it.each([401, 403, 404, 429])("reports HTTP %i as an http error", async (status) => {
    const s = await serve((_req, res) => answer(res, status, "application/json", widgetJson));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status } });
  });

  it("does not follow redirects", async () => {
    const s = await serve((req, res) => {
      if (req.url?.startsWith("/moved")) return answer(res, 200, "application/json", widgetJson);
      res.writeHead(301, { location: s.url("/moved") });
      res.end();
    });
    const result = await fetchWidget({ url: s.url("/old"), context, headers: { "X-Api-Key": "k" } });
    expect(result).toMatchObject({ ok: false, error: { kind: "http", status: 301 } });
    expect(!result.ok && result.error.message).toMatch(/^The app answered HTTP 301 Moved Permanently, a redirect to http:\/\/127\.0\.0\.1:\d+\/moved;/);
    expect(s.requests).toHaveLength(1);
  });

  it("reports an answer that is not JSON, saying how it begins", async () => {
    const s = await serve((_req, res) => answer(res, 200, "text/html", "<!doctype html><p>Login</p>"));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({ ok: false, error: { kind: "not_json", status: 200 } });
    expect(!result.ok && result.error.message).toMatch(/^The app's answer is not JSON \(Content-Type text\/html\): it begins "<!doctype html>/);
  });

  it("reports an empty answer as not JSON", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", ""));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "not_json", message: "The app answered an empty body (Content-Type application/json); expected the widget JSON." },
    });
  });

  it("accepts JSON sent with a non-JSON content type", async () => {
    const s = await serve((_req, res) => answer(res, 200, "text/plain", widgetJson));
    const result = await fetchWidget({ url: s.url(), context });
    expect(result.ok && result.result.ok).toBe(true);
  });

  it("times out when the app never answers, within the timeout, and closes the connection", async () => {
    const s = await serve(() => {});
    const started = performance.now();
    const result = await fetchWidget({ url: s.url(), context, timeoutMs: 250 });
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({ ok: false, error: { kind: "timeout", message: "The app did not answer within 250 ms." } });
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(1000);
    const seen = s.requests[0];
    await seen.closed;
    expect(seen.closedAt! - started).toBeLessThan(1000);
  });

  it("times out when the headers arrive but the body never finishes", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"version":"1.0.0",');
    });
    const started = performance.now();
    const result = await fetchWidget({ url: s.url(), context, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout", message: "The app did not finish its answer within 300 ms." } });
    expect(performance.now() - started).toBeLessThan(1000);
    await s.requests[0].closed;
  });

  it("stops reading an endless answer at maxBytes and closes the connection", async () => {
    const s = await serve((_req, res) => streamForever(res, "application/json"));
    const result = await fetchWidget({ url: s.url(), context, maxBytes: 100_000 });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "too_large", message: "The app's answer is larger than the limit of 100000 bytes; expected 200 with the widget JSON." },
    });
    const seen = s.requests[0];
    await seen.closed;
    // Far less than the 64 MiB the server would send if the client kept reading.
    expect(seen.bytesWritten()).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses early when Content-Length is over the limit", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) });
      res.write("{");
    });
    const result = await fetchWidget({ url: s.url(), context, timeoutMs: 5000 });
    expect(result).toMatchObject({ ok: false, error: { kind: "too_large", message: expect.stringContaining("limit of 1 MiB") as string } });
    expect(result.durationMs).toBeLessThan(1000);
    await s.requests[0].closed;
  });

  it("accepts an answer of exactly maxBytes", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetJson));
    const exact = await fetchWidget({ url: s.url(), context, maxBytes: Buffer.byteLength(widgetJson) });
    const over = await fetchWidget({ url: s.url(), context, maxBytes: Buffer.byteLength(widgetJson) - 1 });
    expect(exact.ok).toBe(true);
    expect(over).toMatchObject({ ok: false, error: { kind: "too_large" } });
  });

  it("reports a refused connection as a network error", async () => {
    const port = await unusedPort();
    const result = await fetchWidget({ url: `http://127.0.0.1:${port}/w`, context });
    expect(result).toMatchObject({ ok: false, error: { kind: "network" } });
    expect(!result.ok && result.error.message).toMatch(/^Could not reach the app at http:\/\/127\.0\.0\.1:\d+\/w \(.*ECONNREFUSED/);
    expect(!result.ok && result.error.message).not.toContain("issue_id");
  });

  it("reports a connection cut mid-answer as a network error", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"version":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const result = await fetchWidget({ url: s.url(), context });
    expect(result).toMatchObject({ ok: false, error: { kind: "network", message: expect.stringMatching(/broke while reading its answer/) as string } });
  });

  it("resolves as aborted, without rejecting, when the caller aborts, and closes the connection", async () => {
    const s = await serve(() => {});
    const controller = new AbortController();
    const pending = fetchWidget({ url: s.url(), context, signal: controller.signal });
    const seen = await s.nextRequest();
    controller.abort();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { kind: "aborted" } });
    await seen.closed;
  });

  it("holds to the timeout even when a host fetch ignores the abort signal", async () => {
    const neverSettles = () => new Promise<Response>(() => {});
    const started = performance.now();
    const result = await fetchWidget({ url: "https://app.example/w", context, fetch: neverSettles, timeoutMs: 100 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout" } });
    expect(performance.now() - started).toBeLessThan(600);
  });
});
