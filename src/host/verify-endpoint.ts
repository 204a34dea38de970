import { buildRequestHeaders, withProtocolParams, type AppHeaders } from "./endpoint-url.js";
import {
  abortReason,
  mediaType,
  performRequest,
  resolveEndpointUrl,
  type FetchFunction,
} from "../protocol/request.js";

export interface VerifyEndpointOptions {
  /** The app's endpoint URL; its own query parameters are kept. */
  url: string | URL;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /** The code to send. Default: a fresh random 32-hex-digit code (use the default outside tests). */
  code?: string;
  /** Default `globalThis.fetch`. Pass one that goes through your backend in a browser. */
  fetch?: FetchFunction;
  /** Whole handshake, body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Aborting it rejects the promise with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** The app's secret: the request is signed with `X-Pylon-Signature`. */
  secret?: string;
}

export type VerificationStatus = "verified" | "unverified";

export interface VerificationResult {
  status: VerificationStatus;
  /** The code that was sent. */
  code: string;
  /** Why the endpoint is unverified, as one sentence naming what was found and expected. */
  reason?: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
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
export async function verifyEndpoint(options: VerifyEndpointOptions): Promise<VerificationResult> {
  const code = options.code ?? createVerificationCode();
  const unverified = (reason: string): VerificationResult => ({ status: "unverified", code, reason });

  const base = resolveEndpointUrl(options.url);
  if (typeof base === "string") return unverified(base);
  const url = withProtocolParams(base, { request_type: "verify", code });
  const headers = await buildRequestHeaders(url, options.headers, "application/json, text/plain", options.secret);

  const outcome = await performRequest({
    url,
    headers,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: HANDSHAKE_MAX_BYTES,
    signal: options.signal,
    expected: EXPECTED,
  });
  if (!outcome.ok) {
    if (outcome.error.kind === "aborted" && options.signal) throw abortReason(options.signal);
    return unverified(outcome.error.message);
  }

  const media = mediaType(outcome.contentType);
  if (media === "application/json") {
    let answer: unknown;
    try {
      answer = JSON.parse(outcome.body);
    } catch {
      return unverified(`The app declared application/json but its answer is not valid JSON (${excerpt(outcome.body)}); expected {"code":"${code}"}.`);
    }
    const answered =
      answer !== null && typeof answer === "object" && !Array.isArray(answer)
        ? (answer as Record<string, unknown>).code
        : undefined;
    if (answered === code) return { status: "verified", code };
    if (answered === undefined) {
      return unverified(`The app answered JSON without a "code" field (${excerpt(outcome.body)}); expected {"code":"${code}"}.`);
    }
    return unverified(wrongCode(JSON.stringify(answered), code));
  }
  if (media === "text/plain") {
    const answered = outcome.body.trim();
    if (answered === code) return { status: "verified", code };
    if (answered === "") return unverified(`The app answered an empty text/plain body; expected the code "${code}".`);
    return unverified(wrongCode(JSON.stringify(truncate(answered)), code));
  }
  const found = media ? `Content-Type ${media}` : "no Content-Type";
  return unverified(`The app answered with ${found}; expected application/json {"code":"${code}"} or text/plain with the code.`);
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
