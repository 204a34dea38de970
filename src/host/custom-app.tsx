"use client";

import { renderExternalLink } from "../components/external-link.js";
import { refreshMark } from "../components/marks.js";
import { Widget, type WidgetProps } from "../render/widget.js";
import type { FetchWidgetError } from "./fetch-widget.js";
import { useCustomApp, type UseCustomAppOptions } from "./use-custom-app.js";

export interface CustomAppProps extends Omit<UseCustomAppOptions, "parseOptions">, Omit<WidgetProps, "payload"> {
  /** Show the Refresh button in the widget header. Default `true`. */
  refreshButton?: boolean;
  /** The app's name for the footer "Retrieved from: <appName>" (no footer without it). */
  appName?: string;
  /** Where the footer's app name links to (http(s) only; opens in a new tab). */
  appUrl?: string;
}

/** The footer link is the host's own URL: web pages only. */
const WEB_SCHEMES: readonly string[] = ["https", "http"];

const FAILURE_TITLES: Record<FetchWidgetError["kind"], string> = {
  timeout: "The app took too long to answer.",
  network: "The app could not be reached.",
  http: "The app answered with an error.",
  not_json: "The app's answer could not be read.",
  too_large: "The app's answer is too large.",
  aborted: "The request was cancelled.",
  config: "The app is not configured correctly.",
};

/**
 * Fetches a custom app for `context` and renders its widget, with a loading skeleton, an error
 * state with Retry, and Refresh. Every `<Widget>` prop passes through to `<Widget>`.
 */
export function CustomApp(props: CustomAppProps) {
  const {
    url,
    context,
    headers,
    fetch,
    secret,
    timeoutMs,
    maxBytes,
    refreshInterval,
    enabled,
    placement = "issue_sidebar",
    cacheTtlMs,
    cacheSize,
    retry,
    refreshButton = true,
    appName,
    appUrl,
    ...widgetProps
  } = props;
  const { limits, allowedUrlSchemes, theme } = widgetProps;
  const { status, data, error, isFetching, isStale, refresh } = useCustomApp({
    url,
    context,
    headers,
    fetch,
    secret,
    timeoutMs,
    maxBytes,
    refreshInterval,
    enabled,
    placement,
    cacheTtlMs,
    cacheSize,
    retry,
    parseOptions: { limits, allowedUrlSchemes },
  });

  if (status === "idle") return null;

  if (!data) {
    if (status === "error" && error) {
      return (
        <div className="sc-host sc-custom-app-error" data-sidecard="custom-app" data-sidecard-state="error" data-error-kind={error.kind} data-placement={placement} data-theme={theme} role="alert">
          <p className="sc-custom-app-error-title">{FAILURE_TITLES[error.kind]}</p>
          <p className="sc-custom-app-error-message">{error.message}</p>
          <button type="button" className="sc-host-button" onClick={refresh}>
            Retry
          </button>
        </div>
      );
    }
    return (
      <div className="sc-host sc-custom-app-loading" data-sidecard="custom-app" data-sidecard-state="loading" data-placement={placement} data-theme={theme} aria-busy="true">
        <span className="sc-visually-hidden">Loading the app…</span>
        <div className="sc-skeleton sc-skeleton-title" />
        <div className="sc-skeleton sc-skeleton-line" />
        <div className="sc-skeleton sc-skeleton-line" />
        <div className="sc-skeleton sc-skeleton-line sc-skeleton-line-short" />
      </div>
    );
  }

  return (
    <div
      className="sc-host sc-custom-app"
      data-sidecard="custom-app"
      data-sidecard-state="ready"
      data-sidecard-stale={isStale ? "" : undefined}
      data-placement={placement}
      data-theme={theme}
      aria-busy={isFetching ? "true" : undefined}
    >
      <Widget
        {...widgetProps}
        payload={data.payload}
        headerActions={
          // As in Pylon: the refresh control sits at the end of the widget header, with the
          // words for the refresh in a status region beside it.
          <>
            {refreshButton ? (
              <button type="button" className="sc-icon-button sc-refresh" aria-label="Refresh" title="Refresh" onClick={refresh} disabled={isFetching}>
                {refreshMark}
              </button>
            ) : (
              widgetProps.headerActions
            )}
            <span className="sc-visually-hidden" role="status">
              {isFetching ? "Refreshing…" : ""}
            </span>
          </>
        }
        footer={
          appName ? (
            <>
              Retrieved from:{" "}
              {appUrl ? renderExternalLink(appUrl, WEB_SCHEMES, { className: "sc-link", title: appName }, appName) : appName}
            </>
          ) : (
            widgetProps.footer
          )
        }
      />
      {error && !isFetching && (
        <div className="sc-custom-app-refresh-error" data-sidecard-state="error" data-error-kind={error.kind} role="alert">
          <p className="sc-custom-app-error-message">Could not refresh; showing the last answer. {error.message}</p>
          <button type="button" className="sc-host-button" onClick={refresh}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
