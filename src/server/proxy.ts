import { ACCEPT, buildRequestHeaders, fetchDataParams, verifyParams, withProtocolParams } from "../protocol/app-request.js";
import { CONTEXT_PARAMS, type ContextParam } from "../protocol/params.js";
import { readServerQuery } from "../protocol/query-values.js";
import { resolveLimit, resolveTimeout } from "../protocol/request-config.js";
import { mediaType, performRequest, resolveEndpointUrl, type FetchFunction } from "../protocol/request.js";

/** Where one app lives and how to call it: what the host stored when the app was configured. */
export interface CustomAppTarget {
  /** The app's endpoint URL (http or https); its own query parameters are kept. */
  url: string | URL;
  /** The custom headers the app was configured with (API keys, say). Sent to the app only. */
  headers?: HeadersInit;
  /** The app's secret: requests are signed with `X-Pylon-Signature`. */
  secret?: string;
}

/** The seven context parameters of a `fetch_data` request, `""` when not sent. */
export type CustomAppProxyContext = { [K in ContextParam]: string };

type MaybePromise<T> = T | Promise<T>;

export interface CustomAppProxyOptions {
  /** Looks up the app this request is for (from the route, say). `null` answers 404. */
  resolveApp: (request: Request) => MaybePromise<CustomAppTarget | null | undefined>;
  /** Whether the caller (the agent's session) may use this app. `false` or a throw answers 403. */
  authorize?: (request: Request, app: CustomAppTarget) => MaybePromise<boolean>;
  /**
   * Fills or overrides context parameters from the host's own data (the requester's email from
   * the issue, not what the browser claims). Returns the parameters to change; the rest keep
   * what the browser sent. Only the seven context names are accepted.
   */
  context?: (
    request: Request,
    incoming: Readonly<CustomAppProxyContext>,
    app: CustomAppTarget,
  ) => MaybePromise<Partial<Record<ContextParam, string | null>> | null | undefined | void>;
  /** The whole call to the app, body included. Default 10 000 ms; at most 2^31 − 1 ms (setTimeout's limit). */
  timeoutMs?: number;
  /** Largest answer accepted from the app, enforced while it streams in. Default 1 MiB. */
  maxBytes?: number;
  /** Default `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Called when `resolveApp` or `context` throws. Default: `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

export type CustomAppProxy = (request: Request) => Promise<Response>;

/** Why the proxy answered with an error instead of the app's JSON. */
export type CustomAppProxyErrorKind =
  | "timeout"
  | "network"
  | "http"
  | "redirect"
  | "not_json"
  | "too_large"
  | "aborted"
  | "config"
  | "bad_request"
  | "forbidden"
  | "not_found"
  | "method_not_allowed";

/** The body of every error the proxy answers. */
export interface CustomAppProxyErrorBody {
  /** One sentence naming what happened and what was expected. */
  error: string;
  kind: CustomAppProxyErrorKind;
  /** The HTTP status the app answered, when it answered one. */
  status?: number;
}

export const PROXY_DEFAULT_TIMEOUT_MS = 10_000;
export const PROXY_DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * Every answer carries these and no header of the app's: whatever the app sends, the browser
 * sees JSON it will not sniff, render as a document with script, or cache.
 */
export const PROXY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "sandbox; default-src 'none'",
  "Cache-Control": "no-store",
};

const EXPECTED_DATA = "200 with the widget JSON";
const EXPECTED_CODE = '200 with the code (application/json {"code": …} or text/plain)';

function jsonResponse(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...PROXY_RESPONSE_HEADERS, ...extra } });
}

function failure(
  status: number,
  kind: CustomAppProxyErrorKind,
  error: string,
  appStatus?: number,
  extra?: Record<string, string>,
): Response {
  const body: CustomAppProxyErrorBody = { error, kind, ...(appStatus === undefined ? {} : { status: appStatus }) };
  return jsonResponse(status, JSON.stringify(body), extra);
}

/** A configuration mistake in what `resolveApp` returned, as a sentence; `null` when it is usable. */
function configProblem(app: CustomAppTarget): string | null {
  if (app === null || typeof app !== "object") return `resolveApp returned ${typeof app}; expected { url, headers?, secret? } or null.`;
  if (typeof app.url !== "string" && !(app.url instanceof URL)) return "The app has no url; expected its http(s) endpoint URL.";
  if (app.secret !== undefined && (typeof app.secret !== "string" || app.secret === "")) {
    return "The app's secret is empty or not a string; expected the non-empty secret, or no secret.";
  }
  if (app.headers !== undefined) {
    try {
      new Headers(app.headers);
    } catch {
      // Never quote the value: configured headers carry API keys.
      return `The app's headers are not valid HTTP headers${badHeaderName(app.headers)}; expected names made of token characters and values without CR, LF or NUL.`;
    }
  }
  return null;
}

/** ` (the header "X Key")`: names the first header that does not fit, when it can be told. */
function badHeaderName(headers: HeadersInit): string {
  const entries: Array<[string, string]> = Array.isArray(headers)
    ? (headers)
    : headers instanceof Headers
      ? []
      : Object.entries(headers);
  for (const [name, value] of entries) {
    try {
      new Headers([[name, value]]);
    } catch {
      return ` (the header ${JSON.stringify(String(name).slice(0, 80))})`;
    }
  }
  return "";
}

/**
 * A Fetch-API handler for the host backend's route to a custom app (Next.js route handlers,
 * Hono, Bun, Deno, workers; `toNodeHandler` for `node:http`). The browser sends the protocol
 * query; the proxy looks the app up, checks the caller, rebuilds the query from the protocol's
 * names only, signs it after the last change, calls the app without following redirects,
 * within a timeout and a size cap, and answers JSON only: the app's JSON, or `{ error, kind }`.
 * It never forwards the app's headers and never throws.
 */
