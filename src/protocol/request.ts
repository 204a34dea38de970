import { describeHttpStatus } from "./http-status.js";

/**
 * The `fetch` a host passes in: called with the full endpoint URL (query included) and the
 * request init. `globalThis.fetch` fits; so does a function that forwards to the host's proxy.
 */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/** Why a request failed before an answer could be read. */
export type RequestFailureKind = "timeout" | "network" | "http" | "too_large" | "aborted";

export interface RequestFailure {
  kind: RequestFailureKind;
  /** One sentence naming what happened and what was expected. */
  message: string;
  /** The HTTP status, when the app answered one. */
  status?: number;
  /** The answer's Content-Type, when the app answered one. */
  contentType?: string | null;
  /** The start of an error answer (at most 4 KiB), for tools that show it; never rendered. */
  body?: string;
  /** Where a refused redirect pointed. */
  location?: string;
  /** For a timeout or a broken connection after the status line: the status the app had sent. */
  answeredStatus?: number;
}

export type RequestOutcome =
  | { ok: true; status: number; contentType: string | null; body: string; bytes: number; durationMs: number }
  | { ok: false; error: RequestFailure; durationMs: number };

export interface RequestInput {
  url: URL;
  headers: Headers;
  fetch: FetchFunction | undefined;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal | undefined;
  /** What a good answer is, for messages: "200 with the widget JSON". */
  expected: string;
}

/** How much of an error answer we read to quote what the app said. */
const ERROR_EXCERPT_BYTES = 4096;
const QUOTE_LIMIT = 200;

/** Resolves `url` (relative URLs against the page, in a browser) and checks it is http(s). */
export function resolveEndpointUrl(url: string | URL): URL | string {
  let resolved: URL;
  try {
    const base = typeof location === "undefined" ? undefined : location.href;
    resolved = new URL(url, base);
  } catch {
    return `The app URL ${JSON.stringify(String(url))} is not a valid absolute URL.`;
  }
  if (resolved.protocol !== "http:" && resolved.protocol !== "https:") {
    return `The app URL uses ${resolved.protocol} but only http: and https: endpoints can be called.`;
  }
  return resolved;
}

/** "10 s", "1.5 s", "250 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Where the app lives, for messages: origin and path, never the query (it carries user data). */
export function describeEndpoint(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** True for an exception that only means "the caller's signal fired". */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** The rejection an aborted caller signal produces: its reason, or a standard AbortError. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The request was aborted.", "AbortError");
}

class RequestScope {
  readonly controller = new AbortController();
  timedOut = false;
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onCallerAbort = () => this.controller.abort(abortReason(this.caller!));

  constructor(
    timeoutMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(new DOMException("The request timed out.", "TimeoutError"));
    }, timeoutMs);
    if (caller?.aborted) this.onCallerAbort();
    else caller?.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get callerAborted(): boolean {
    return !this.timedOut && this.caller?.aborted === true;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener("abort", this.onCallerAbort);
  }
}

/**
 * Settles like `promise`, or rejects as soon as `signal` aborts: a host-supplied `fetch` or
 * body stream that ignores the signal still cannot hold a request past its timeout.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

type BodyRead = { complete: true; bytes: Uint8Array } | { complete: false; bytes: Uint8Array };

/**
 * Reads at most `maxBytes` of the body chunk by chunk and cancels the stream the moment the
 * limit is passed, so an endless answer never fills memory. `complete: false` means the body
 * was longer than `maxBytes` (`bytes` then holds the first `maxBytes`).
 */
