// @vitest-environment node
import { describe, expect, it } from "vitest";
import { verifyEndpoint } from "../../src/host/index.js";
import { verifySignature } from "../../src/protocol/signature.js";
import { answer, testServers, streamForever, unusedPort } from "./http-test-server.js";

const serve = testServers();

const codeOf = (req: { url?: string }) => new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "";

describe("verifyEndpoint", () => {
  it("verifies an endpoint that echoes the code as application/json", async () => {
    const s = await serve((req, res) => answer(res, 200, "application/json", JSON.stringify({ code: codeOf(req) })));
    const result = await verifyEndpoint({ url: s.url("/pylon?tenant=acme") });

    expect(result).toEqual({ status: "verified", code: expect.stringMatching(/^[0-9a-f]{32}$/) as string, httpStatus: 200, contentType: "application/json" });
    expect(result).not.toHaveProperty("failure");
    const [seen] = s.requests;
    expect(seen.method).toBe("GET");
    expect(seen.url.pathname).toBe("/pylon");
    expect(seen.url.searchParams.get("request_type")).toBe("verify");
    expect(seen.url.searchParams.get("code")).toBe(result.code);
    expect(seen.url.searchParams.get("tenant")).toBe("acme");
  });

  it("sends a fresh code on every handshake", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/plain", codeOf(req)));
    const first = await verifyEndpoint({ url: s.url() });
    const second = await verifyEndpoint({ url: s.url() });
    expect(first.status).toBe("verified");
    expect(second.status).toBe("verified");
    expect(first.code).not.toBe(second.code);
  });

  it("accepts a charset parameter and any case in the JSON media type", async () => {
    const s = await serve((req, res) =>
      answer(res, 200, "Application/JSON; Charset=UTF-8", JSON.stringify({ code: codeOf(req), app: "crm" })),
    );
    expect((await verifyEndpoint({ url: s.url() })).status).toBe("verified");
  });

  it("verifies an endpoint that answers the code as text/plain with a trailing newline", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/plain; charset=utf-8", `  ${codeOf(req)}\n`));
    expect(await verifyEndpoint({ url: s.url() })).toEqual({ status: "verified", code: expect.any(String) as string, httpStatus: 200, contentType: "text/plain; charset=utf-8" });
  });

  it("is unverified when the JSON code is not the one sent, naming both", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", '{"code":"not-the-code"}'));
    const result = await verifyEndpoint({ url: s.url(), code: "0123456789abcdef0123456789abcdef" });
    expect(result.status).toBe("unverified");
    expect(result.failure).toBe("wrong_code");
    expect(result.reason).toBe(
      'The app answered the code "not-the-code"; expected "0123456789abcdef0123456789abcdef", the code sent with this handshake.',
    );
  });

  it("is unverified when the text/plain body is another code", async () => {
    const s = await serve((_req, res) => answer(res, 200, "text/plain", "deadbeef"));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.status).toBe("unverified");
    expect(result.failure).toBe("wrong_code");
    expect(result.reason).toContain('"deadbeef"');
    expect(result.reason).toContain(result.code);
  });

  it("is unverified when JSON has no code field", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", '{"ok":true}'));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.reason).toMatch(/^The app answered JSON without a "code" field/);
    expect(result.failure).toBe("wrong_code");
  });

  it("is unverified when the body is declared JSON but is not", async () => {
    const s = await serve((req, res) => answer(res, 200, "application/json", codeOf(req)));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.status).toBe("unverified");
    expect(result.reason).toMatch(/declared application\/json but its answer is not valid JSON/);
    expect(result.failure).toBe("not_json");
  });

  it("is unverified for the right code with the wrong content type", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/html", codeOf(req)));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.status).toBe("unverified");
    expect(result.reason).toMatch(/^The app answered with Content-Type text\/html; expected application\/json/);
    expect(result).toMatchObject({ failure: "wrong_content_type", httpStatus: 200, contentType: "text/html" });
  });

  it("is unverified without a content type", async () => {
    const s = await serve((req, res) => answer(res, 200, null, codeOf(req)));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.reason).toMatch(/with no Content-Type/);
    expect(result.failure).toBe("wrong_content_type");
  });

  it.each([
    [404, "HTTP 404 Not Found"],
    [401, "HTTP 401 Unauthorized"],
    [500, "HTTP 500 Internal Server Error"],
    [503, "HTTP 503 Service Unavailable"],
  ])("is unverified for HTTP %i, even with the right code in the body", async (status, described) => {
    const s = await serve((req, res) => answer(res, status, "text/plain", codeOf(req)));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.status).toBe("unverified");
    expect(result.reason).toMatch(new RegExp(`^The app answered ${described}; expected 200`));
    expect(result).toMatchObject({ failure: "http", httpStatus: status });
  });

  it("does not follow a redirect, and says where it pointed", async () => {
    const s = await serve((req, res) => {
      if (req.url?.startsWith("/final")) return answer(res, 200, "text/plain", codeOf(req));
      res.writeHead(302, { location: "/final" });
      res.end();
    });
    const result = await verifyEndpoint({ url: s.url("/start") });
    expect(result.status).toBe("unverified");
    expect(result.reason).toMatch(/^The app answered HTTP 302 Found, a redirect to \/final; expected 200/);
    expect(result.reason).toContain("Redirects are not followed");
    expect(result).toMatchObject({ failure: "http", httpStatus: 302 });
    expect(s.requests.map((r) => r.url.pathname)).toEqual(["/start"]);
  });

  it("gives up at the timeout when the app never answers, and closes the connection", async () => {
    const s = await serve(() => {});
    const started = performance.now();
    const result = await verifyEndpoint({ url: s.url(), timeoutMs: 300 });
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({ status: "unverified", failure: "timeout", reason: "The app did not answer within 300 ms." });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
    await s.requests[0].closed;
  });

  it("stops reading a handshake answer past 64 KiB and closes the connection", async () => {
    const s = await serve((_req, res) => streamForever(res, "text/plain"));
    const result = await verifyEndpoint({ url: s.url() });
    expect(result.status).toBe("unverified");
    expect(result.reason).toMatch(/larger than the limit of 64 KiB/);
    expect(result.failure).toBe("too_large");
    await s.requests[0].closed;
    expect(s.requests[0].bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });

  it("is unverified with a readable reason when nothing listens", async () => {
    const port = await unusedPort();
    const result = await verifyEndpoint({ url: `http://127.0.0.1:${port}/app` });
    expect(result.status).toBe("unverified");
    expect(result.failure).toBe("network");
    expect(result.reason).toMatch(new RegExp(`^Could not reach the app at http://127\\.0\\.0\\.1:${port}/app \\(.*ECONNREFUSED`));
  });

  it("is unverified for a URL that is not http(s)", async () => {
    const result = await verifyEndpoint({ url: "ftp://example.com/app" });
    expect(result).toMatchObject({ status: "unverified", failure: "config", reason: expect.stringMatching(/uses ftp: but only http: and https:/) as string });
  });

  it("refuses an empty code as config, sending nothing, so an empty body proves nothing", async () => {
    const s = await serve((_req, res) => answer(res, 200, "text/plain", ""));
    const result = await verifyEndpoint({ url: s.url(), code: "" });
    expect(result).toMatchObject({ status: "unverified", code: "", failure: "config", reason: expect.stringMatching(/code is an empty string/) as string });
    expect(s.requests).toHaveLength(0);
  });

  it("sends the app's custom headers and a correct signature", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/plain", codeOf(req)));
    const result = await verifyEndpoint({ url: s.url("/?x=1"), headers: { "X-Api-Key": "k-123" }, secret: "abc123" });
    expect(result.status).toBe("verified");
    const seen = s.requests[0];
    expect(seen.headers["x-api-key"]).toBe("k-123");
    const signature = seen.headers["x-pylon-signature"];
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifySignature(seen.rawQuery, String(signature), "abc123")).toBe(true);
    expect(await verifySignature(seen.rawQuery, String(signature), "other")).toBe(false);
  });

  it("rejects with an AbortError when the caller aborts", async () => {
    const s = await serve(() => {});
    const controller = new AbortController();
    const pending = verifyEndpoint({ url: s.url(), signal: controller.signal });
    await s.nextRequest();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await s.requests[0].closed;
  });
});
