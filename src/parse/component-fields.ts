import type { ComponentType } from "../schema/widget-schema.js";

/**
 * What each component type requires, in the order `widgetSchema` declares it. The zod schemas
 * stay the declared source of the format (types, JSON Schema); this table is their runtime twin
 * for the hot path, because running zod per component costs ~50× the 2 ms budget for 10,000
 * components. `test/parse/component-fields.test.ts` proves the two agree field by field.
 */
export type FieldKind =
  | "string" // any string
  | "date_time" // an RFC 3339 string
  | "url" // an absolute URL with an allowed scheme
  | "icon_url" // optional decorative image URL; problems are warnings
  | "button_type" // the literal "link"
  | "badge_items" // an array of { value: string, color }
  | "header"; // { title?: string, icon_url?: string }

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
}

const label: FieldSpec = { name: "label", kind: "string", required: true };
const iconUrl: FieldSpec = { name: "icon_url", kind: "icon_url", required: false };

export const COMPONENT_FIELDS: { readonly [K in ComponentType]: readonly FieldSpec[] } = {
  // A card's `components` is walked by parseWidget itself (children are components in their own right).
  card: [{ name: "header", kind: "header", required: false }],
  text: [label, { name: "value", kind: "string", required: true }, iconUrl],
  date_time: [label, { name: "value", kind: "date_time", required: true }, iconUrl],
  badge: [label, { name: "items", kind: "badge_items", required: true }],
  button: [label, { name: "button_type", kind: "button_type", required: true }, { name: "url", kind: "url", required: true }],
  link: [label, { name: "url", kind: "url", required: true }],
  divider: [],
};

/** What a missing or mistyped field should have been, for messages. */
export const EXPECTED_BY_KIND: { readonly [K in FieldKind]: string } = {
  string: "a string",
  date_time: 'an RFC 3339 date-time string such as "2024-07-15T12:34:56Z"',
  url: 'an absolute URL string such as "https://example.com/admin"',
  icon_url: "an absolute http(s) URL or a data:image URL",
  button_type: 'the string "link"',
  badge_items: 'an array of badge items ({ "value", "color" })',
  header: 'an object with an optional "title" and "icon_url"',
};