async function readBodyLimited(response: Response, maxBytes: number, signal: AbortSignal): Promise<BodyRead> {
  const body = response.body;
  if (!body) return { complete: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener("abort", cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (signal.aborted) throw signal.reason;
      if (done) break;
      const room = maxBytes - total;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        cancel();
        return { complete: false, bytes: concat(chunks, maxBytes) };
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
  return { complete: true, bytes: concat(chunks, total) };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A short quote of what an error answer said, when it is text or JSON with a message. */
function quoteErrorBody(contentType: string | null, text: string): string {
  const media = mediaType(contentType);
  let said = "";
  if (media === "application/json" || media.endsWith("+json")) {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object") {
        const record = value as Record<string, unknown>;
        const candidate = record.error ?? record.message;
        if (typeof candidate === "string") said = candidate;
        else if (candidate && typeof candidate === "object") {
          const nested = (candidate as Record<string, unknown>).message;
          if (typeof nested === "string") said = nested;
        }
      }
    } catch {
      // Not JSON after all: nothing worth quoting.
    }
  } else if (media === "text/plain") {
    said = text;
  }
  said = said.replace(/\s+/g, " ").trim();
  if (!said) return "";
  if (said.length > QUOTE_LIMIT) said = `${said.slice(0, QUOTE_LIMIT - 1)}…`;
  return ` It said: ${JSON.stringify(said)}.`;
}

/** `"application/json"` from `"Application/JSON; charset=utf-8"`; `""` when absent. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * One GET to a custom-app endpoint, whole: the timeout covers connecting, the headers and the
 * body; the body is read within `maxBytes`; redirects are not followed (see host-integration.md).
 * Never throws: every failure is a `RequestFailure`.
 */
export async function performRequest(input: RequestInput): Promise<RequestOutcome> {
  const started = now();
  const scope = new RequestScope(input.timeoutMs, input.signal);
  const fail = (error: RequestFailure): RequestOutcome => ({ ok: false, error, durationMs: now() - started });
  let phase: "connect" | "body" = "connect";
  // Known once the app answered: a body that breaks or stalls still had a status.
  let answered: number | undefined;
  try {
    // Cancelled before it started: a host fetch that ignores the signal would still send it.
    if (scope.callerAborted) throw scope.signal.reason;
    const fetchFn = input.fetch ?? globalThis.fetch;
    const response = await untilAborted(
      fetchFn(input.url.href, {
        method: "GET",
        headers: input.headers,
        signal: scope.signal,
        redirect: "manual",
      }),
      scope.signal,
    );
    phase = "body";
    answered = response.status || undefined;
    const contentType = response.headers.get("content-type");

    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => {});
      const location = response.headers.get("location");
      const where = location ? `, a redirect to ${location}` : response.status === 0 ? " with a redirect" : "";
      const status = response.status === 0 ? "" : `HTTP ${describeHttpStatus(response.status, response.statusText)}`;
      return fail({
        kind: "http",
        ...(response.status ? { status: response.status } : {}),
        ...(location ? { location } : {}),
        message: `The app answered ${status || "a redirect"}${status ? where : ""}; expected ${input.expected}. Redirects are not followed: configure the app with its final URL.`,
      });
    }

    if (response.status !== 200) {
      const excerpt = await readBodyLimited(response, ERROR_EXCERPT_BYTES, scope.signal).catch(() => null);
      const text = excerpt ? new TextDecoder().decode(excerpt.bytes) : "";
      const quote = excerpt ? quoteErrorBody(contentType, text) : "";
      return fail({
        kind: "http",
        status: response.status,
        contentType,
        ...(excerpt ? { body: text } : {}),
        message: `The app answered HTTP ${describeHttpStatus(response.status, response.statusText)}; expected ${input.expected}.${quote}`,
      });
    }

    const tooLarge = (): RequestOutcome =>
      fail({
        kind: "too_large",
        status: response.status,
        contentType,
        message: `The app's answer is larger than the limit of ${formatBytes(input.maxBytes)}; expected ${input.expected}.`,
      });
    const declaredLength = Number(response.headers.get("content-length"));
    if (Number.isFinite(declaredLength) && declaredLength > input.maxBytes) {
      response.body?.cancel().catch(() => {});
      return tooLarge();
    }
    const read = await readBodyLimited(response, input.maxBytes, scope.signal);
    if (!read.complete) return tooLarge();
    return {
      ok: true,
      status: response.status,
      contentType,
      body: new TextDecoder().decode(read.bytes),
      bytes: read.bytes.byteLength,
      durationMs: now() - started,
    };
  } catch (error) {
    if (scope.timedOut) {
      const what = phase === "body" ? "finish its answer" : "answer";
      return fail({ kind: "timeout", ...(answered ? { answeredStatus: answered } : {}), message: `The app did not ${what} within ${formatDuration(input.timeoutMs)}.` });
    }
    if (scope.callerAborted) {
      return fail({ kind: "aborted", message: "The request was cancelled before the app answered." });
    }
    return fail({ kind: "network", ...(answered ? { answeredStatus: answered } : {}), message: describeNetworkError(input.url, error, phase) });
  } finally {
    // Ends the connection if anything is still open (a body we chose not to read, say).
    scope.controller.abort();
    scope.dispose();
  }
}

function describeNetworkError(url: URL, error: unknown, phase: "connect" | "body"): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  let detail = cause instanceof Error ? cause.message : String(cause);
  const code = cause instanceof Error ? (cause as Error & { code?: unknown }).code : undefined;
  if (typeof code === "string" && !detail.includes(code)) detail = `${code}: ${detail}`;
  const inBrowser = typeof window !== "undefined" && typeof document !== "undefined";
  const hint = inBrowser ? " In a browser a refused cross-origin (CORS) request looks the same." : "";
  if (phase === "body") return `The connection to the app at ${describeEndpoint(url)} broke while reading its answer (${detail}).${hint}`;
  return `Could not reach the app at ${describeEndpoint(url)} (${detail}).${hint}`;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
