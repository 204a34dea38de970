// @vitest-environment node
import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  abortReason,
  formatBytes,
  formatDuration,
  isAbortError,
  mediaType,
  performRequest,
  resolveEndpointUrl,
  type FetchFunction,
  type RequestOutcome,
} from "../../src/protocol/request.js";
import { describeHttpStatus } from "../../src/protocol/http-status.js";
import { answer, testServers } from "../host/http-test-server.js";

const serve = testServers();

afterEach(() => {
  vi.unstubAllGlobals();
});

const expected = "200 with the widget JSON";

function run(options: { url?: string; fetch?: FetchFunction; timeoutMs?: number; maxBytes?: number; signal?: AbortSignal }): Promise<RequestOutcome> {
  return performRequest({
    url: new URL(options.url ?? "https://app.example/w?issue_id=secret"),
    headers: new Headers(),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 1024,
    signal: options.signal,
    expected,
  });
}

/** A host fetch that answers `response` whatever it is asked. */
const answering = (response: Response): FetchFunction => () => Promise.resolve(response);

/** A Response whose read-only fields are overridden (an opaque redirect cannot be constructed). */
function withFields(response: Response, fields: Partial<Record<"type" | "status" | "statusText", unknown>>): Response {
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(response, key, { value });
  return response;
}

function failure(outcome: RequestOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.error;
}

async function errorAnswer(contentType: string | null, body: string, status = 500) {
  return failure(await run({ fetch: answering(new Response(body, { status, headers: contentType ? { "content-type": contentType } : {} })) }));
}

describe("formatting helpers", () => {
  it("formatDuration switches to seconds at exactly one second", () => {
    expect(formatDuration(250)).toBe("250 ms");
    expect(formatDuration(1000)).toBe("1 s");
    expect(formatDuration(1500)).toBe("1.5 s");
  });

  it("formatBytes names whole KiB and MiB only, bytes otherwise", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1024)).toBe("1 KiB");
    expect(formatBytes(1536)).toBe("1536 bytes");
    expect(formatBytes(1024 * 1024)).toBe("1 MiB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1536 KiB");
    expect(formatBytes(2 * 1024 * 1024 + 1)).toBe("2097153 bytes");
  });

  it("describeHttpStatus prefers the standard phrase, else the server's own trimmed, else the bare number", () => {
    expect(describeHttpStatus(502, "Proxy Trouble")).toBe("502 Bad Gateway");
    expect(describeHttpStatus(599, "  Network Read Timeout\t")).toBe("599 Network Read Timeout");
    expect(describeHttpStatus(599, " \t ")).toBe("599");
    expect(describeHttpStatus(599)).toBe("599");
  });

  it("mediaType lower-cases and trims the media type, dropping parameters", () => {
    expect(mediaType(" Application/JSON ; charset=utf-8")).toBe("application/json");
    expect(mediaType(null)).toBe("");
  });

  it("isAbortError is true only for an Error named AbortError", () => {
    expect(isAbortError(new DOMException("stop", "AbortError"))).toBe(true);
    expect(isAbortError(new DOMException("late", "TimeoutError"))).toBe(false);
    expect(isAbortError(new Error("stop"))).toBe(false);
    expect(isAbortError({ name: "AbortError", message: "stop" })).toBe(false);
  });

  it("abortReason gives the signal's own reason, else a standard AbortError", () => {
    const controller = new AbortController();
    controller.abort("host went away");
    expect(abortReason(controller.signal)).toBe("host went away");
    const fallback = abortReason({ aborted: true, reason: undefined } as AbortSignal);
    expect(fallback).toBeInstanceOf(DOMException);
    expect(fallback).toMatchObject({ name: "AbortError", message: "The request was aborted." });
  });

  it("resolves a relative app URL against the page's location in a browser", () => {
    vi.stubGlobal("location", { href: "https://pylon.example/app/issues/1" });
    const resolved = resolveEndpointUrl("/widget");
    expect(resolved).toBeInstanceOf(URL);
    expect(String(resolved)).toBe("https://pylon.example/widget");
  });
});

