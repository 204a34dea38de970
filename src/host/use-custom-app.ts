"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ParseOptions } from "../parse/parse-widget.js";
import { resolveTimeout, type AppHeaders } from "../protocol/request-config.js";
import type { CustomAppRequestContext, FetchWidgetError, FetchWidgetSuccess } from "./fetch-widget.js";
import type { FetchFunction } from "../protocol/request.js";
import { answerKey, credentialIdentity, credentialsOf, fetchWidgetShared } from "./shared-requests.js";
import type { RetryOptions } from "./retry-policy.js";
import { useLatest } from "./use-latest.js";
import { useMounted } from "./use-mounted.js";
import { DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL_MS, readCachedWidget, storeCachedWidget } from "./widget-cache.js";

/** Where the app is shown: beside an issue, or in an account's notebook (no issue there). */
export type CustomAppPlacement = "issue_sidebar" | "account_notebook";

/**
 * The context actually sent for `placement`. In an account notebook there is no issue and so no
 * requester: `issue_id`, `requester_id` and `requester_email` are sent empty, whatever `context`
 * holds (a value left over from a sidebar never reaches the app); the other four are sent as given.
 */
export function contextForPlacement(placement: CustomAppPlacement | undefined, context: CustomAppRequestContext): CustomAppRequestContext {
  if (placement !== "account_notebook") return context;
  return { ...context, issue_id: "", requester_id: "", requester_email: "" };
}

export interface UseCustomAppOptions {
  /** The app's endpoint URL. */
  url: string | URL;
  /** The issue and people the widget is for. A different context is a different request. */
  context: CustomAppRequestContext;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /**
   * Default `globalThis.fetch`. In a browser, pass one that goes through your backend (see
   * docs/host-integration.md). Read when a request starts: a new function (one defined in
   * render) changes nothing on screen, but requests are shared only between consumers that use
   * the same function, so define it once, outside render.
   */
  fetch?: FetchFunction;
  /** The app's secret: requests are signed with `X-Pylon-Signature` (server-side hosts only). */
  secret?: string;
  /** Whole request, body included. Default 10 000 ms. */
  timeoutMs?: number;
  /** Largest answer accepted, enforced while the body streams in. Default 1 MiB. */
  maxBytes?: number;
  /** Passed to `parseWidget` for `data.result`. */
  parseOptions?: ParseOptions;
  /**
   * Refetch every this many milliseconds while the page is visible. Default: never (also for 0,
   * a negative number, NaN or Infinity); above 2^31 − 1 ms (about 24.8 days), that long.
   */
  refreshInterval?: number;
  /** `false` holds the request (status `"idle"`). Default `true`. */
  enabled?: boolean;
  /** Where the widget is shown. Default `"issue_sidebar"`; see `contextForPlacement` for what a notebook sends. */
  placement?: CustomAppPlacement;
  /**
   * A cached answer younger than this is shown at once (marked stale) while the app is asked
   * again. Default 300 000 ms (5 min); `0` turns the cache off for this consumer.
   */
  cacheTtlMs?: number;
  /** The page-wide cache keeps at most this many answers when this consumer stores one. Default 50 (at most 500). */
  cacheSize?: number;
  /** Retries on network failures, 5xx and 429 (`Retry-After` honoured). Default 3 tries in 30 s; `false`: one try. */
  retry?: RetryOptions | false;
}

/**
 * `"loading"`: no answer yet for this context; `"success"`: `data` holds the last good answer;
 * `"error"`: the last request failed (`data` may still hold an older good answer for this context).
 */
export type CustomAppStatus = "idle" | "loading" | "success" | "error";

export interface CustomAppState {
  status: CustomAppStatus;
  /**
   * The last good answer for the current url and context; kept while refreshing and after a
   * failed refresh. One shown from the cache holds the normalised payload as `payload`.
   */
  data: FetchWidgetSuccess | null;
  /** Why the last request failed; cleared when the next one starts. */
  error: FetchWidgetError | null;
  /** A request is in flight. */
  isFetching: boolean;
  /** `data` is on show while a newer answer is pending or could not be had. */
  isStale: boolean;
  /** Fetches again (the Retry and Refresh actions). Aborts a request in flight for this consumer. */
  refresh: () => void;
}

interface InternalState {
  key: string;
  data: FetchWidgetSuccess | null;
  error: FetchWidgetError | null;
  isFetching: boolean;
}

