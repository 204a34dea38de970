import { describe, expect, test } from "vitest";
import { COMPONENT_FIELDS, NAMES_READ } from "../../src/parse/component-fields.js";
import { COMPONENT_SPEC, type FieldKind } from "../../src/schema/spec.js";
import { COMPONENT_TYPES, componentSchema } from "../../src/schema/widget-schema.js";

// The parser's table and the zod schemas are both built from COMPONENT_SPEC. These tests check
// the derivations: same types, same fields in the same order, same required-ness, and a zod
// schema of the right shape for each kind (a `z.number()` where the spec says `string` fails here).

type Def = { type: string; innerType?: { _zod: { def: Def } }; element?: { _zod: { def: Def } }; values?: unknown[] };
type Schema = { _zod: { def: Def & { shape?: Record<string, Schema> } } };
const shapeOf = (schema: Schema) => schema._zod.def.shape as Record<string, Schema>;

/** The zod def type a field of each kind must have (optional wrappers removed). */
const ZOD_TYPE_BY_KIND: { [K in FieldKind]: string } = {
  string: "string",
  date_time: "string",
  url: "string",
  icon_url: "string",
  button_type: "literal",
  badge_items: "array",
  header: "object",
  components: "array",
};

describe("the parser's table and the zod schemas follow COMPONENT_SPEC", () => {
  const schemas = (componentSchema._zod.def as unknown as { options: Schema[] }).options;
  const byType = new Map(schemas.map((schema) => [shapeOf(schema).type._zod.def.values?.[0] as string, schema]));

  test("all know the same types", () => {
    expect([...byType.keys()]).toEqual([...COMPONENT_TYPES]);
    expect(Object.keys(COMPONENT_FIELDS)).toEqual([...COMPONENT_TYPES]);
    expect(Object.keys(COMPONENT_SPEC)).toEqual([...COMPONENT_TYPES]);
  });

  test.each(COMPONENT_TYPES.map((type) => [type]))("%s: same fields, order, required-ness and kind", (type) => {
    const shape = shapeOf(byType.get(type)!);
    const fromSchema = Object.entries(shape)
      .filter(([name]) => name !== "type")
      .map(([name, field]) => {
        const optional = field._zod.def.type === "optional";
        const inner = optional ? field._zod.def.innerType!._zod.def : field._zod.def;
        return [name, !optional, inner.type];
      });
    const fromTable = COMPONENT_FIELDS[type].map((field) => [field.name, field.required, ZOD_TYPE_BY_KIND[field.kind]]);
    expect(fromTable).toEqual(fromSchema);
  });

  test("the fast path's prototype check covers every name the spec gives a field", () => {
    for (const type of COMPONENT_TYPES) for (const field of COMPONENT_FIELDS[type]) expect(NAMES_READ).toContain(field.name);
    expect(NAMES_READ).toEqual(expect.arrayContaining(["type", "title", "icon_url", "value", "color"]));
  });
});