describe("performRequest: cancellation and timeouts", () => {
  it("resolves as aborted at once when the caller's signal was aborted before the call, even if the fetch ignores it", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await run({ fetch: () => new Promise<Response>(() => {}), signal: controller.signal, timeoutMs: 5_000 });
    expect(failure(outcome)).toEqual({ kind: "aborted", message: "The request was cancelled before the app answered." });
  });

  it("never calls the fetch for a caller that aborted before the call (a fetch that ignores the signal would still send it)", async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = vi.fn(answering(new Response("{}", { status: 200 })));
    const outcome = await run({ fetch, signal: controller.signal });
    expect(failure(outcome).kind).toBe("aborted");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("does not read an answer for a caller that aborted before the call", async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await run({ fetch: answering(new Response("{}", { status: 200 })), signal: controller.signal });
    expect(failure(outcome).kind).toBe("aborted");
  });

  it("hands a host fetch a signal whose reason says the request timed out", async () => {
    let seen: AbortSignal | undefined;
    const fetch: FetchFunction = (_url, init) => {
      seen = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    };
    const outcome = await run({ fetch, timeoutMs: 50 });
    expect(failure(outcome)).toMatchObject({ kind: "timeout", message: "The app did not answer within 50 ms." });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(DOMException);
    expect(seen?.reason).toMatchObject({ name: "TimeoutError", message: "The request timed out." });
  });

  it("leaves no listener on the caller's signal once the request is done", async () => {
    const controller = new AbortController();
    const s = await serve((_req, res) => answer(res, 200, "application/json", "{}"));
    const outcome = await run({ url: s.url(), signal: controller.signal });
    expect(outcome.ok).toBe(true);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    const failed = await run({ fetch: () => Promise.reject(new Error("nope")), signal: controller.signal });
    expect(failure(failed).kind).toBe("network");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("cancels a host body stream that stalls past the timeout", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: () => new Promise<void>(() => {}),
      cancel: () => {
        cancelled = true;
      },
    });
    const outcome = await run({ fetch: answering(new Response(body, { status: 200 })), timeoutMs: 50 });
    expect(failure(outcome)).toMatchObject({ kind: "timeout", answeredStatus: 200, message: "The app did not finish its answer within 50 ms." });
    expect(cancelled).toBe(true);
  });

  it("cancels a host body stream the moment it passes maxBytes", async () => {
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulls++;
        controller.enqueue(new Uint8Array(100));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    const outcome = await run({ fetch: answering(new Response(body, { status: 200 })), maxBytes: 250 });
    expect(failure(outcome)).toMatchObject({ kind: "too_large", message: `The app's answer is larger than the limit of 250 bytes; expected ${expected}.` });
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(10);
  });
});

describe("performRequest: answers", () => {
  it("accepts a 200 without a body as an empty answer", async () => {
    const outcome = await run({ fetch: answering(new Response(null, { status: 200 })) });
    expect(outcome).toMatchObject({ ok: true, status: 200, body: "", bytes: 0 });
  });

  it("accepts a declared Content-Length of exactly maxBytes", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "10" });
      res.end('"12345678"');
    });
    const outcome = await run({ url: s.url(), maxBytes: 10 });
    expect(outcome).toMatchObject({ ok: true, body: '"12345678"', bytes: 10 });
  });

  it("refuses an over-limit declared Content-Length even without a body stream", async () => {
    const response = new Response(null, { status: 200, headers: { "content-length": "5000" } });
    const outcome = await run({ fetch: answering(response), maxBytes: 1024 });
    expect(failure(outcome)).toMatchObject({ kind: "too_large", status: 200, message: `The app's answer is larger than the limit of 1 KiB; expected ${expected}.` });
  });

  it("measures durationMs from the start of the request", async () => {
    const before = performance.now();
    const outcome = await run({ fetch: answering(new Response("{}", { status: 200 })) });
    const elapsed = performance.now() - before;
    expect(outcome.ok).toBe(true);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    expect(outcome.durationMs).toBeLessThanOrEqual(elapsed);
  });

  it("keeps the first 4 KiB of a long error answer", async () => {
    const error = await errorAnswer("text/html", "x".repeat(10_000));
    expect(error.body).toBe("x".repeat(4096));
  });
});

describe("performRequest: quoting error answers", () => {
  it("names the status alone when the error answer's body cannot be read", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new TypeError("connection reset")),
    });
    const error = failure(await run({ fetch: answering(new Response(body, { status: 503, headers: { "content-type": "text/plain" } })) }));
    expect(error.message).toBe(`The app answered HTTP 503 Service Unavailable; expected ${expected}.`);
    expect(error).not.toHaveProperty("body");
  });


  it("quotes a text/plain error, whitespace collapsed and trimmed", async () => {
    const error = await errorAnswer("text/plain; charset=utf-8", "  Database\n\n  is   down \n");
    expect(error.message).toBe(`The app answered HTTP 500 Internal Server Error; expected ${expected}. It said: "Database is down".`);
  });

  it("does not quote a text/html error", async () => {
    const error = await errorAnswer("text/html", "Database is down");
    expect(error.message).toBe(`The app answered HTTP 500 Internal Server Error; expected ${expected}.`);
  });

  it("quotes the message of a +json problem answer", async () => {
    const error = await errorAnswer("application/problem+json", JSON.stringify({ message: "Token expired" }), 401);
    expect(error.message).toBe(`The app answered HTTP 401 Unauthorized; expected ${expected}. It said: "Token expired".`);
  });

  it("quotes a nested error.message", async () => {
    const error = await errorAnswer("application/json", JSON.stringify({ error: { message: "No such issue" } }), 404);
    expect(error.message).toBe(`The app answered HTTP 404 Not Found; expected ${expected}. It said: "No such issue".`);
  });

  it("does not quote a nested message that is not a string", async () => {
    const error = await errorAnswer("application/json", JSON.stringify({ error: { message: 42 } }));
    expect(error).toMatchObject({ kind: "http", status: 500 });
    expect(error.message).toBe(`The app answered HTTP 500 Internal Server Error; expected ${expected}.`);
  });

  it("names a status it has no phrase for by the server's reason phrase, trimmed", async () => {
    const error = failure(await run({ fetch: answering(new Response("", { status: 418, statusText: " I'm a teapot " })) }));
    expect(error.message).toBe(`The app answered HTTP 418 I'm a teapot; expected ${expected}.`);
  });

  it("quotes 200 characters whole and shortens 201 to 199 plus an ellipsis", async () => {
    const exact = await errorAnswer("text/plain", "a".repeat(200));
    expect(exact.message).toContain(`It said: "${"a".repeat(200)}".`);
    const long = await errorAnswer("text/plain", "b".repeat(201));
    expect(long.message).toContain(`It said: "${"b".repeat(199)}…".`);
  });
});