/**
 * Fetches a custom app's widget for a context and keeps it current: a new context aborts the
 * request in flight and never shows the previous context's data; a late answer for an old
 * context or an older refresh is dropped; unmounting aborts. Switching back to a context shows
 * its cached answer at once, marked stale, while the app is asked again; failures that may pass
 * are retried with backoff (`retry`).
 */
export function useCustomApp(hookOptions: UseCustomAppOptions): CustomAppState {
  const options = { ...hookOptions, context: contextForPlacement(hookOptions.placement, hookOptions.context) };
  const enabled = options.enabled ?? true;
  // The number for these credentials is kept for as long as they stay the same: the page-wide
  // list forgets old sets, and a new number would change the key under a request in flight.
  const credentials = credentialsOf(options);
  const [held, setHeld] = useState(() => ({ credentials, id: credentialIdentity(credentials) }));
  let credentialId = held.id;
  if (held.credentials !== credentials) {
    credentialId = credentialIdentity(credentials);
    setHeld({ credentials, id: credentialId });
  }
  const key = answerKey(options, credentialId);
  const latestRef = useLatest({ options, key });
  const mountedRef = useMounted();

  // What a context starts with: its cached answer, if one is fresh enough, else nothing.
  const initial = (): InternalState => ({
    key,
    data: enabled ? readCachedWidget(key, options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS) : null,
    error: null,
    isFetching: enabled,
  });
  const [state, setState] = useState<InternalState>(initial);
  // Another context (or url, headers…): start over at once, so the previous issue's data is
  // never shown for this one, not even for a frame.
  let current = state;
  if (state.key !== key) {
    current = initial();
    setState(current);
  }

  const inFlight = useRef<{ id: number; controller: AbortController } | null>(null);
  const lastId = useRef(0);

  const cancel = useCallback(() => {
    inFlight.current?.controller.abort();
    inFlight.current = null;
  }, []);

  /** `fresh`: a Refresh, which asks the app anew rather than joining a request in flight. */
  const run = useCallback((fresh: boolean) => {
    // A refresh() kept past unmounting: nothing would abort its request.
    if (!mountedRef.current) return;
    cancel();
    const id = ++lastId.current;
    const controller = new AbortController();
    inFlight.current = { id, controller };
    const { key: requestedKey, options: latestOptions } = latestRef.current;
    const { enabled: _enabled, refreshInterval: _interval, placement: _placement, cacheTtlMs, cacheSize, ...fetchOptions } = latestOptions;
    setState((s) => (s.key === requestedKey ? { ...s, error: null, isFetching: true } : s));
    void fetchWidgetShared(fetchOptions, controller.signal, fresh).then((result) => {
      // Only the newest request of this consumer may write; anything else is a late answer.
      if (inFlight.current?.id !== id) return;
      inFlight.current = null;
      if (result.ok && (cacheTtlMs ?? DEFAULT_CACHE_TTL_MS) > 0) storeCachedWidget(requestedKey, result, cacheSize ?? DEFAULT_CACHE_SIZE);
      setState((s) => {
        if (s.key !== requestedKey) return s;
        if (result.ok) return { key: s.key, data: result, error: null, isFetching: false };
        return { ...s, error: result.error, isFetching: false };
      });
    });
  }, [cancel, latestRef, mountedRef]);

  useEffect(() => {
    if (!enabled) return;
    run(false);
    return cancel;
  }, [key, enabled, run, cancel]);

  // 0 (never) for what is not a positive finite number; capped where timers stop working.
  const refreshInterval = resolveTimeout(options.refreshInterval, 0);
  useEffect(() => {
    if (!enabled || refreshInterval === 0) return;
    const timer = setInterval(() => {
      const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
      if (!hidden && !inFlight.current) run(false);
    }, refreshInterval);
    return () => clearInterval(timer);
  }, [key, enabled, refreshInterval, run]);

  const refresh = useCallback(() => {
    if (latestRef.current.options.enabled ?? true) run(true);
  }, [run, latestRef]);

  const { data, error } = current;
  // Disabled, nothing is being fetched for this consumer (a request it started was aborted).
  const isFetching = enabled && current.isFetching;
  const status: CustomAppStatus = isFetching && !data ? "loading" : error ? "error" : data ? "success" : isFetching ? "loading" : "idle";
  return { status, data, error, isFetching, isStale: data !== null && (isFetching || error !== null), refresh };
}
