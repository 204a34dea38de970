import type { ReactElement, ReactNode } from "react";
import { isSafeUrl } from "../parse/url-safety.js";

export interface ExternalLinkAttributes {
  className: string;
  /** The wire type, when the anchor is the component's outermost element (the button). */
  component?: "button";
  title: string;
  /** The visually hidden "(opens in a new tab)" after the content, in the widget's words. */
  newTab: string;
}

/**
 * The one place a payload URL becomes an `href`. The URL is checked again here (not only in
 * `parseWidget`) so a host override or a direct use can never render an unsafe scheme; an
 * unsafe URL renders its content as plain text. A plain function, not a component: one React
 * fiber less for every button and link.
 */
export function renderExternalLink(
  url: string,
  allowedUrlSchemes: readonly string[],
  { className, component, title, newTab }: ExternalLinkAttributes,
  content: ReactNode,
): ReactElement {
  if (!isSafeUrl(url, allowedUrlSchemes)) {
    return (
      <span className={className} data-sidecard-component={component} data-disabled="">
        {content}
      </span>
    );
  }
  return (
    <a className={className} data-sidecard-component={component} href={url} target="_blank" rel="noopener noreferrer" title={title}>
      {content}{" "}
      <span className="sc-visually-hidden">{newTab}</span>
    </a>
  );
}
