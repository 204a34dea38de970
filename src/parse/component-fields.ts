import { BADGE_ITEM_FIELDS, COMPONENT_SPEC, COMPONENT_TYPES, HEADER_SPEC, type ComponentType, type FieldKind } from "../schema/spec.js";

/** One field of a component as the parser walks it, derived from `COMPONENT_SPEC`. */
export interface FieldRule {
  name: string;
  kind: FieldKind;
  required: boolean;
}

function rulesOf(fields: Readonly<Record<string, { kind: FieldKind; required: boolean }>>): readonly FieldRule[] {
  return Object.entries(fields).map(([name, field]) => ({ name, kind: field.kind, required: field.required }));
}

/**
 * Each type's fields in spec order, built once at module load: the walk reads this table rather
 * than the spec's nested objects, and running zod per component would cost ~50× the 2 ms budget
 * for 10,000 components.
 */
export const COMPONENT_FIELDS = Object.fromEntries(COMPONENT_TYPES.map((type) => [type, rulesOf(COMPONENT_SPEC[type])])) as {
  readonly [K in ComponentType]: readonly FieldRule[];
};

/** Every member name the parser reads from payload objects (for the fast path's prototype check). */
export const NAMES_READ: readonly string[] = [
  ...new Set(["type", ...COMPONENT_TYPES.flatMap((type) => Object.keys(COMPONENT_SPEC[type])), ...Object.keys(HEADER_SPEC), ...BADGE_ITEM_FIELDS]),
];

/** What a missing or mistyped field should have been, for messages. */
export const EXPECTED_BY_KIND: { readonly [K in FieldKind]: string } = {
  string: "a string",
  date_time: 'an RFC 3339 date-time string such as "2024-07-15T12:34:56Z"',
  url: 'an absolute URL string such as "https://example.com/admin"',
  icon_url: "an absolute http(s) URL or a data:image URL",
  button_type: 'the string "link"',
  badge_items: 'an array of badge items ({ "value", "color" })',
  header: 'an object with an optional "title" and "icon_url"',
  components: "an array of components (it may be empty)",
};
