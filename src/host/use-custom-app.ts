"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ParseOptions } from "../parse/parse-widget.js";
import type { AppHeaders } from "./endpoint-url.js";
import type { CustomAppRequestContext, FetchWidgetError, FetchWidgetSuccess } from "./fetch-widget.js";
import type { FetchFunction } from "../protocol/request.js";
import { fetchWidgetShared, requestKey } from "./shared-requests.js";

export interface UseCustomAppOptions {
  /** The app's endpoint URL. */
  url: string | URL;
  /** The issue and people the widget is for. A different context is a different request. */
  context: CustomAppRequestContext;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /**
   * Default `globalThis.fetch`. In a browser, pass one that goes through your backend (see
   * docs/host-integration.md). Define it once, outside render: requests are shared only between
   * consumers that use the same function.
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
  /** Refetch every this many milliseconds while the page is visible. Default: never. */
  refreshInterval?: number;
  /** `false` holds the request (status `"idle"`). Default `true`. */
  enabled?: boolean;
}

/**
 * `"loading"`: no answer yet for this context; `"success"`: `data` holds the last good answer;
 * `"error"`: the last request failed (`data` may still hold an older good answer for this context).
 */
export type CustomAppStatus = "idle" | "loading" | "success" | "error";

export interface CustomAppState {
  status: CustomAppStatus;
  /** The last good answer for the current url and context; kept while refreshing and after a failed refresh. */
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
 * context or an older refresh is dropped; unmounting aborts.
 */
export function useCustomApp(options: UseCustomAppOptions): CustomAppState {
  const enabled = options.enabled ?? true;
  const key = requestKey(options);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const [state, setState] = useState<InternalState>(() => ({ key, data: null, error: null, isFetching: enabled }));
  // Another context (or url, headers…): start over at once, so the previous issue's data is
  // never shown for this one, not even for a frame.
  let current = state;
  if (state.key !== key) {
    current = { key, data: null, error: null, isFetching: enabled };
    setState(current);
  }

  const inFlight = useRef<{ id: number; controller: AbortController } | null>(null);
  const lastId = useRef(0);

  const cancel = useCallback(() => {
    inFlight.current?.controller.abort();
    inFlight.current = null;
  }, []);

  const run = useCallback(() => {
    cancel();
    const id = ++lastId.current;
    const controller = new AbortController();
    inFlight.current = { id, controller };
    const { enabled: _enabled, refreshInterval: _interval, ...fetchOptions } = optionsRef.current;
    const requestedKey = requestKey(fetchOptions);
    setState((s) => (s.key === requestedKey ? { ...s, error: null, isFetching: true } : s));
    void fetchWidgetShared(fetchOptions, controller.signal).then((result) => {
      // Only the newest request of this consumer may write; anything else is a late answer.
      if (inFlight.current?.id !== id) return;
      inFlight.current = null;
      setState((s) => {
        if (s.key !== requestedKey) return s;
        if (result.ok) return { key: s.key, data: result, error: null, isFetching: false };
        return { ...s, error: result.error, isFetching: false };
      });
    });
  }, [cancel]);

  useEffect(() => {
    if (!enabled) {
      setState((s) => (s.isFetching ? { ...s, isFetching: false } : s));
      return;
    }
    run();
    return cancel;
  }, [key, enabled, run, cancel]);

  const refreshInterval = options.refreshInterval;
  useEffect(() => {
    if (!enabled || !refreshInterval || refreshInterval <= 0) return;
    const timer = setInterval(() => {
      const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
      if (!hidden && !inFlight.current) run();
    }, refreshInterval);
    return () => clearInterval(timer);
  }, [key, enabled, refreshInterval, run]);

  const refresh = useCallback(() => {
    if (optionsRef.current.enabled ?? true) run();
  }, [run]);

  const { data, error, isFetching } = current;
  const status: CustomAppStatus = isFetching && !data ? "loading" : error ? "error" : data ? "success" : isFetching ? "loading" : "idle";
  return { status, data, error, isFetching, isStale: data !== null && (isFetching || error !== null), refresh };
}
