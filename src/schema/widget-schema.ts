import * as z from "zod/mini";

/**
 * Pylon's Custom App Response Schema 1.0.0, as zod schemas.
 *
 * These schemas are the single source of the wire format: the TypeScript types below are
 * inferred from them, `sidecard/schema.json` is generated from `widgetSchema` at build time, and
 * `parseWidget`'s field table (parse/component-fields.ts) is tested to mirror them field by field.
 * Objects are loose because the published schema allows properties it does not name.
 */

import { BADGE_COLORS, COMPONENT_TYPES } from "./constants.js";

export { BADGE_COLORS, COMPONENT_TYPES };

export const headerSchema = z.looseObject({
  title: z.optional(z.string()),
  icon_url: z.optional(z.string().check(z.meta({ format: "uri" }))),
});

const iconUrl = z.optional(z.string().check(z.meta({ format: "uri" })));

export const textSchema = z.looseObject({
  type: z.literal("text"),
  label: z.string(),
  value: z.string(),
  icon_url: iconUrl,
});

export const dateTimeSchema = z.looseObject({
  type: z.literal("date_time"),
  label: z.string(),
  value: z.string().check(z.meta({ format: "date-time" })),
  icon_url: iconUrl,
});

export const badgeColorSchema = z.enum(BADGE_COLORS);

export const badgeItemSchema = z.looseObject({
  value: z.string(),
  color: badgeColorSchema,
});

export const badgeSchema = z.looseObject({
  type: z.literal("badge"),
  label: z.string(),
  items: z.array(badgeItemSchema),
});

export const buttonSchema = z.looseObject({
  type: z.literal("button"),
  label: z.string(),
  button_type: z.literal("link"),
  url: z.string().check(z.meta({ format: "uri" })),
});

export const linkSchema = z.looseObject({
  type: z.literal("link"),
  label: z.string(),
  url: z.string().check(z.meta({ format: "uri" })),
});

export const dividerSchema = z.looseObject({
  type: z.literal("divider"),
});

/** Every component that may stand inside a card (all but `card`: cards do not nest). */
const leafComponentSchemas = [textSchema, dateTimeSchema, badgeSchema, buttonSchema, linkSchema, dividerSchema] as const;

export const leafComponentSchema = z.discriminatedUnion("type", [...leafComponentSchemas]);

export const cardSchema = z.looseObject({
  type: z.literal("card"),
  header: z.optional(headerSchema),
  components: z.array(leafComponentSchema),
});

export const componentSchema = z.discriminatedUnion("type", [cardSchema, ...leafComponentSchemas]);

export const widgetSchema = z.looseObject({
  version: z.string(),
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
export type ComponentType = WidgetComponent["type"];
