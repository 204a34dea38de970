import { describe, expect, test } from "vitest";
import { COMPONENT_FIELDS } from "../../src/parse/component-fields.js";
import { cardSchema, COMPONENT_TYPES, componentSchema } from "../../src/schema/widget-schema.js";

// The zod schemas are the declared format; parseWidget's field table is their fast runtime twin.
// These tests fail as soon as one changes without the other.

type Def = { type: string; innerType?: { _zod: { def: Def } }; shape?: Record<string, { _zod: { def: Def } }> };
const shapeOf = (schema: { _zod: { def: Def } }) => schema._zod.def.shape as Record<string, { _zod: { def: Def } }>;

describe("COMPONENT_FIELDS mirrors widgetSchema", () => {
  const schemas = (componentSchema._zod.def as unknown as { options: { _zod: { def: Def } }[] }).options;
  const byType = new Map(schemas.map((schema) => [(shapeOf(schema).type._zod.def as unknown as { values: string[] }).values[0], schema]));

  test("both know the same seven types", () => {
    expect([...byType.keys()].sort()).toEqual([...COMPONENT_TYPES].sort());
    expect(Object.keys(COMPONENT_FIELDS).sort()).toEqual([...COMPONENT_TYPES].sort());
  });

  test.each(COMPONENT_TYPES.map((type) => [type]))("%s: same fields, same order, same required-ness", (type) => {
    const shape = shapeOf(byType.get(type)!);
    const fromSchema = Object.entries(shape)
      .filter(([name]) => name !== "type")
      .map(([name, field]) => [name, field._zod.def.type !== "optional"]);
    const fromTable = COMPONENT_FIELDS[type].map((field) => [field.name, field.required]);
    expect(fromTable).toEqual(fromSchema);
  });

  test("cards require components", () => {
    expect(shapeOf(cardSchema).components._zod.def.type).toBe("array");
  });
});
