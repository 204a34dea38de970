import type { ReactElement } from "react";
import { isSafeUrl } from "../parse/url-safety.js";

/**
 * The one place a payload URL becomes an `href`. The URL is checked again here (not only in
 * `parseWidget`) so a host override or a direct use can never render an unsafe scheme; an
 * unsafe URL renders the label as plain text. A plain function, not a component: one React
 * fiber less for every button and link.
 */
export function renderExternalLink(
  type: "button" | "link",
  className: string,
  url: string,
  label: string,
  allowedUrlSchemes: readonly string[],
): ReactElement {
  if (!isSafeUrl(url, allowedUrlSchemes)) {
    return (
      <span className={className} data-sidecard-component={type} data-disabled="">
        <span className="sc-truncate">{label}</span>
      </span>
    );
  }
  return (
    <a className={className} data-sidecard-component={type} href={url} target="_blank" rel="noopener noreferrer" title={label}>
      <span className="sc-truncate">{label}</span>{" "}
      <span className="sc-visually-hidden">(opens in a new tab)</span>
    </a>
  );
}
