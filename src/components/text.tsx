import type { TextComponent } from "../schema/widget-schema.js";
import { boundChars, MAX_TITLE_CHARS, takeLines } from "../render/render-limits.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { renderRow } from "./row.js";

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
  const { limits, messages } = useWidgetSettings();
  const { text, hidden } = takeLines(component.value, limits.maxTextLines);
  return renderRow(
    "text",
    component.label,
    <>
      <span className="sc-text" title={boundChars(component.value, MAX_TITLE_CHARS)}>
        {text}
        {/* On a line of its own below the last line drawn (white-space: pre keeps the break). */}
        {hidden > 0 && <span className="sc-more">{`\n${messages.moreLines(hidden)}`}</span>}
      </span>
    </>,
    component.icon_url,
  );
}
