import type { BadgeComponent } from "../schema/widget-schema.js";
import { BADGE_COLORS } from "../schema/constants.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { renderRow } from "./row.js";

export interface BadgeProps {
  component: BadgeComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/**
 * Label | small tinted rectangles that wrap onto further lines; a long one is cut with an
 * ellipsis. At most `limits.maxBadgeItems` are drawn, then "+N more".
 */
export function Badge({ component }: BadgeProps) {
  const { limits, messages } = useWidgetSettings();
  const { items } = component;
  const shown = items.length > limits.maxBadgeItems ? items.slice(0, limits.maxBadgeItems) : items;
  const hidden = items.length - shown.length;
  return renderRow(
    "badge",
    component.label,
    items.length > 0 && (
      <ul className="sc-badges">
        {shown.map((item, index) => (
          <li
            className="sc-badge sc-truncate"
            data-color={(BADGE_COLORS as readonly string[]).includes(item.color) ? item.color : "gray"}
            title={boundChars(item.value, MAX_TITLE_CHARS)}
            key={index}
          >
            {boundChars(item.value, MAX_DRAWN_CHARS)}
          </li>
        ))}
        {hidden > 0 && <li className="sc-more">{messages.moreItems(hidden)}</li>}
      </ul>
    ),
  );
}
