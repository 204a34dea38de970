import type { ReactElement } from "react";
import type { LinkComponent } from "../schema/widget-schema.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { useWidgetSettings, type WidgetSettings } from "../render/widget-settings.js";
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
  return renderLink(component, useWidgetSettings());
}

/** The link row for these settings: `<Link>` reads them from the widget, the widget's own registry hands them over. */
export function renderLink(component: LinkComponent, { allowedUrlSchemes, messages }: WidgetSettings): ReactElement {
  const { url } = component;
  const drawn = boundChars(url, MAX_DRAWN_CHARS);
  // The anchor is the truncating element itself: no span inside it.
  const value = renderExternalLink(url, allowedUrlSchemes, { className: "sc-link sc-truncate", title: boundChars(url, MAX_TITLE_CHARS), name: drawn, newTab: messages.opensInNewTab }, drawn);
  // Only a URL that became a link can be copied: renderExternalLink has checked it (once).
  return renderRow("link", component.label, value, undefined, value.type === "a" && <CopyButton text={url} messages={messages} />);
}
