import type { ReactElement } from "react";
import type { TextComponent } from "../schema/widget-schema.js";
import { boundChars, MAX_TITLE_CHARS, takeLines } from "../render/render-limits.js";
import { useWidgetSettings, type WidgetSettings } from "../render/widget-settings.js";
import { renderBareRow, renderRow } from "./row.js";

export interface TextProps {
  component: TextComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/**
 * Label | value. The value is one element whatever its number of lines: each line keeps its
 * break and is cut with an ellipsis by CSS (white-space: pre). At most `limits.maxTextLines`
 * lines are drawn, then "+N more lines"; the hover title holds the value up to 2,000 characters.
 */
export function Text({ component }: TextProps) {
  return renderText(component, useWidgetSettings());
}

/** The text row for these settings: `<Text>` reads them from the widget, the widget's own registry hands them over. */
export function renderText(component: TextComponent, { limits, messages }: WidgetSettings): ReactElement {
  const { text, hidden } = takeLines(component.value, limits.maxTextLines);
  const title = boundChars(component.value, MAX_TITLE_CHARS);
  // The string alone when nothing is hidden: a lone text child costs React no fiber of its own.
  const lines =
    hidden === 0 ? (
      text
    ) : (
      <>
        {text}
        {/* On a line of its own below the last line drawn (white-space: pre keeps the break). */}
        <span className="sc-more">{`\n${messages.moreLines(hidden)}`}</span>
      </>
    );
  // Without an icon the <dd> is the text element; with one, the icon and the text sit side by side in it.
  if (component.icon_url === undefined) return renderBareRow("text", component.label, "sc-text", lines, title);
  return renderRow(
    "text",
    component.label,
    <span className="sc-text" title={title}>
      {lines}
    </span>,
    component.icon_url,
  );
}
