import type { ReactElement } from "react";
import type { ButtonComponent } from "../schema/widget-schema.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { renderExternalLink } from "./external-link.js";

export interface ButtonProps {
  component: ButtonComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** A link styled as a button, e.g. to an admin dashboard; opens in a new tab. */
export function Button({ component }: ButtonProps): ReactElement {
  const { allowedUrlSchemes } = useWidgetSettings();
  return renderExternalLink("button", "sc-button", component.url, component.label, allowedUrlSchemes);
}
