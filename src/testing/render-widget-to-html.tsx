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
    createElement(Widget, { locale: "en-US", timeZone: "UTC", now: SNAPSHOT_NOW, ...options, payload }),
  );
  return normalizeWidgetHTML(html);
}

/**
 * Puts one element per line so snapshot diffs point at the component that changed. Only
 * whitespace between tags is touched; text content is left exactly as rendered.
 */
export function normalizeWidgetHTML(html: string): string {
  return html.replace(/></g, ">\n<");
}
