import { formatDuration, type FetchFunction } from "../protocol/request.js";
import { fetchWidget, type FetchWidgetError, type FetchWidgetOptions, type FetchWidgetResult } from "./fetch-widget.js";

/** How `<CustomApp>` / `useCustomApp` retry a `fetch_data` request that failed for a passing reason. */
export interface RetryOptions {
  /** Tries in all, the first included. Default 3; `1` never retries. */
  attempts?: number;
  /** The first retry waits up to this long; each further one up to twice as long. Default 500 ms. */
  baseDelayMs?: number;
  /** No backoff wait is longer than this (a `Retry-After` may be, within `maxElapsedMs`). Default 8 000 ms. */
  maxDelayMs?: number;
  /** No retry starts later than this after the first try began. Default 30 000 ms. */
  maxElapsedMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000, maxElapsedMs: 30_000 };

/** Bounds on what a host may ask for, so no option makes the loop unbounded. */
const MAX_ATTEMPTS = 10;
const MAX_ELAPSED_MS = 5 * 60_000;

export function resolveRetry(retry: RetryOptions | false | undefined): Required<RetryOptions> {
  if (retry === false) return { ...DEFAULT_RETRY, attempts: 1 };
  const pick = (value: number | undefined, fallback: number, min: number, max: number) =>
    typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
  return {
    attempts: Math.floor(pick(retry?.attempts, DEFAULT_RETRY.attempts, 1, MAX_ATTEMPTS)),
    baseDelayMs: pick(retry?.baseDelayMs, DEFAULT_RETRY.baseDelayMs, 0, MAX_ELAPSED_MS),
    maxDelayMs: pick(retry?.maxDelayMs, DEFAULT_RETRY.maxDelayMs, 0, MAX_ELAPSED_MS),
    maxElapsedMs: pick(retry?.maxElapsedMs, DEFAULT_RETRY.maxElapsedMs, 0, MAX_ELAPSED_MS),
  };
}

/**
 * Worth another try: the app could not be reached, or answered 5xx or 429. Not a timeout (the
 * app had its whole `timeoutMs`), not 4xx, not an answer that was too large or not JSON.
 */
export function isRetryable(error: FetchWidgetError): boolean {
  if (error.kind === "network") return true;
  if (error.kind !== "http" || error.status === undefined) return false;
  return error.status === 429 || (error.status >= 500 && error.status <= 599);
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; `null` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "-1", "1.5": not delay-seconds, and no date either
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Full jitter: anywhere from 0 to the exponential ceiling for this retry (1 for the first). */
export function backoffDelay(retry: number, policy: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or `false` at once when `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * `fetchWidget`, tried again with exponential backoff and full jitter while it fails for a
 * passing reason (see `isRetryable`), honouring the app's `Retry-After`. Bounded by
 * `attempts` and by `maxElapsedMs`: a wait that would end past it is not started (the last
 * failure is answered instead). Aborting `signal` ends the wait at once.
 */
export async function fetchWidgetWithRetry(options: Omit<FetchWidgetOptions, "signal">, signal: AbortSignal, retry: RetryOptions | false | undefined): Promise<FetchWidgetResult> {
  const policy = resolveRetry(retry);
  const started = Date.now();
  let retryAfter: string | null = null;
  const baseFetch = options.fetch;
  // Read `Retry-After` off the response as it passes; the request itself is fetchWidget's.
  const fetch: FetchFunction = async (url, init) => {
    retryAfter = null;
    const response = await (baseFetch ?? globalThis.fetch)(url, init);
    retryAfter = response.headers.get("retry-after");
    return response;
  };

  for (let attempt = 1; ; attempt++) {
    const result = await fetchWidget({ ...options, fetch, signal });
    if (result.ok || !isRetryable(result.error) || signal.aborted) return tried(result, attempt);
    if (attempt >= policy.attempts) return tried(result, attempt);
    const asked = parseRetryAfter(retryAfter);
    const delay = asked ?? backoffDelay(attempt, policy);
    const elapsed = Date.now() - started;
    if (elapsed + delay > policy.maxElapsedMs) {
      const note = asked !== null ? ` The app asked to wait ${formatDuration(asked)} (Retry-After), longer than this host waits.` : "";
      return tried(result, attempt, note);
    }
    if (!(await wait(delay, signal))) {
      return { ok: false, error: { kind: "aborted", message: "The request was cancelled before the app answered." }, durationMs: Date.now() - started };
    }
  }
}

/** Says how many tries a failure took, when it took more than one. */
function tried(result: FetchWidgetResult, attempts: number, note = ""): FetchWidgetResult {
  if (result.ok || (attempts === 1 && !note)) return result;
  const times = attempts > 1 ? ` Tried ${attempts} times.` : "";
  return { ...result, error: { ...result.error, message: `${result.error.message}${times}${note}` } };
}
