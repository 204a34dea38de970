import type { ReactElement } from "react";
import type { LinkComponent } from "../schema/widget-schema.js";
import { isSafeUrl } from "../parse/url-safety.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { CopyButton } from "./copy-button.js";
import { renderExternalLink } from "./external-link.js";
import { renderRow } from "./row.js";

export interface LinkProps {
  component: LinkComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** Label | the URL itself, underlined and cut with an ellipsis, then a copy button; opens in a new tab. */
export function Link({ component }: LinkProps): ReactElement {
  const { allowedUrlSchemes, messages } = useWidgetSettings();
  const { url } = component;
  return renderRow(
    "link",
    component.label,
    <>
      {renderExternalLink(url, allowedUrlSchemes, { className: "sc-link", title: boundChars(url, MAX_TITLE_CHARS), newTab: messages.opensInNewTab }, <span className="sc-truncate">{boundChars(url, MAX_DRAWN_CHARS)}</span>)}
      {isSafeUrl(url, allowedUrlSchemes) && <CopyButton text={url} />}
    </>,
  );
}
