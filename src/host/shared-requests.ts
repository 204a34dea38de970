import { fetchDataParams } from "../protocol/app-request.js";
import type { FetchWidgetOptions, FetchWidgetResult } from "./fetch-widget.js";
import type { FetchFunction } from "../protocol/request.js";
import { headerPairs } from "../protocol/request-config.js";
import { fetchWidgetWithRetry, type RetryOptions } from "./retry-policy.js";

// Identical concurrent `fetch_data` requests (two sidebars showing the same app for the same
// issue, StrictMode's second mount) share one HTTP request. Each consumer holds a reference;
// the request is aborted only when the last consumer lets go and none joins again before the
// next microtask (StrictMode unmounts and remounts at once: its second mount joins the first's).

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

/** The header values and the secret as one string, only ever to be numbered by `credentialIdentity`. */
export function credentialsOf(options: Pick<FetchWidgetOptions, "headers" | "secret">): string | null {
  const headers = headerPairs(options.headers);
  if (headers.length === 0 && options.secret === undefined) return null;
  return JSON.stringify([headers, options.secret ?? null]);
}

/**
 * The number for a set of credentials. The list is bounded, so a set unused for a while may
 * get a new number: a consumer that must keep its key keeps the number it was given.
 */
export function credentialIdentity(credentials: string | null): number {
  if (credentials === null) return 0;
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

type KeyOptions = Omit<FetchWidgetOptions, "signal">;

/**
 * What makes two answers the same (the cache's key, and `useCustomApp`'s): the URL, the
 * context, the headers (names case-folded and sorted) and the secret (by `credentialId`, never
 * written into the key), the limits and the parse options. Never throws, even for headers that
 * cannot be sent (fetchWidget reports those as `config`).
 */
export function answerKey(options: KeyOptions, credentialId: number = credentialIdentity(credentialsOf(options))): string {
  return JSON.stringify(keyParts(options, credentialId));
}

/** `answerKey` plus the `fetch` function's identity: two proxies never share a request. */
export function requestKey(options: KeyOptions): string {
  return JSON.stringify([...keyParts(options, credentialIdentity(credentialsOf(options))), fetchIdentity(options.fetch)]);
}

function keyParts(options: KeyOptions, credentialId: number): unknown[] {
  return [
    String(options.url),
    fetchDataParams(options.context),
    headerPairs(options.headers).map(([name]) => name),
    credentialId,
    options.timeoutMs ?? null,
    options.maxBytes ?? null,
    options.parseOptions?.allowedUrlSchemes ?? null,
    options.parseOptions?.limits?.maxComponents ?? null,
  ];
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
      if (!abortIfLast) {
        if (inFlight.get(key) === shared) inFlight.delete(key);
        return;
      }
      queueMicrotask(() => {
        if (shared.consumers > 0) return;
        if (inFlight.get(key) === shared) inFlight.delete(key);
        shared.controller.abort();
      });
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
