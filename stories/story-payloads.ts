// Small builders for the component stories: one component alone, or the same inside a card.

/** A widget with the given components at top level. */
export function widgetOf(title: string, ...components: unknown[]) {
  return { version: "1.0.0", header: { title }, components };
}

/** A widget whose only component is a card holding the given components. */
export function cardOf(title: string, cardTitle: string, ...components: unknown[]) {
  return widgetOf(title, { type: "card", header: { title: cardTitle }, components });
}

/** A 16×16 blue square as an inline SVG data URL: an icon that always loads, offline too. */
export const ICON_OK =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='16' height='16'%3E%3Crect width='16' height='16' rx='3' fill='%230969da'/%3E%3C/svg%3E";

/** A data URL that is not a decodable image: the browser fires `error` at once. */
export const ICON_BROKEN_DATA = "data:image/png;base64,bm90IGFuIGltYWdl";

/** A host that cannot resolve (the .invalid TLD is reserved): the request fails. */
export const ICON_UNREACHABLE = "https://icons.example.invalid/missing.png";
