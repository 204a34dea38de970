import type { ReactElement } from "react";
import type { ButtonComponent } from "../schema/widget-schema.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { useWidgetSettings, type WidgetSettings } from "../render/widget-settings.js";
import { renderExternalLink } from "./external-link.js";
import { externalLinkMark } from "./marks.js";

export interface ButtonProps {
  component: ButtonComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** A link styled as a full-width outlined button, label centred, then an external-link mark; opens in a new tab. */
export function Button({ component }: ButtonProps): ReactElement {
  return renderButton(component, useWidgetSettings());
}

/** The button for these settings: `<Button>` reads them from the widget, the widget's own registry hands them over. */
export function renderButton(component: ButtonComponent, { allowedUrlSchemes, messages }: WidgetSettings): ReactElement {
  const label = boundChars(component.label, MAX_DRAWN_CHARS);
  return renderExternalLink(
    component.url,
    allowedUrlSchemes,
    { className: "sc-button", component: "button", title: boundChars(component.label, MAX_TITLE_CHARS), name: label, newTab: messages.opensInNewTab },
    <>
      <span className="sc-truncate">{label}</span>
      {externalLinkMark}
    </>,
  );
}
