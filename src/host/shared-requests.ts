import { fetchDataParams } from "../protocol/app-request.js";
import type { FetchWidgetOptions, FetchWidgetResult } from "./fetch-widget.js";
import type { FetchFunction } from "../protocol/request.js";
import { headerPairs } from "../protocol/request-config.js";
import { fetchWidgetWithRetry, type RetryOptions } from "./retry-policy.js";

// Identical concurrent `fetch_data` requests (two sidebars showing the same app for the same
// issue, StrictMode's second mount) share one HTTP request. Each consumer holds a reference;
// the request is aborted only when the last consumer lets go.

interface InFlight {
  promise: Promise<FetchWidgetResult>;
  controller: AbortController;
  consumers: number;
}

const inFlight = new Map<string, InFlight>();
const fetchIds = new WeakMap<FetchFunction, number>();
let nextFetchId = 1;

function fetchIdentity(fetchFn: FetchFunction | undefined): number {
  const fn = fetchFn ?? (globalThis.fetch);
  if (!fn) return 0;
  let id = fetchIds.get(fn);
  if (id === undefined) {
    id = nextFetchId++;
    fetchIds.set(fn, id);
  }
  return id;
}

// Keys are kept (the answer cache, the in-flight map) and may be looked at; the secret and
// the header values (often tokens) are not put in them. Each distinct set gets a number.
const credentialIds = new Map<string, number>();
const MAX_CREDENTIAL_IDS = 64;
let nextCredentialId = 1;

function credentialIdentity(headers: [string, string][], secret: string | undefined): number {
  if (headers.length === 0 && secret === undefined) return 0;
  const credentials = JSON.stringify([headers, secret ?? null]);
  let id = credentialIds.get(credentials);
  if (id === undefined) {
    id = nextCredentialId++;
    // Forgetting an old set only costs a cache miss: ids are never reused.
    if (credentialIds.size >= MAX_CREDENTIAL_IDS) credentialIds.delete(credentialIds.keys().next().value!);
  }
  credentialIds.delete(credentials);
  credentialIds.set(credentials, id);
  return id;
}

/**
 * What makes two requests the same: the URL, the context, the headers (names case-folded and
 * sorted) and the secret (by identity, never written into the key), the limits, the parse
 * options and the `fetch` function's identity (two proxies are never shared).
 */
export function requestKey(options: Omit<FetchWidgetOptions, "signal">): string {
  // Never throws, even for headers that cannot be sent (fetchWidget reports those as `config`).
  const headers = headerPairs(options.headers);
  return JSON.stringify([
    String(options.url),
    fetchDataParams(options.context),
    headers.map(([name]) => name),
    credentialIdentity(headers, options.secret),
    options.timeoutMs ?? null,
    options.maxBytes ?? null,
    options.parseOptions?.allowedUrlSchemes ?? null,
    options.parseOptions?.limits?.maxComponents ?? null,
    fetchIdentity(options.fetch),
  ]);
}

/** How many distinct requests are in flight (for tests and diagnostics). */
export function sharedRequestCount(): number {
  return inFlight.size;
}

export type SharedFetchOptions = Omit<FetchWidgetOptions, "signal"> & {
  /** Retries of the shared request (the first consumer's policy is the one used). Default `DEFAULT_RETRY`. */
  retry?: RetryOptions | false;
};

/**
 * `fetchWidget` with retries (`fetchWidgetWithRetry`), shared with any identical request
 * already in flight; `fresh: true` (a Refresh) starts a new one instead of joining. Aborting
 * `signal` settles this consumer's promise as `aborted` at once; the HTTP request itself is
 * aborted only when no consumer is left.
 */
export function fetchWidgetShared(options: SharedFetchOptions, signal: AbortSignal, fresh = false): Promise<FetchWidgetResult> {
  const { retry, ...fetchOptions } = options;
  const key = requestKey(fetchOptions);
  let entry = fresh ? undefined : inFlight.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: InFlight = { controller, consumers: 0, promise: fetchWidgetWithRetry(fetchOptions, controller.signal, retry) };
    void created.promise.then(() => {
      if (inFlight.get(key) === created) inFlight.delete(key);
    });
    inFlight.set(key, created);
    entry = created;
  }
  const shared = entry;
  shared.consumers++;

  return new Promise<FetchWidgetResult>((resolve) => {
    let settled = false;
    const release = (abortIfLast: boolean) => {
      shared.consumers--;
      if (shared.consumers > 0) return;
      if (inFlight.get(key) === shared) inFlight.delete(key);
      if (abortIfLast) shared.controller.abort();
    };
    const onAbort = () => {
      if (settled) return;
      settled = true;
      release(true);
      resolve({ ok: false, error: { kind: "aborted", message: "The request was cancelled before the app answered." }, durationMs: 0 });
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    void shared.promise.then((result) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      release(false);
      resolve(result);
    });
  });
}
