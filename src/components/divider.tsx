import type { DividerComponent } from "../schema/widget-schema.js";

export interface DividerProps {
  component: DividerComponent;
  path: string;
}

export function Divider(_props: DividerProps) {
  return <hr className="sc-divider" data-sidecard-component="divider" />;
}
