"use client";

import { forwardRef, useCallback, useEffect, useRef, useState } from "react";
import { useMessages, useSidecardSettings } from "../messages/provider.js";
import { splitRootAttributes, type RootAttributes } from "../render/root-attributes.js";
import { englishHostMessages, type SidecardHostMessages } from "./host-messages.js";
import type { AppHeaders } from "../protocol/request-config.js";
import type { FetchFunction } from "../protocol/request.js";
import { headersKey } from "../protocol/request-config.js";
import { useLatest } from "./use-latest.js";
import { useMounted } from "./use-mounted.js";
import { verifyEndpoint, type VerificationResult } from "./verify-endpoint.js";

export interface UseEndpointVerificationOptions {
  /** The app's endpoint URL. */
  url: string | URL;
  /** Custom headers the app was configured with. */
  headers?: AppHeaders;
  /** Default `globalThis.fetch`; in a browser, one that goes through your backend. */
  fetch?: FetchFunction;
  /** The app's secret: the handshake is signed (server-side hosts only). */
  secret?: string;
  /** Default 10 000 ms. */
  timeoutMs?: number;
  /** Called with every finished handshake. */
  onResult?: (result: VerificationResult) => void;
}

/**
 * `checking`: a handshake is running; `verified` / `unverified`: the last handshake's outcome;
 * `disconnected`: the host disconnected the app, nothing runs until `connect()`.
 */
export type ConnectionStatus = "checking" | "verified" | "unverified" | "disconnected";

export interface EndpointVerificationState {
  status: ConnectionStatus;
  /** The last finished handshake; `null` while the first one runs and after `disconnect()`. */
  result: VerificationResult | null;
  /** Runs the handshake again. */
  retry: () => void;
  /** Drops the connection: aborts a handshake in flight; the handshake is needed again. */
  disconnect: () => void;
  /** Connects again after `disconnect()`: a fresh handshake (same as `retry`). */
  connect: () => void;
}

type InternalState = { phase: "checking" | "done" | "disconnected"; result: VerificationResult | null };

/**
 * Runs the handshake when mounted and when the url, headers or secret change (unless
 * disconnected); `retry` re-runs it, `disconnect` drops it until `connect`.
 */
export function useEndpointVerification(options: UseEndpointVerificationOptions): EndpointVerificationState {
  const optionsRef = useLatest(options);
  const mountedRef = useMounted();
  const [state, setState] = useState<InternalState>({ phase: "checking", result: null });
  const current = useRef<AbortController | null>(null);
  const disconnected = useRef(false);

  const abort = useCallback(() => {
    current.current?.abort();
    current.current = null;
  }, []);

  const run = useCallback(() => {
    // A retry() or connect() kept past unmounting: nothing would abort its handshake.
    if (!mountedRef.current) return;
    abort();
    disconnected.current = false;
    const controller = new AbortController();
    current.current = controller;
    setState((s) => ({ phase: "checking", result: s.phase === "disconnected" ? null : s.result }));
    const { url, headers, fetch, secret, timeoutMs } = optionsRef.current;
    verifyEndpoint({ url, headers, fetch, secret, timeoutMs, signal: controller.signal }).then(
      (result) => {
        if (current.current !== controller) return;
        current.current = null;
        setState({ phase: "done", result });
        optionsRef.current.onResult?.(result);
      },
      () => {
        // Aborted: a newer handshake, a disconnect or unmounting took over.
      },
    );
  }, [abort, optionsRef, mountedRef]);

  const disconnect = useCallback(() => {
    abort();
    disconnected.current = true;
    setState({ phase: "disconnected", result: null });
  }, [abort]);

  // Never throws for headers that cannot be sent: the handshake reports them as `config`.
  const headersId = headersKey(options.headers);
  const urlKey = String(options.url);
  useEffect(() => {
    if (!disconnected.current) run();
    return abort;
  }, [urlKey, headersId, options.secret, run, abort]);

  const status: ConnectionStatus =
    state.phase === "disconnected" ? "disconnected" : state.phase === "checking" ? "checking" : (state.result?.status ?? "checking");
  return { status, result: state.result, retry: run, disconnect, connect: run };
}

export interface ConnectionPanelProps extends Omit<UseEndpointVerificationOptions, "onResult">, RootAttributes {
  /** Replaces any of the panel's words (`connectionStatus`, `connect`, `retryConnection`, `disconnect`). */
  messages?: Partial<SidecardHostMessages>;
  onResult?: (result: VerificationResult) => void;
  /** Called when the Disconnect button is pressed (the host stops calling the app). */
  onDisconnect?: () => void;
  /** `data-theme` for the panel, like `<Widget theme>`. */
  theme?: "light" | "dark" | "auto";
  className?: string;
}


/**
 * For host settings pages: runs the handshake, shows Verified or Unverified with the reason,
 * "Retry connection", and Disconnect (then Connect, which needs the handshake again).
 */
export const ConnectionPanel = forwardRef<HTMLDivElement, ConnectionPanelProps>(function ConnectionPanel(
  { theme, className, onDisconnect, messages, ...others },
  ref,
) {
  const [root, options] = splitRootAttributes(others);
  const { status, result, retry, disconnect, connect } = useEndpointVerification(options);
  const app = useSidecardSettings();
  theme ??= app.theme;
  const words = useMessages(englishHostMessages, messages);
  const checking = status === "checking";
  return (
    <div
      className={className ? `sc-host sc-connection ${className}` : "sc-host sc-connection"}
      data-sidecard="connection"
      data-sidecard-state={status}
      data-failure={status === "unverified" ? result?.failure : undefined}
      data-theme={theme}
      aria-busy={checking ? "true" : undefined}
      {...root}
      ref={ref}
    >
      <p className="sc-connection-status" role="status">
        <span className="sc-connection-indicator" data-status={status} aria-hidden="true" />
        <span className="sc-connection-label">{words.connectionStatus(status)}</span>
      </p>
      {status === "unverified" && result?.reason && <p className="sc-connection-reason">{result.reason}</p>}
      {status === "disconnected" ? (
        <button type="button" className="sc-host-button" onClick={connect}>
          {words.connect}
        </button>
      ) : (
        <>
          <button type="button" className="sc-host-button" onClick={retry} disabled={checking}>
            {words.retryConnection}
          </button>
          <button
            type="button"
            className="sc-host-button sc-host-button-quiet"
            onClick={() => {
              disconnect();
              onDisconnect?.();
            }}
          >
            {words.disconnect}
          </button>
        </>
      )}
    </div>
  );
});
