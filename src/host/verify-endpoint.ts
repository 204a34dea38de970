import { ACCEPT, signedHeaders, verifyParams, withProtocolParams } from "../protocol/app-request.js";
import { abortReason, mediaType, performRequest, type FetchFunction } from "../protocol/request.js";
import { checkRequestConfig, type AppHeaders } from "../protocol/request-config.js";

export { DEFAULT_TIMEOUT_MS } from "../protocol/request-config.js";

export interface VerifyEndpointOptions {
  /** The app's endpoint URL; its own query parameters are kept. */
  url: string | URL;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /** The code to send. Default: a fresh random 32-hex-digit code (use the default outside tests). An empty code is a `config` failure. */
  code?: string;
  /** Default `globalThis.fetch`. Pass one that goes through your backend in a browser. */
  fetch?: FetchFunction;
  /** Whole handshake, body included. Default 10 000 ms (also for a value that is not a positive finite number). */
  timeoutMs?: number;
  /** Aborting it rejects the promise with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** The app's secret: the request is signed with `X-Pylon-Signature`. An empty secret is a `config` failure. */
  secret?: string;
}

export type VerificationStatus = "verified" | "unverified";

/**
 * Why a handshake failed, for hosts that show their own words:
 * - `timeout`: no whole answer within `timeoutMs`;
 * - `network`: the app could not be reached, or the connection broke;
 * - `http`: a status other than 200 (redirects included: they are not followed);
 * - `wrong_code`: 200, but not the code that was sent (a JSON answer without `code` included);
 * - `not_json`: declared `application/json` but the answer does not parse as JSON;
 * - `wrong_content_type`: neither `application/json` nor `text/plain`;
 * - `too_large`: an answer past the handshake's 64 KiB;
 * - `config`: the host's configuration (URL, headers, secret, an empty `code`) is unusable; nothing was sent.
 */
export type VerificationFailure = "timeout" | "network" | "http" | "wrong_code" | "wrong_content_type" | "not_json" | "too_large" | "config";

export interface VerificationResult {
  status: VerificationStatus;
  /** The code that was sent. */
  code: string;
  /** Why the endpoint is unverified, machine-readable; absent when verified. */
  failure?: VerificationFailure;
  /** Why the endpoint is unverified, as one sentence naming what was found and expected. */
  reason?: string;
  /** The HTTP status the app answered, when it answered. */
  httpStatus?: number;
  /** The answer's Content-Type, when the app answered 200. */
  contentType?: string | null;
}
/** A handshake answer is the code alone; anything bigger than this is not one. */
export const HANDSHAKE_MAX_BYTES = 64 * 1024;

const EXPECTED = "200 with the code (application/json {\"code\": …} or text/plain)";

/** A fresh handshake code: 16 random bytes as 32 lowercase hex digits. */
export function createVerificationCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Runs the handshake (`request_type=verify&code=…`): the endpoint is verified when it answers
 * HTTP 200 with `application/json` `{"code": "<code>"}` or `text/plain` `<code>`. Never throws for
 * what the endpoint does; only an aborted `signal` rejects.
 */
export async function verifyEndpoint(given: VerifyEndpointOptions): Promise<VerificationResult> {
  const options: VerifyEndpointOptions = given ?? ({} as VerifyEndpointOptions);
  const code = typeof options.code === "string" ? options.code : createVerificationCode();
  // An empty body would match it: no proof at all.
  if (code === "") {
    return { status: "unverified", code, failure: "config", reason: "The handshake code is an empty string; expected a non-empty code, or none (a fresh random one is sent)." };
  }
  const config = checkRequestConfig(options, { maxBytes: HANDSHAKE_MAX_BYTES });
  if (!config.ok) return { status: "unverified", code, failure: "config", reason: config.message };
  const url = withProtocolParams(config.value.url, verifyParams(code));
  const headers = await signedHeaders(url, config.value.headers, ACCEPT.verify, config.value.secret);
  if (typeof headers === "string") return { status: "unverified", code, failure: "config", reason: headers };

  const outcome = await performRequest({
    url,
    headers,
    fetch: options.fetch,
    timeoutMs: config.value.timeoutMs,
    maxBytes: HANDSHAKE_MAX_BYTES,
    signal: options.signal,
    expected: EXPECTED,
  });
  if (!outcome.ok) {
    const { kind, message } = outcome.error;
    const status = outcome.error.status ?? outcome.error.answeredStatus;
    if (kind === "aborted") {
      if (options.signal) throw abortReason(options.signal);
      return { status: "unverified", code, failure: "network", reason: message };
    }
    return { status: "unverified", code, failure: kind, reason: message, ...(status !== undefined ? { httpStatus: status } : {}) };
  }
  const answeredWith = { httpStatus: outcome.status, contentType: outcome.contentType };
  const unverified = (failure: VerificationFailure, reason: string): VerificationResult => ({
    status: "unverified",
    code,
    failure,
    reason,
    ...answeredWith,
  });
  const verified: VerificationResult = { status: "verified", code, ...answeredWith };

  const media = mediaType(outcome.contentType);
  if (media === "application/json") {
    let answer: unknown;
    try {
      answer = JSON.parse(outcome.body);
    } catch {
      return unverified("not_json", `The app declared application/json but its answer is not valid JSON (${excerpt(outcome.body)}); expected {"code":"${code}"}.`);
    }
    const answered =
      answer !== null && typeof answer === "object" && !Array.isArray(answer)
        ? (answer as Record<string, unknown>).code
        : undefined;
    if (answered === code) return verified;
    if (answered === undefined) {
      return unverified("wrong_code", `The app answered JSON without a "code" field (${excerpt(outcome.body)}); expected {"code":"${code}"}.`);
    }
    return unverified("wrong_code", wrongCode(JSON.stringify(answered), code));
  }
  if (media === "text/plain") {
    const answered = outcome.body.trim();
    if (answered === code) return verified;
    if (answered === "") return unverified("wrong_code", `The app answered an empty text/plain body; expected the code "${code}".`);
    return unverified("wrong_code", wrongCode(JSON.stringify(truncate(answered)), code));
  }
  const found = media ? `Content-Type ${media}` : "no Content-Type";
  return unverified("wrong_content_type", `The app answered with ${found}; expected application/json {"code":"${code}"} or text/plain with the code.`);
}

function wrongCode(found: string, code: string): string {
  return `The app answered the code ${found}; expected "${code}", the code sent with this handshake.`;
}

function truncate(text: string, limit = 80): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat ? `it begins ${JSON.stringify(truncate(flat, 60))}` : "it is empty";
}
