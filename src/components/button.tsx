import type { ButtonComponent } from "../schema/widget-schema.js";
import { ExternalLink } from "./external-link.js";

export interface ButtonProps {
  component: ButtonComponent;
  path: string;
}

/** A link styled as a button, e.g. to an admin dashboard; opens in a new tab. */
export function Button({ component }: ButtonProps) {
  return <ExternalLink type="button" className="sc-button" url={component.url} label={component.label} />;
}
