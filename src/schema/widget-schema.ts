import * as z from "zod/mini";
import { isRfc3339 } from "../parse/rfc3339.js";
import { isSafeUrl, toSafeIconSrc } from "../parse/url-safety.js";
import { isSupportedVersion } from "../parse/version.js";
import {
  BADGE_COLORS,
  COMPONENT_SPEC,
  COMPONENT_TYPES,
  HEADER_SPEC,
  LEAF_TYPES,
  type ComponentSpec,
  type ComponentType,
  type FieldKind,
  type FieldSpec,
  type LeafType,
} from "./spec.js";

/**
 * Pylon's Custom App Response Schema 1.0.0 as zod schemas, built from `COMPONENT_SPEC`
 * (schema/spec.ts): the TypeScript types below are inferred from them and `sidecard/schema.json`
 * is generated from `widgetSchema`. A payload passes `widgetSchema` exactly when `parseWidget`
 * (default options) reports no diagnostic at all: the value rules (URL safety, RFC 3339, image
 * icons, the version) are the parser's own functions. Objects are loose because the published
 * schema allows properties it does not name.
 */

export { BADGE_COLORS, COMPONENT_TYPES };

const uri = z.meta({ format: "uri" });
const iconUrlSchema = z.string().check(uri, z.refine((value) => toSafeIconSrc(value) !== null, "expected an http(s) or data:image URL"));

export const badgeColorSchema = z.enum(BADGE_COLORS);

export const badgeItemSchema = z.looseObject({
  value: z.string(),
  color: badgeColorSchema,
});

/** The zod schema of each field kind but `components` (which needs the leaf union, below). */
interface KindSchemas {
  string: z.ZodMiniString<string>;
  date_time: z.ZodMiniString<string>;
  url: z.ZodMiniString<string>;
  icon_url: z.ZodMiniString<string>;
  button_type: z.ZodMiniLiteral<"link">;
  badge_items: z.ZodMiniArray<typeof badgeItemSchema>;
  header: HeaderSchema;
  components: z.ZodMiniArray<LeafComponentSchema>;
}

function kindSchema(kind: FieldKind): KindSchemas[FieldKind] {
  switch (kind) {
    case "string":
      return z.string();
    case "date_time":
      return z.string().check(z.meta({ format: "date-time" }), z.refine(isRfc3339, "expected an RFC 3339 date-time"));
    case "url":
      return z.string().check(uri, z.refine((value) => isSafeUrl(value), "expected an absolute URL with an allowed scheme"));
    case "icon_url":
      return iconUrlSchema;
    case "button_type":
      return z.literal("link");
    case "badge_items":
      return z.array(badgeItemSchema);
    case "header":
      return headerSchema;
    case "components":
      return z.array(leafComponentSchema);
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): never {
  throw new Error(`no zod schema for the field kind ${String(kind)}`);
}

type FieldSchema<F> = F extends { kind: infer K extends FieldKind; required: infer R }
  ? R extends true
    ? KindSchemas[K]
    : z.ZodMiniOptional<KindSchemas[K]>
  : never;

type FieldsShape<Fields> = { -readonly [F in keyof Fields]: FieldSchema<Fields[F]> };
type ShapeOf<T extends ComponentType> = {
  -readonly [F in "type" | keyof ComponentSpec[T]]: F extends keyof ComponentSpec[T] ? FieldSchema<ComponentSpec[T][F]> : z.ZodMiniLiteral<T>;
};
type HeaderSchema = z.ZodMiniObject<FieldsShape<typeof HEADER_SPEC>, z.core.$loose>;

type ComponentSchema<T extends ComponentType> = z.ZodMiniObject<ShapeOf<T>, z.core.$loose>;
type LeafComponentSchema = z.ZodMiniDiscriminatedUnion<[ComponentSchema<LeafType>, ...ComponentSchema<LeafType>[]], "type">;

function fieldsShape(fields: Readonly<Record<string, FieldSpec>>): Record<string, z.ZodMiniType> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [name, field] of Object.entries(fields)) {
    const schema = kindSchema(field.kind);
    shape[name] = field.required ? schema : z.optional(schema);
  }
  return shape;
}

// The casts restate, as types, what the loop builds from the same spec entry.
function componentSchemaOf<T extends ComponentType>(type: T): ComponentSchema<T> {
  return z.looseObject({ type: z.literal(type), ...fieldsShape(COMPONENT_SPEC[type]) }) as unknown as ComponentSchema<T>;
}

export const headerSchema = z.looseObject(fieldsShape(HEADER_SPEC)) as unknown as HeaderSchema;

const leafSchemas = Object.fromEntries(LEAF_TYPES.map((type) => [type, componentSchemaOf(type)])) as {
  [T in LeafType]: ComponentSchema<T>;
};

const leafSchemaList = LEAF_TYPES.map((type) => leafSchemas[type]) as [ComponentSchema<LeafType>, ...ComponentSchema<LeafType>[]];

/** Every component that may stand inside a card (all but `card`: cards do not nest). */
export const leafComponentSchema: LeafComponentSchema = z.discriminatedUnion("type", leafSchemaList);

export const cardSchema = componentSchemaOf("card");
export const textSchema = leafSchemas.text;
export const dateTimeSchema = leafSchemas.date_time;
export const badgeSchema = leafSchemas.badge;
export const buttonSchema = leafSchemas.button;
export const linkSchema = leafSchemas.link;
export const dividerSchema = leafSchemas.divider;

export const componentSchema = z.discriminatedUnion("type", [cardSchema, ...leafSchemaList]);

export const widgetSchema = z.looseObject({
  version: z.string().check(z.refine(isSupportedVersion, "expected a 1.x version such as 1.0.0")),
  header: headerSchema,
  components: z.array(componentSchema),
});

export type WidgetPayload = z.infer<typeof widgetSchema>;
export type WidgetHeader = z.infer<typeof headerSchema>;
export type WidgetComponent = z.infer<typeof componentSchema>;
export type LeafComponent = z.infer<typeof leafComponentSchema>;
export type CardComponent = z.infer<typeof cardSchema>;
export type TextComponent = z.infer<typeof textSchema>;
export type DateTimeComponent = z.infer<typeof dateTimeSchema>;
export type BadgeComponent = z.infer<typeof badgeSchema>;
export type BadgeItem = z.infer<typeof badgeItemSchema>;
export type BadgeColor = z.infer<typeof badgeColorSchema>;
export type ButtonComponent = z.infer<typeof buttonSchema>;
export type LinkComponent = z.infer<typeof linkSchema>;
export type DividerComponent = z.infer<typeof dividerSchema>;
export type { ComponentType };
