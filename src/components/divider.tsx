import type { DividerComponent } from "../schema/widget-schema.js";

export interface DividerProps {
  component: DividerComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

export function Divider(_props: DividerProps) {
  return <hr className="sc-divider" data-sidecard-component="divider" />;
}
