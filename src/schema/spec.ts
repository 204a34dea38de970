// Response Schema 1.0.0, written once. Everything else that knows the wire format is derived
// from these entries: the zod schemas (so the TypeScript types and `schema.json`), the parser's
// field table and the names the fast path reads, the fuzz arbitraries and the renderer's registry keys.
// No zod here: the parser and the renderer import this without pulling zod into a host's bundle.

/** Badge colors, in the order docs list them. Any other color is a warning and renders gray. */
export const BADGE_COLORS = ["blue", "green", "red", "orange", "gray"] as const;

/**
 * What a field holds. Every `switch` on a kind ends in a `never` check, so a new kind fails to
 * compile until the zod builder, the parser and the fuzz arbitraries all handle it.
 */
export type FieldKind =
  | "string" // any string
  | "date_time" // an RFC 3339 date-time string
  | "url" // an absolute URL with an allowed scheme (buttons, links)
  | "icon_url" // a decorative image URL: http(s) or data:image; problems are warnings
  | "button_type" // the literal "link"
  | "badge_items" // an array of { value: string, color }
  | "header" // { title?: string, icon_url?: string }
  | "components"; // a card's components: every type but card

export interface FieldSpec {
  readonly kind: FieldKind;
  readonly required: boolean;
}

const required = <const K extends FieldKind>(kind: K) => ({ kind, required: true }) as const;
const optional = <const K extends FieldKind>(kind: K) => ({ kind, required: false }) as const;

/**
 * One entry per component type: its fields besides `type`, in the order the docs list them.
 * The first entry's key order is the order of `COMPONENT_TYPES`. Objects stay open: the format
 * allows properties it does not name (the parser leaves them out of its normalised payload).
 */
export const COMPONENT_SPEC = {
  card: { header: optional("header"), components: required("components") },
  text: { label: required("string"), value: required("string"), icon_url: optional("icon_url") },
  date_time: { label: required("string"), value: required("date_time"), icon_url: optional("icon_url") },
  badge: { label: required("string"), items: required("badge_items") },
  button: { label: required("string"), button_type: required("button_type"), url: required("url") },
  link: { label: required("string"), url: required("url") },
  divider: {},
} as const satisfies Record<string, Record<string, FieldSpec>>;

/** The widget's header and a card's header. */
export const HEADER_SPEC = { title: optional("string"), icon_url: optional("icon_url") } as const satisfies Record<string, FieldSpec>;

/** The fields of one badge item (`color` is one of `BADGE_COLORS`). */
export const BADGE_ITEM_FIELDS = ["value", "color"] as const;

export type ComponentSpec = typeof COMPONENT_SPEC;
export type ComponentType = keyof ComponentSpec;
/** Every type that may stand inside a card. */
export type LeafType = Exclude<ComponentType, "card">;

export const COMPONENT_TYPES = Object.keys(COMPONENT_SPEC) as readonly ComponentType[];
export const LEAF_TYPES = COMPONENT_TYPES.filter((type): type is LeafType => type !== "card");
