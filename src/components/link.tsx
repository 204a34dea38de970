import type { ReactElement } from "react";
import type { LinkComponent } from "../schema/widget-schema.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { renderExternalLink } from "./external-link.js";

export interface LinkProps {
  component: LinkComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** An inline text link; opens in a new tab. */
export function Link({ component }: LinkProps): ReactElement {
  const { allowedUrlSchemes } = useWidgetSettings();
  return renderExternalLink("link", "sc-link", component.url, component.label, allowedUrlSchemes);
}
