import type {
  BadgeColor,
  BadgeComponent,
  BadgeItem,
  ButtonComponent,
  CardComponent,
  DateTimeComponent,
  DividerComponent,
  LeafComponent,
  LinkComponent,
  TextComponent,
  WidgetComponent,
  WidgetHeader,
  WidgetPayload,
} from "../schema/widget-schema.js";

/**
 * Typed builders for Response Schema 1.0.0. Each returns a plain JSON-ready object; the types
 * come from the zod schema, so a card inside a card, a wrong color or a missing label fails to
 * compile.
 */

export const SCHEMA_VERSION = "1.0.0";

export interface IconOptions {
  /** An absolute http(s) or `data:image/…` URL shown as a small decorative icon. */
  icon_url?: string;
}

/** The whole response: `widget({ title: "Billing" }, [text("Plan", "Pro")])`. */
export function widget(header: WidgetHeader, components: readonly WidgetComponent[]): WidgetPayload {
  return { version: SCHEMA_VERSION, header: { ...header }, components: [...components] };
}

/** A group of components with an optional header. Cards do not nest: `components` excludes cards. */
export function card(header: WidgetHeader | undefined, components: readonly LeafComponent[]): CardComponent {
  return header === undefined
    ? { type: "card", components: [...components] }
    : { type: "card", header: { ...header }, components: [...components] };
}

/** A label with a (possibly multi-line) value. */
export function text(label: string, value: string, options: IconOptions = {}): TextComponent {
  return { type: "text", label, value, ...iconOf(options) };
}

/**
 * A label with a moment in time. A `Date` is written as RFC 3339 in UTC (`2024-07-15T12:34:56Z`,
 * with milliseconds only when they are not zero); an invalid Date or one outside the years
 * 0000–9999 throws a RangeError. A string is sent as given.
 */
export function dateTime(label: string, value: Date | string, options: IconOptions = {}): DateTimeComponent {
  return { type: "date_time", label, value: typeof value === "string" ? value : toRfc3339(value), ...iconOf(options) };
}

/** A badge item: a short value shown as a colored pill. */
export function badgeItem(value: string, color: BadgeColor = "gray"): BadgeItem {
  return { value, color };
}

/**
 * A label with colored pills. Items are `badgeItem(...)`s, `{ value, color }` objects, or plain
 * strings (gray).
 */
export function badge(label: string, items: readonly (BadgeItem | string)[]): BadgeComponent {
  return {
    type: "badge",
    label,
    items: items.map((item) => (typeof item === "string" ? badgeItem(item) : { ...item })),
  };
}

/** A button-styled link, e.g. to an admin dashboard. */
export function button(label: string, url: string): ButtonComponent {
  return { type: "button", label, button_type: "link", url };
}

/** An inline text link. */
export function link(label: string, url: string): LinkComponent {
  return { type: "link", label, url };
}

/** A horizontal rule. */
export function divider(): DividerComponent {
  return { type: "divider" };
}

function iconOf(options: IconOptions): IconOptions {
  return options.icon_url === undefined ? {} : { icon_url: options.icon_url };
}

function toRfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError("dateTime() was given an invalid Date; expected a valid Date or an RFC 3339 string.");
  }
  // toISOString writes other years as +010000 or -000001, which RFC 3339 has no room for.
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new RangeError(`dateTime() was given a Date in the year ${year}; expected a year from 0000 to 9999 (RFC 3339).`);
  }
  return date.toISOString().replace(/\.000Z$/, "Z");
}
