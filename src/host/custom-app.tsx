"use client";

import { renderExternalLink } from "../components/external-link.js";
import { refreshMark } from "../components/marks.js";
import { Widget, type WidgetProps } from "../render/widget.js";
import { forwardRef, type ReactNode } from "react";
import type { FetchWidgetError } from "./fetch-widget.js";
import { englishMessages, type SidecardMessages } from "../messages/messages.js";
import { useMessages, useSidecardSettings } from "../messages/provider.js";
import { splitRootAttributes } from "../render/root-attributes.js";
import { englishHostMessages, type SidecardHostMessages } from "./host-messages.js";
import { useCustomApp, type UseCustomAppOptions } from "./use-custom-app.js";

export interface CustomAppErrorSlot {
  error: FetchWidgetError;
  /** Fetches again (what the built-in Retry button does). */
  retry: () => void;
}

export interface CustomAppProps extends Omit<UseCustomAppOptions, "parseOptions">, Omit<WidgetProps, "payload" | "messages"> {
  /** Replaces any of the widget's and the host's own words. */
  messages?: Partial<SidecardMessages & SidecardHostMessages>;
  /** Your own loading state in place of the skeleton (inside the root, which keeps `aria-busy`). */
  renderLoading?: () => ReactNode;
  /** Your own error state in place of the built-in one, when there is no answer to show. */
  renderError?: (slot: CustomAppErrorSlot) => ReactNode;
  /** Show the Refresh button in the widget header. Default `true`. */
  refreshButton?: boolean;
  /** The app's name for the footer "Retrieved from: <appName>" (no footer without it). */
  appName?: string;
  /** Where the footer's app name links to (http(s) only; opens in a new tab). */
  appUrl?: string;
}

/** The footer link is the host's own URL: web pages only. */
const WEB_SCHEMES: readonly string[] = ["https", "http"];


/**
 * Fetches a custom app for `context` and renders its widget, with a loading skeleton, an error
 * state with Retry, and Refresh. Every `<Widget>` prop passes through to `<Widget>`.
 */
export const CustomApp = forwardRef<HTMLDivElement, CustomAppProps>(function CustomApp(props, ref) {
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
    renderLoading,
    renderError,
    ...otherProps
  } = props;
  // id, data-* and aria-* go to this root; the rest passes through to <Widget>.
  const [root, widgetProps] = splitRootAttributes(otherProps);
  const { limits, allowedUrlSchemes } = widgetProps;
  const app = useSidecardSettings();
  const theme = widgetProps.theme ?? app.theme;
  const words = useMessages(englishHostMessages, widgetProps.messages);
  // The footer link is outside <Widget>, so its "(opens in a new tab)" is looked up here.
  const widgetWords = useMessages(englishMessages, widgetProps.messages);
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
      if (renderError) {
        return (
          <div data-sidecard="custom-app" data-sidecard-state="error" data-error-kind={error.kind} data-placement={placement} data-theme={theme} {...root} ref={ref}>
            {renderError({ error, retry: refresh })}
          </div>
        );
      }
      return (
        <div className="sc-host sc-custom-app-error" data-sidecard="custom-app" data-sidecard-state="error" data-error-kind={error.kind} data-placement={placement} data-theme={theme} role="alert" {...root} ref={ref}>
          <p className="sc-custom-app-error-title">{words.failureTitle(error.kind)}</p>
          <p className="sc-custom-app-error-message">{error.message}</p>
          <button type="button" className="sc-host-button" onClick={refresh}>
            {words.retry}
          </button>
        </div>
      );
    }
    if (renderLoading) {
      return (
        <div data-sidecard="custom-app" data-sidecard-state="loading" data-placement={placement} data-theme={theme} aria-busy="true" {...root} ref={ref}>
          {renderLoading()}
        </div>
      );
    }
    return (
      <div className="sc-host sc-custom-app-loading" data-sidecard="custom-app" data-sidecard-state="loading" data-placement={placement} data-theme={theme} aria-busy="true" {...root} ref={ref}>
        <span className="sc-visually-hidden">{words.loading}</span>
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
      {...root}
      ref={ref}
    >
      <Widget
        {...widgetProps}
        payload={data.payload}
        headerActions={
          // As in Pylon: the refresh control sits at the end of the widget header, with the
          // words for the refresh in a status region beside it.
          <>
            {refreshButton ? (
              <button type="button" className="sc-icon-button sc-refresh" aria-label={words.refresh} title={words.refresh} onClick={refresh} disabled={isFetching}>
                {refreshMark}
              </button>
            ) : (
              widgetProps.headerActions
            )}
            <span className="sc-visually-hidden" role="status">
              {isFetching ? words.refreshing : ""}
            </span>
          </>
        }
        footer={
          appName ? (
            <>
              {words.retrievedFrom}{" "}
              {appUrl ? renderExternalLink(appUrl, WEB_SCHEMES, { className: "sc-link", title: appName, newTab: widgetWords.opensInNewTab }, appName) : appName}
            </>
          ) : (
            widgetProps.footer
          )
        }
      />
      {error && !isFetching && (
        <div className="sc-custom-app-refresh-error" data-sidecard-state="error" data-error-kind={error.kind} role="alert">
          {/* The sentence and its space, then the detail: the same two text nodes as ever (same shaping). */}
          <p className="sc-custom-app-error-message">
            {`${words.refreshFailed} `}
            {error.message}
          </p>
          <button type="button" className="sc-host-button" onClick={refresh}>
            {words.retry}
          </button>
        </div>
      )}
    </div>
  );
});
