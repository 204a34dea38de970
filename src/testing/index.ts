export { renderWidgetToHTML, normalizeWidgetHTML } from "./render-widget-to-html.js";
export type { RenderWidgetToHTMLOptions } from "./render-widget-to-html.js";