describe("performRequest: redirects are not followed", () => {
  it("reports a 302 with its Location and does not request the target", async () => {
    const s = await serve((req, res) => {
      if (req.url === "/w") {
        res.writeHead(302, { location: "/elsewhere" });
        res.end();
      } else answer(res, 200, "application/json", "{}");
    });
    const error = failure(await run({ url: s.url("/w") }));
    expect(error).toEqual({
      kind: "http",
      status: 302,
      location: "/elsewhere",
      message: `The app answered HTTP 302 Found, a redirect to /elsewhere; expected ${expected}. Redirects are not followed: configure the app with its final URL.`,
    });
    expect(s.requests.map((r) => r.url.pathname)).toEqual(["/w"]);
  });

  it("reports a 302 without Location by its status alone", async () => {
    const error = failure(await run({ fetch: answering(new Response(null, { status: 302 })) }));
    expect(error).toEqual({
      kind: "http",
      status: 302,
      message: `The app answered HTTP 302 Found; expected ${expected}. Redirects are not followed: configure the app with its final URL.`,
    });
  });

  it("reports an opaque redirect (a browser's manual redirect) without a status", async () => {
    const response = withFields(new Response(null, { status: 200 }), { type: "opaqueredirect", status: 0, statusText: "" });
    const error = failure(await run({ fetch: answering(response) }));
    expect(error).toEqual({
      kind: "http",
      message: `The app answered a redirect; expected ${expected}. Redirects are not followed: configure the app with its final URL.`,
    });
  });

  it("treats 300 as a redirect and 400 as an error answer", async () => {
    const multiple = failure(await run({ fetch: answering(new Response("", { status: 300 })) }));
    expect(multiple).toMatchObject({ kind: "http", status: 300 });
    expect(multiple.message).toMatch(/^The app answered HTTP 300\b.*Redirects are not followed/);
    const bad = failure(await run({ fetch: answering(new Response("", { status: 400 })) }));
    expect(bad.message).toBe(`The app answered HTTP 400 Bad Request; expected ${expected}.`);
  });
});

describe("performRequest: network errors", () => {
  const reject = (error: unknown): FetchFunction => () => Promise.reject(error);

  it("names the cause's code once, before its message", async () => {
    const cause = Object.assign(new Error("read failed"), { code: "ECONNRESET" });
    const error = failure(await run({ fetch: reject(new TypeError("fetch failed", { cause })) }));
    expect(error).toEqual({ kind: "network", message: "Could not reach the app at https://app.example/w (ECONNRESET: read failed)." });
    const already = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const refused = failure(await run({ fetch: reject(new TypeError("fetch failed", { cause: already })) }));
    expect(refused.message).toBe("Could not reach the app at https://app.example/w (connect ECONNREFUSED 127.0.0.1:9).");
  });

  it("uses the error itself when it has no Error cause, and a non-Error as text", async () => {
    const plain = failure(await run({ fetch: reject(new Error("socket hung up")) }));
    expect(plain.message).toBe("Could not reach the app at https://app.example/w (socket hung up).");
    const text = failure(await run({ fetch: reject("boom") }));
    expect(text.message).toBe("Could not reach the app at https://app.example/w (boom).");
  });

  it("keeps the status of an answer whose body broke", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"version":', () => res.socket?.destroy());
    });
    const error = failure(await run({ url: s.url("/w"), maxBytes: 4096 }));
    expect(error).toMatchObject({ kind: "network", answeredStatus: 200 });
    expect(error.message).toMatch(/^The connection to the app at http:\/\/127\.0\.0\.1:\d+\/w broke while reading its answer \(.+\)\.$/);
  });

  it("adds the CORS hint only where both window and document exist", async () => {
    const message = async () => failure(await run({ fetch: reject(new Error("Failed to fetch")) })).message;
    const bare = "Could not reach the app at https://app.example/w (Failed to fetch).";
    expect(await message()).toBe(bare);
    vi.stubGlobal("window", {});
    expect(await message()).toBe(bare);
    vi.stubGlobal("document", {});
    expect(await message()).toBe(`${bare} In a browser a refused cross-origin (CORS) request looks the same.`);
    vi.unstubAllGlobals();
    vi.stubGlobal("document", {});
    expect(await message()).toBe(bare);
  });
});
