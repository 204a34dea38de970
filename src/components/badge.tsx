import type { BadgeComponent } from "../schema/widget-schema.js";
import { BADGE_COLORS } from "../schema/constants.js";
import { renderFieldLabel } from "./field-label.js";

export interface BadgeProps {
  component: BadgeComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** Label, then colored pills that wrap onto further lines; a long pill is cut with an ellipsis. */
export function Badge({ component }: BadgeProps) {
  return (
    <div className="sc-field" data-sidecard-component="badge">
      {renderFieldLabel(component.label)}
      {component.items.length > 0 && (
        <ul className="sc-badges">
          {component.items.map((item, index) => (
            <li
              className="sc-badge sc-truncate"
              data-color={(BADGE_COLORS as readonly string[]).includes(item.color) ? item.color : "gray"}
              title={item.value}
              key={index}
            >
              {item.value}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
