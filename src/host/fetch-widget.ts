import { parseWidget, type ParseOptions, type ParseResult } from "../parse/parse-widget.js";
import { ACCEPT, fetchDataParams, signedHeaders, withProtocolParams } from "../protocol/app-request.js";
import type { ContextParam } from "../protocol/params.js";
import { mediaType, performRequest, type FetchFunction, type RequestFailure, type RequestFailureKind } from "../protocol/request.js";
import { checkRequestConfig, DEFAULT_MAX_BYTES, type AppHeaders } from "../protocol/request-config.js";

export { DEFAULT_MAX_BYTES } from "../protocol/request-config.js";

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
  /** Whole request, body included. Default 10 000 ms (also for a value that is not a positive finite number). */
  timeoutMs?: number;
  /** Largest answer accepted, enforced while the body streams in. Default 1 MiB (also for a value that is not a positive finite number). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** The app's secret: the request is signed with `X-Pylon-Signature`. An empty secret is a `config` error. */
  secret?: string;
  /** Passed to `parseWidget` for `result`. */
  parseOptions?: ParseOptions;
}

/**
 * `config`: the host's own configuration of the app is unusable (URL, custom headers, secret);
 * no request was sent. `not_json`: the app answered 200 with something that is not JSON.
 */
export type FetchWidgetErrorKind = RequestFailureKind | "not_json" | "config";

/**
 * A failed request (the fields of the protocol's `RequestFailure`), plus the host's own kinds.
 * `body` also holds an answer that is not JSON, for tools; it is never rendered.
 */
export interface FetchWidgetError extends Omit<RequestFailure, "kind"> {
  kind: FetchWidgetErrorKind;
}

export interface FetchWidgetSuccess {
  ok: true;
  /** The JSON value the app answered, as parsed. */
  payload: unknown;
  /** `parseWidget(payload)`: whether the payload is a valid widget, with its diagnostics. */
  result: ParseResult;
  status: number;
  /** The answer's Content-Type as sent (not required to be JSON). */
  contentType: string | null;
  /** Size of the answer's body in bytes. */
  bytes: number;
  durationMs: number;
}

export interface FetchWidgetFailure {
  ok: false;
  error: FetchWidgetError;
  durationMs: number;
}

export type FetchWidgetResult = FetchWidgetSuccess | FetchWidgetFailure;

/**
 * Asks the app for the widget (`request_type=fetch_data` with the context) and parses the
 * answer. Never throws and never rejects: every failure, including an aborted `signal`, is a
 * typed `error`. A JSON answer that is not a valid widget is still `ok: true`; see `result`.
 */
export async function fetchWidget(given: FetchWidgetOptions): Promise<FetchWidgetResult> {
  // A caller without types may pass nothing at all: that is a config failure too, not a rejection.
  const options: FetchWidgetOptions = given ?? ({} as FetchWidgetOptions);
  const config = checkRequestConfig(options, { maxBytes: DEFAULT_MAX_BYTES });
  if (!config.ok) return { ok: false, error: { kind: "config", message: config.message }, durationMs: 0 };
  const { timeoutMs, maxBytes, secret } = config.value;
  const url = withProtocolParams(config.value.url, fetchDataParams(options.context));
  const headers = await signedHeaders(url, config.value.headers, ACCEPT.fetch_data, secret);
  if (typeof headers === "string") return { ok: false, error: { kind: "config", message: headers }, durationMs: 0 };

  const outcome = await performRequest({
    url,
    headers,
    fetch: options.fetch,
    timeoutMs,
    maxBytes,
    signal: options.signal,
    expected: "200 with the widget JSON",
  });
  if (!outcome.ok) return outcome;

  const { body, status, durationMs, contentType, bytes } = outcome;
  // The content type is not required to be JSON (apps get it wrong often and harmlessly: the
  // answer is only ever parsed, never rendered as markup), but it helps say what went wrong.
  const declared = mediaType(outcome.contentType);
  const found = declared ? ` (Content-Type ${declared})` : "";
  if (body.trim() === "") {
    return { ok: false, durationMs, error: { kind: "not_json", status, contentType, body, message: `The app answered an empty body${found}; expected the widget JSON.` } };
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
      error: { kind: "not_json", status, contentType, body, message: `The app's answer is not JSON${found}: it begins ${begins} (${detail}); expected the widget JSON.` },
    };
  }
  return { ok: true, payload, result: parseWidget(payload, options.parseOptions), status, contentType, bytes, durationMs };
}
