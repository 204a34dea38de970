"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AppHeaders } from "./endpoint-url.js";
import type { FetchFunction } from "../protocol/request.js";
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

export type ConnectionStatus = "checking" | "verified" | "unverified";

export interface EndpointVerificationState {
  status: ConnectionStatus;
  /** The last finished handshake; `null` while the first one runs. */
  result: VerificationResult | null;
  /** Runs the handshake again (a disconnected app must handshake again). */
  retry: () => void;
}

/** Runs the handshake when mounted and when the url, headers or secret change; `retry` re-runs it. */
export function useEndpointVerification(options: UseEndpointVerificationOptions): EndpointVerificationState {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [state, setState] = useState<{ checking: boolean; result: VerificationResult | null }>({ checking: true, result: null });
  const current = useRef<AbortController | null>(null);

  const run = useCallback(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setState((s) => ({ ...s, checking: true }));
    const { url, headers, fetch, secret, timeoutMs } = optionsRef.current;
    verifyEndpoint({ url, headers, fetch, secret, timeoutMs, signal: controller.signal }).then(
      (result) => {
        if (current.current !== controller) return;
        current.current = null;
        setState({ checking: false, result });
        optionsRef.current.onResult?.(result);
      },
      () => {
        // Aborted: a newer handshake or unmounting took over.
      },
    );
  }, []);

  const headersKey = JSON.stringify([...new Headers(options.headers).entries()]);
  const urlKey = String(options.url);
  useEffect(() => {
    run();
    return () => {
      current.current?.abort();
      current.current = null;
    };
  }, [urlKey, headersKey, options.secret, run]);

  const status: ConnectionStatus = state.checking ? "checking" : (state.result?.status ?? "checking");
  return { status, result: state.result, retry: run };
}

export interface ConnectionPanelProps extends Omit<UseEndpointVerificationOptions, "onResult"> {
  onResult?: (result: VerificationResult) => void;
  /** `data-theme` for the panel, like `<Widget theme>`. */
  theme?: "light" | "dark" | "auto";
  className?: string;
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  checking: "Checking connection…",
  verified: "Verified",
  unverified: "Unverified",
};

/** For host settings pages: runs the handshake, shows Verified or Unverified with the reason, and retries. */
export function ConnectionPanel({ theme, className, ...options }: ConnectionPanelProps) {
  const { status, result, retry } = useEndpointVerification(options);
  const checking = status === "checking";
  return (
    <div
      className={className ? `sc-host sc-connection ${className}` : "sc-host sc-connection"}
      data-sidecard="connection"
      data-sidecard-state={status}
      data-theme={theme}
      aria-busy={checking ? "true" : undefined}
    >
      <p className="sc-connection-status" role="status">
        <span className="sc-connection-indicator" data-status={status} aria-hidden="true" />
        <span className="sc-connection-label">{STATUS_TEXT[status]}</span>
      </p>
      {!checking && result?.status === "unverified" && result.reason && (
        <p className="sc-connection-reason">{result.reason}</p>
      )}
      <button type="button" className="sc-host-button" onClick={retry} disabled={checking}>
        Retry connection
      </button>
    </div>
  );
}