export function createCustomAppProxy(options: CustomAppProxyOptions): CustomAppProxy {
  if (typeof options?.resolveApp !== "function") {
    throw new TypeError("createCustomAppProxy needs a resolveApp(request) function that returns { url, headers?, secret? } or null.");
  }
  const timeoutMs = resolveTimeout(options.timeoutMs, PROXY_DEFAULT_TIMEOUT_MS);
  const maxBytes = resolveLimit(options.maxBytes, PROXY_DEFAULT_MAX_BYTES);
  const report = (error: unknown, request: Request) => {
    try {
      (options.onError ?? ((e: unknown) => console.error("sidecard: custom app proxy:", e)))(error, request);
    } catch {
      // A failing error hook must not break the answer.
    }
  };

  return async function customAppProxy(request: Request): Promise<Response> {
    if (request.method !== "GET") {
      return failure(405, "method_not_allowed", `Method ${request.method} is not allowed; custom app requests use GET.`, undefined, { Allow: "GET" });
    }

    let incoming: URL;
    try {
      incoming = new URL(request.url);
    } catch {
      return failure(400, "bad_request", "The request URL could not be parsed.");
    }
    // The same reading as the app's (Go's url.ParseQuery), first value of each name.
    const read = readServerQuery(incoming.search);
    if (!read.ok) return failure(400, "bad_request", read.message);
    const sent = new Map<string, string>();
    for (const [name, value] of read.params) {
      if (!sent.has(name)) sent.set(name, value);
    }

    const requestType = sent.get("request_type");
    if (requestType !== "verify" && requestType !== "fetch_data") {
      const got = requestType === undefined ? "no request_type parameter" : `request_type ${JSON.stringify(requestType.slice(0, 80))}`;
      return failure(400, "bad_request", `Unsupported request: got ${got}; expected request_type "verify" or "fetch_data".`);
    }
    const code = sent.get("code");
    if (requestType === "verify" && (code === undefined || code === "")) {
      return failure(400, "bad_request", 'A verify request needs a "code" query parameter; none was sent.');
    }

    let app: CustomAppTarget | null | undefined;
    try {
      app = await options.resolveApp(request);
    } catch (error) {
      report(error, request);
      return failure(500, "config", "resolveApp failed while looking up the app; see the server's logs.");
    }
    if (app === null || app === undefined) return failure(404, "not_found", "No custom app is configured for this route.");
    const problem = configProblem(app);
    if (problem) return failure(500, "config", problem);
    const base = resolveEndpointUrl(app.url);
    if (typeof base === "string") return failure(500, "config", base);

    if (options.authorize) {
      let allowed = false;
      try {
        allowed = (await options.authorize(request, app)) === true;
      } catch {
        allowed = false;
      }
      if (!allowed) return failure(403, "forbidden", "This caller may not use this custom app.");
    }

    // Only the protocol's names go to the app, set over the app URL's own parameters.
    let params: Record<string, string>;
    if (requestType === "verify") {
      params = verifyParams(code!);
    } else {
      const context = Object.fromEntries(CONTEXT_PARAMS.map((name) => [name, sent.get(name) ?? ""])) as CustomAppProxyContext;
      if (options.context) {
        let changes: Awaited<ReturnType<NonNullable<CustomAppProxyOptions["context"]>>>;
        try {
          changes = await options.context(request, { ...context }, app);
        } catch (error) {
          report(error, request);
          return failure(500, "config", "The context callback failed; see the server's logs.");
        }
        for (const [name, value] of Object.entries(changes ?? {})) {
          if (!(CONTEXT_PARAMS as readonly string[]).includes(name)) {
            return failure(500, "config", `The context callback returned ${JSON.stringify(name.slice(0, 80))}; expected only ${CONTEXT_PARAMS.join(", ")}.`);
          }
          if (value === undefined) continue;
          if (value !== null && typeof value !== "string") {
            return failure(500, "config", `The context callback returned a ${typeof value} for ${name}; expected a string.`);
          }
          context[name as ContextParam] = value ?? "";
        }
      }
      params = fetchDataParams(context);
    }
    const target = withProtocolParams(base, params);
    // Signed last, over exactly the query string that is sent.
    const headers = await buildRequestHeaders(target, app.headers, ACCEPT[requestType], app.secret);

    const expected = requestType === "verify" ? EXPECTED_CODE : EXPECTED_DATA;
    const outcome = await performRequest({ url: target, headers, fetch: options.fetch, timeoutMs, maxBytes, signal: request.signal, expected });
    if (!outcome.ok) {
      const { kind, message, status } = outcome.error;
      if (kind === "http" && status !== undefined && status >= 300 && status < 400) return failure(502, "redirect", message, status);
      if (kind === "http" && status === undefined && /redirect/i.test(message)) return failure(502, "redirect", message);
      return failure(kind === "timeout" ? 504 : 502, kind, message, status);
    }

    const media = mediaType(outcome.contentType);
    const found = media ? ` (Content-Type ${media})` : "";
    if (requestType === "verify" && media === "text/plain") {
      return jsonResponse(200, JSON.stringify({ code: outcome.body.trim() }));
    }
    if (requestType === "verify" && media !== "application/json") {
      return failure(502, "not_json", `The app answered${found || " with no Content-Type"}; expected ${EXPECTED_CODE}.`, outcome.status);
    }
    if (outcome.body.trim() === "") {
      return failure(502, "not_json", `The app answered an empty body${found}; expected ${expected}.`, outcome.status);
    }
    try {
      JSON.parse(outcome.body);
    } catch {
      return failure(502, "not_json", `The app's answer is not JSON${found}; expected ${expected}.`, outcome.status);
    }
    return jsonResponse(200, outcome.body);
  };
}
