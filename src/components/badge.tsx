import type { ReactElement } from "react";
import type { BadgeComponent } from "../schema/widget-schema.js";
import { BADGE_COLORS } from "../schema/constants.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { useWidgetSettings, type WidgetSettings } from "../render/widget-settings.js";
import { renderBareRow } from "./row.js";

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
  return renderBadge(component, useWidgetSettings());
}

/** The badge row for these settings: `<Badge>` reads them from the widget, the widget's own registry hands them over. */
export function renderBadge(component: BadgeComponent, { limits, messages }: WidgetSettings): ReactElement {
  const { items } = component;
  const shown = items.length > limits.maxBadgeItems ? items.slice(0, limits.maxBadgeItems) : items;
  const hidden = items.length - shown.length;
  const pills = shown.map((item, index) => (
    <span
      className="sc-badge sc-truncate"
      data-color={(BADGE_COLORS as readonly string[]).includes(item.color) ? item.color : "gray"}
      title={boundChars(item.value, MAX_TITLE_CHARS)}
      key={index}
    >
      {boundChars(item.value, MAX_DRAWN_CHARS)}
    </span>
  ));
  // One flat list, so React needs no fiber for it; the <dd> holds the pills itself (no list element inside it).
  if (hidden > 0) pills.push(<span className="sc-more" key="more">{messages.moreItems(hidden)}</span>);
  return renderBareRow("badge", component.label, "sc-badges", pills);
}
