import type { LinkComponent } from "../schema/widget-schema.js";
import { ExternalLink } from "./external-link.js";

export interface LinkProps {
  component: LinkComponent;
  path: string;
}

/** An inline text link; opens in a new tab. */
export function Link({ component }: LinkProps) {
  return <ExternalLink type="link" className="sc-link" url={component.url} label={component.label} />;
}
