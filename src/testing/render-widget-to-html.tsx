import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Widget, type WidgetProps } from "../render/widget.js";

export type RenderWidgetToHTMLOptions = Omit<WidgetProps, "payload">;

/** The moment relative dates are measured from in snapshots unless `now` is given. */
const SNAPSHOT_NOW = new Date("2024-01-01T00:00:00Z");

/**
 * Renders a payload to static HTML for snapshot tests. Deterministic: locale `en-US`, time zone
 * `UTC` and a fixed `now` unless given, so the same payload gives the same HTML on every machine.
 */
export function renderWidgetToHTML(payload: unknown, options: RenderWidgetToHTMLOptions = {}): string {
  const html = renderToStaticMarkup(
    // `??` after the spread: an option given as `undefined` keeps its deterministic default.
    createElement(Widget, { ...options, locale: options.locale ?? "en-US", timeZone: options.timeZone ?? "UTC", now: options.now ?? SNAPSHOT_NOW, payload }),
  );
  return normalizeWidgetHTML(html);
}

// What React's useId gives, by version: `:R0:` (18), `«R0»` (19.0), `_R_0_` (19.1 and later).
const REACT_ID = /^(?::R[^:"]*:|«R[^»"]*»|_R_[^"]*_)$/;
// The attributes that hold an id or a list of ids.
const ID_ATTRIBUTE = /\b(id|for|aria-controls|aria-labelledby|aria-describedby|aria-owns)="([^"]*)"/g;

/**
 * Puts one element per line so snapshot diffs point at the component that changed, and numbers
 * React's generated ids in order of appearance (`sc-id-1`, …) so the same payload gives the same
 * HTML under React 18 and 19. Text content is left exactly as rendered.
 */
export function normalizeWidgetHTML(html: string): string {
  const ids = new Map<string, string>();
  const stable = (id: string) => {
    if (!REACT_ID.test(id)) return id;
    let name = ids.get(id);
    if (name === undefined) ids.set(id, (name = `sc-id-${ids.size + 1}`));
    return name;
  };
  return html
    .replace(ID_ATTRIBUTE, (_match, attribute: string, value: string) => `${attribute}="${value.split(" ").map(stable).join(" ")}"`)
    .replace(/></g, ">\n<");
}
