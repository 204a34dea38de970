import { parseWidget, type ParseOptions, type ParseResult } from "../parse/parse-widget.js";
import { CONTEXT_PARAMS, type ContextParam } from "../protocol/params.js";
import { buildRequestHeaders, withProtocolParams, type AppHeaders } from "./endpoint-url.js";
import { mediaType, performRequest, resolveEndpointUrl, type FetchFunction, type RequestFailureKind } from "../protocol/request.js";
import { DEFAULT_TIMEOUT_MS } from "./verify-endpoint.js";

/**
 * Who and what the widget is for: the seven context parameters of `fetch_data`, named as on the
 * wire (the app receives them as `sidecard/server`'s `CustomAppContext`). Every parameter is always sent; one that is unknown (no
 * requester yet, say) is sent empty.
 */
export type CustomAppRequestContext = { readonly [K in ContextParam]?: string | null };

export interface FetchWidgetOptions {
  /** The app's endpoint URL; its own query parameters are kept. */
  url: string | URL;
  context: CustomAppRequestContext;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /** Default `globalThis.fetch`. Pass one that goes through your backend in a browser. */
  fetch?: FetchFunction;
  /** Whole request, body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Largest answer accepted, enforced while the body streams in. Default 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** The app's secret: the request is signed with `X-Pylon-Signature`. */
  secret?: string;
  /** Passed to `parseWidget` for `result`. */
  parseOptions?: ParseOptions;
}

export type FetchWidgetErrorKind = RequestFailureKind | "not_json";

export interface FetchWidgetError {
  kind: FetchWidgetErrorKind;
  /** One sentence naming what happened and what was expected. */
  message: string;
  /** The HTTP status, when the app answered one. */
  status?: number;
}

export interface FetchWidgetSuccess {
  ok: true;
  /** The JSON value the app answered, as parsed. */
  payload: unknown;
  /** `parseWidget(payload)`: whether the payload is a valid widget, with its diagnostics. */
  result: ParseResult;
  status: number;
  durationMs: number;
}

export interface FetchWidgetFailure {
  ok: false;
  error: FetchWidgetError;
  durationMs: number;
}

export type FetchWidgetResult = FetchWidgetSuccess | FetchWidgetFailure;

export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** The query parameters of a `fetch_data` request for this context, in wire order. */
export function fetchDataParams(context: CustomAppRequestContext): Record<string, string> {
  const params: Record<string, string> = { request_type: "fetch_data" };
  for (const name of CONTEXT_PARAMS) params[name] = context[name] ?? "";
  return params;
}

/**
 * Asks the app for the widget (`request_type=fetch_data` with the context) and parses the
 * answer. Never throws and never rejects: every failure, including an aborted `signal`, is a
 * typed `error`. A JSON answer that is not a valid widget is still `ok: true`; see `result`.
 */
export async function fetchWidget(options: FetchWidgetOptions): Promise<FetchWidgetResult> {
  const base = resolveEndpointUrl(options.url);
  if (typeof base === "string") return { ok: false, error: { kind: "network", message: base }, durationMs: 0 };
  const url = withProtocolParams(base, fetchDataParams(options.context));
  const headers = await buildRequestHeaders(url, options.headers, "application/json", options.secret);

  const outcome = await performRequest({
    url,
    headers,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    signal: options.signal,
    expected: "200 with the widget JSON",
  });
  if (!outcome.ok) return outcome;

  const { body, status, durationMs } = outcome;
  // The content type is not required to be JSON (apps get it wrong often and harmlessly: the
  // answer is only ever parsed, never rendered as markup), but it helps say what went wrong.
  const declared = mediaType(outcome.contentType);
  const found = declared ? ` (Content-Type ${declared})` : "";
  if (body.trim() === "") {
    return { ok: false, durationMs, error: { kind: "not_json", status, message: `The app answered an empty body${found}; expected the widget JSON.` } };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const begins = JSON.stringify(body.trim().slice(0, 40));
    return {
      ok: false,
      durationMs,
      error: { kind: "not_json", status, message: `The app's answer is not JSON${found}: it begins ${begins} (${detail}); expected the widget JSON.` },
    };
  }
  return { ok: true, payload, result: parseWidget(payload, options.parseOptions), status, durationMs };
}
