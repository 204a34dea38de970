// @vitest-environment node
import type { IncomingMessage } from "node:http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCustomAppProxy,
  toNodeHandler,
  verifySignature,
  type CustomAppProxyOptions,
  type CustomAppTarget,
} from "../../src/server/index.js";
import { testServers, unusedPort, type TestHandler } from "../host/http-test-server.js";

const SECRET = "proxy-s3cr3t";
const WIDGET = { version: "1.0.0", header: { title: "T" }, components: [{ type: "text", label: "a", value: "b" }] };
const EXPECTED_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "x-content-type-options": "nosniff",
  "content-security-policy": "sandbox; default-src 'none'",
  "cache-control": "no-store",
};

interface Seen {
  path: string;
  rawQuery: string;
  headers: IncomingMessage["headers"];
}

const serveForFile = testServers("all");

/** A test server for the whole file (closed after its tests); its origin as `base`. */
async function listen(listener: TestHandler): Promise<{ base: string }> {
  return { base: (await serveForFile(listener)).url("") };
}

describe("createCustomAppProxy against real apps over node:http", () => {
  const seen: Seen[] = [];
  const stolen: Seen[] = [];
  let app: { base: string };
  let elsewhere: { base: string };
  let proxy: { base: string };
  let options: Partial<CustomAppProxyOptions> = {};
  let target: (name: string) => CustomAppTarget = () => ({ url: "" });

  beforeAll(async () => {
    elsewhere = await listen((req, res) => {
      const url = new URL(req.url!, "http://x");
      stolen.push({ path: url.pathname, rawQuery: url.search.slice(1), headers: req.headers });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(WIDGET));
    });
    app = await listen((req, res) => {
      const url = new URL(req.url!, "http://x");
      seen.push({ path: url.pathname, rawQuery: url.search.slice(1), headers: req.headers });
      const code = url.searchParams.get("code") ?? "";
      switch (url.pathname) {
        case "/json":
          res.writeHead(200, { "Content-Type": "application/json", "Set-Cookie": "app_session=1; Path=/", "X-App-Secret": "leak" });
          res.end(JSON.stringify(url.searchParams.get("request_type") === "verify" ? { code } : WIDGET));
          return;
        case "/html":
          res.writeHead(200, { "Content-Type": "text/html", "Set-Cookie": "pwned=1; Path=/" });
          res.end(`<!doctype html><script>document.cookie = "pwned=1"; window.pwned = true;</script><p>${code}</p>`);
          return;
        case "/html-json":
          res.writeHead(200, { "Content-Type": "text/html" }).end(JSON.stringify(WIDGET));
          return;
        case "/text":
          res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(url.searchParams.get("request_type") === "verify" ? `${code}\n` : "hello");
          return;
        case "/redirect":
          res.writeHead(302, { Location: `${elsewhere.base}/steal?${url.search.slice(1)}` }).end();
          return;
        case "/endless": {
          res.writeHead(200, { "Content-Type": "application/json" });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once("drain", pump);
          };
          res.write("[");
          pump();
          return;
        }
        case "/slow": {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.write("[");
          const timer = setInterval(() => res.write(" "), 50);
          res.on("close", () => clearInterval(timer));
          return;
        }
        case "/delayed":
          setTimeout(() => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(WIDGET)), 50);
          return;
        case "/fail":
          res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "database is down" }));
          return;
        default:
          res.writeHead(404).end();
      }
    });
    target = (name) => ({ url: `${app.base}/${name}?tenant=t1`, headers: { "X-Api-Key": "key-123" }, secret: SECRET });
    const handler = createCustomAppProxy({
      resolveApp: (request) => (options.resolveApp ? options.resolveApp(request) : target(new URL(request.url).pathname.split("/").pop()!)),
      authorize: (request, resolved) => (options.authorize ? options.authorize(request, resolved) : true),
      context: (request, incoming, resolved) => options.context?.(request, incoming, resolved),
      timeoutMs: 2000,
      maxBytes: 256 * 1024,
      onError: (error, request) => options.onError?.(error, request),
    });
    proxy = await listen(toNodeHandler(handler));
  });

  const FETCH_QUERY =
    "request_type=fetch_data&app_id=a1&widget_id=w1&issue_id=1001&organization_id=o1&account_id=3&requester_id=r1&requester_email=jane%40example.com";

  async function call(name: string, query: string, init?: RequestInit) {
    const response = await fetch(`${proxy.base}/proxy/${name}?${query}`, init);
    const raw = await response.text();
    return { response, raw, body: JSON.parse(raw) as Record<string, unknown> };
  }

  function expectSafeHeaders(response: Response) {
    const headers = Object.fromEntries(response.headers);
    expect(headers).toMatchObject(EXPECTED_HEADERS);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(headers["x-app-secret"]).toBeUndefined();
  }

  it("sends the app only the protocol's names, signed over exactly what is sent, and answers its JSON with the proxy's headers only", async () => {
    options = {};
    const { response, body } = await call("json", `${FETCH_QUERY}&code=smuggled&debug=1&app_id=second`, {
      headers: { Cookie: "agent_session=secret", Authorization: "Bearer agent" },
    });
    expect(response.status).toBe(200);
    expect(body).toEqual(WIDGET);
    expectSafeHeaders(response);

    const received = seen.at(-1)!;
    const query = new URLSearchParams(received.rawQuery);
    expect([...query.keys()]).toEqual(["tenant", "request_type", "app_id", "widget_id", "issue_id", "organization_id", "account_id", "requester_id", "requester_email"]);
    expect(query.get("app_id")).toBe("a1"); // the first value, as Go reads it
    expect(query.get("requester_email")).toBe("jane@example.com");
    expect(await verifySignature(received.rawQuery, String(received.headers["x-pylon-signature"]), SECRET)).toBe(true);
    expect(received.headers["x-api-key"]).toBe("key-123");
    expect(received.headers.cookie).toBeUndefined();
    expect(received.headers.authorization).toBeUndefined();
  });

  it("lets the host fill the context and signs after that change", async () => {
    options = { context: (_request, incoming) => ({ requester_email: `verified-${incoming.issue_id}@example.com`, account_id: null }) };
    const { response } = await call("json", FETCH_QUERY.replace("jane%40example.com", "attacker%40evil.test"));
    expect(response.status).toBe(200);
    const received = seen.at(-1)!;
    const query = new URLSearchParams(received.rawQuery);
    expect(query.get("requester_email")).toBe("verified-1001@example.com");
    expect(query.get("account_id")).toBe("");
    expect(await verifySignature(received.rawQuery, String(received.headers["x-pylon-signature"]), SECRET)).toBe(true);
  });

  it("answers an app's text/html with script as a JSON not_json error that carries none of it", async () => {
    options = {};
    const { response, raw, body } = await call("html", FETCH_QUERY);
    expect(response.status).toBe(502);
    expectSafeHeaders(response);
    expect(body).toEqual({ kind: "not_json", status: 200, error: "The app's answer is not JSON (Content-Type text/html); expected 200 with the widget JSON." });
    expect(raw).not.toMatch(/<script|pwned/);
  });

  it("passes JSON sent under a wrong content type as JSON", async () => {
    options = {};
    const { response, body } = await call("html-json", FETCH_QUERY);
    expect(response.status).toBe(200);
    expectSafeHeaders(response);
    expect(body).toEqual(WIDGET);
  });

  it("turns a text/plain handshake answer into {code} JSON, forwards a JSON one, and refuses HTML", async () => {
    options = {};
    const text = await call("text", "request_type=verify&code=c0de42");
    expect(text.response.status).toBe(200);
    expectSafeHeaders(text.response);
    expect(text.body).toEqual({ code: "c0de42" });
    const received = seen.at(-1)!;
    expect(received.rawQuery).toBe("tenant=t1&request_type=verify&code=c0de42");
    expect(await verifySignature(received.rawQuery, String(received.headers["x-pylon-signature"]), SECRET)).toBe(true);

    expect((await call("json", "request_type=verify&code=abc")).body).toEqual({ code: "abc" });
    const html = await call("html", "request_type=verify&code=abc");
    expect(html.response.status).toBe(502);
    expect(html.body.kind).toBe("not_json");
    expect(html.raw).not.toMatch(/<script/);
    // A text/plain body for fetch_data is not a widget.
    expect((await call("text", FETCH_QUERY)).body.kind).toBe("not_json");
  });

  it("does not follow a redirect: the secret and headers never reach the Location", async () => {
    options = {};
    const { response, body } = await call("redirect", FETCH_QUERY);
    expect(response.status).toBe(502);
    expectSafeHeaders(response);
    expect(body).toMatchObject({ kind: "redirect", status: 302 });
    expect(String(body.error)).toMatch(/Redirects are not followed/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stolen).toEqual([]);
  });

  it("cuts an endless answer at maxBytes (too_large) and a slow one at timeoutMs (timeout)", async () => {
    options = {};
    const started = Date.now();
    const endless = await call("endless", FETCH_QUERY);
    expect(endless.response.status).toBe(502);
    expect(endless.body.kind).toBe("too_large");
    expectSafeHeaders(endless.response);

    const quick = createCustomAppProxy({ resolveApp: () => target("slow"), timeoutMs: 300 });
    const slow = await quick(new Request(`http://host.test/proxy/slow?${FETCH_QUERY}`));
    expect(slow.status).toBe(504);
    expectSafeHeaders(slow);
    expect(await slow.json()).toEqual({ kind: "timeout", error: "The app did not finish its answer within 300 ms." });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("treats non-finite or non-positive limits as the defaults, and needs resolveApp", async () => {
    const loose = createCustomAppProxy({ resolveApp: () => target("endless"), maxBytes: Number.NaN, timeoutMs: Number.POSITIVE_INFINITY });
    const endless = await loose(new Request(`http://host.test/proxy/endless?${FETCH_QUERY}`));
    expect(endless.status).toBe(502);
    expect(await endless.json()).toMatchObject({ kind: "too_large", error: expect.stringMatching(/limit of 1 MiB/) as string });
    expect(() => createCustomAppProxy({} as CustomAppProxyOptions)).toThrow(/resolveApp/);
  });

  it("caps a timeoutMs past setTimeout's 2^31 - 1 ms instead of timing out at once", async () => {
    const patient = createCustomAppProxy({ resolveApp: () => target("delayed"), timeoutMs: 3_000_000_000 });
    const answered = await patient(new Request(`http://host.test/proxy/delayed?${FETCH_QUERY}`));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual(WIDGET);
  });

  it("names an app's error status (http) and an app that cannot be reached (network)", async () => {
    options = {};
    const failed = await call("fail", FETCH_QUERY);
    expect(failed.response.status).toBe(502);
    expect(failed.body).toMatchObject({ kind: "http", status: 500 });
    expect(String(failed.body.error)).toMatch(/HTTP 500 Internal Server Error.*database is down/);

    const port = await unusedPort();
    options = { resolveApp: () => ({ url: `http://127.0.0.1:${port}/gone` }) };
    const down = await call("gone", FETCH_QUERY);
    expect(down.response.status).toBe(502);
    expect(down.body.kind).toBe("network");
    expectSafeHeaders(down.response);
  });

  it("answers config errors for a bad resolved app as JSON, without calling it and without quoting header values", async () => {
    const onError = vi.fn();
    const cases: Array<[CustomAppTarget, RegExp]> = [
      [{ url: `${app.base}/json`, headers: { "X Api Key": "v" } }, /headers are not valid HTTP headers \(the header "X Api Key"\)/],
      [{ url: `${app.base}/json`, headers: { "X-Api-Key": "key-123\r\nX-Injected: 1" } }, /headers are not valid HTTP headers \(the header "X-Api-Key"\)/],
      [{ url: `${app.base}/json`, secret: "" }, /secret is empty/],
      [{ url: "ftp://example.com/app" }, /only http: and https:/],
      [{ url: "not a url" }, /not a valid absolute URL/],
    ];
    const before = seen.length;
    for (const [resolved, message] of cases) {
      options = { resolveApp: () => resolved, onError };
      const { response, body, raw } = await call("x", FETCH_QUERY);
      expect(response.status).toBe(500);
      expectSafeHeaders(response);
      expect(body.kind).toBe("config");
      expect(String(body.error)).toMatch(message);
      expect(raw).not.toMatch(/key-123|X-Injected/);
    }
    options = {
      resolveApp: () => {
        throw new Error("db down");
      },
      onError,
    };
    const thrown = await call("x", FETCH_QUERY);
    expect(thrown.response.status).toBe(500);
    expect(thrown.body).toEqual({ kind: "config", error: "resolveApp failed while looking up the app; see the server's logs." });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "db down" }), expect.any(Request));

    options = { context: () => ({ requesterEmail: "x" }) as never };
    expect((await call("json", FETCH_QUERY)).body).toMatchObject({ kind: "config", error: expect.stringMatching(/"requesterEmail"/) as string });
    expect(seen.length).toBe(before);
  });

  it("answers 404 for no app, 403 when authorize says no or throws, before calling the app", async () => {
    const before = seen.length;
    options = { resolveApp: () => null };
    const missing = await call("json", FETCH_QUERY);
    expect(missing.response.status).toBe(404);
    expect(missing.body.kind).toBe("not_found");
    expectSafeHeaders(missing.response);

    options = { authorize: () => false };
    expect((await call("json", FETCH_QUERY)).response.status).toBe(403);
    options = {
      authorize: () => {
        throw new Error("no session");
      },
    };
    const thrown = await call("json", FETCH_QUERY);
    expect(thrown.response.status).toBe(403);
    expect(thrown.body.kind).toBe("forbidden");
    expect(seen.length).toBe(before);
  });

  it("refuses non-GET (405), other request types and a verify without code (400), and pairs Go would skip (400)", async () => {
    options = {};
    const before = seen.length;
    for (const method of ["POST", "PUT", "DELETE"]) {
      const { response, body } = await call("json", FETCH_QUERY, { method, body: "x" });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
      expect(body.kind).toBe("method_not_allowed");
    }
    for (const query of ["request_type=delete_all", "issue_id=1", "request_type=verify", `issue_id=2;&${FETCH_QUERY}`, `account_id=7%&${FETCH_QUERY}`]) {
      const { response, body } = await call("json", query);
      expect(response.status, query).toBe(400);
      expect(body.kind).toBe("bad_request");
      if (query.includes(FETCH_QUERY)) expect(body.error, query).toMatch(/^The query has a pair that Go's url\.ParseQuery skips: "(issue_id=2;|account_id=7%)"/);
      expectSafeHeaders(response);
    }
    expect(seen.length).toBe(before);
  });
});
