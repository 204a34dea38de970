import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseWidget } from "../../src/parse/parse-widget.js";
import { sameContent, sameLeafProps } from "../../src/render/same-content.js";
import type { LeafComponent } from "../../src/schema/widget-schema.js";
import { fuzzParams, leafComponent } from "../fuzz/arbitraries.js";

type Json = Record<string, unknown>;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One small edit to a copy of `leaf`: the cases a refresh produces (a value changed, an icon gone, a badge item recoloured). */
const edited = (leaf: Json): fc.Arbitrary<Json> =>
  fc.tuple(leafComponent, fc.nat(), fc.nat(), fc.string({ maxLength: 6 }), fc.constantFrom("blue", "green", "red", "orange", "gray")).map(([other, pick, itemPick, text, color]) => {
    const copy = clone(leaf);
    const keys = Object.keys(copy);
    const key = keys[pick % keys.length];
    const items = copy.items as Json[] | undefined;
    switch (pick % 6) {
      case 0: // a field takes another leaf's value for it (often the same string: equal content, new object)
        if (key in other) copy[key] = clone(other[key]);
        else copy[key] = text;
        break;
      case 1: // a string field gets a suffix (never the same)
        if (typeof copy[key] === "string") copy[key] = `${copy[key]}${text || "x"}`;
        break;
      case 2: // icon added or removed
        if ("icon_url" in copy) delete copy.icon_url;
        else if (copy.type === "text" || copy.type === "date_time") copy.icon_url = "https://example.com/icon.png";
        break;
      case 3: // a badge item recoloured, or its text changed
        if (items && items.length > 0) {
          const item = items[itemPick % items.length];
          if (itemPick % 2) item.color = color;
          else item.value = `${item.value as string}${text}`;
        }
        break;
      case 4: // a badge item dropped or duplicated
        if (items) {
          if (items.length > 0 && itemPick % 2) items.splice(itemPick % items.length, 1);
          else items.push({ value: text, color });
        }
        break;
      default: // another type with the same label
        return { ...clone(other), ...(typeof copy.label === "string" && "label" in other ? { label: copy.label } : {}) };
    }
    return copy;
  });

/** A pair (a, b) where b is a's JSON round trip (equal, new objects), an edited copy, or an unrelated leaf. */
const leafPair: fc.Arbitrary<[Json, Json]> = leafComponent.chain((a) =>
  fc.oneof(
    fc.constant(clone(a)),
    { weight: 3, arbitrary: edited(a) },
    leafComponent,
  ).map((b): [Json, Json] => [a, b]),
);

/** The leaf as the renderer receives it: what parseWidget makes of it inside a card (null when it is not valid). */
function asRendered(leaf: Json): LeafComponent | null {
  const result = parseWidget({ version: "1.0.0", header: {}, components: [{ type: "card", components: [leaf] }] });
  if (!result.ok || !result.payload) return null;
  const card = result.payload.components[0];
  return card.type === "card" ? (card.components[0] ?? null) : null;
}

describe("sameContent", () => {
  it("equals deep equality over generated leaf pairs", () => {
    let equalPairs = 0;
    fc.assert(
      fc.property(leafPair, ([a, b]) => {
        // Content equality: the generators also make null-prototype objects, which hold the same content.
        const deep = isDeepStrictEqual(clone(a), clone(b));
        if (deep) equalPairs++;
        expect(sameContent(a as LeafComponent, b as LeafComponent)).toBe(deep);
        expect(sameContent(b as LeafComponent, a as LeafComponent)).toBe(deep);
      }),
      { ...fuzzParams, numRuns: Math.max(fuzzParams.numRuns, 1000) },
    );
    // The property must see both answers often, or it proves little.
    expect(equalPairs).toBeGreaterThan(100);
  });

  it("equals deep equality for the leaves parseWidget hands to the renderer", () => {
    fc.assert(
      fc.property(leafPair, ([a, b]) => {
        const ra = asRendered(a);
        const rb = asRendered(b);
        fc.pre(ra !== null && rb !== null);
        expect(sameContent(ra, rb)).toBe(isDeepStrictEqual(clone(ra), clone(rb)));
      }),
      { ...fuzzParams, numRuns: Math.max(fuzzParams.numRuns, 500) },
    );
  });

  it("tells a refreshed leaf with one changed value from its predecessor", () => {
    const before = JSON.parse('{"type":"badge","label":"Plan","items":[{"value":"Pro","color":"blue"},{"value":"Annual","color":"gray"}]}') as LeafComponent;
    const same = JSON.parse(JSON.stringify(before)) as LeafComponent;
    const recoloured = JSON.parse('{"type":"badge","label":"Plan","items":[{"value":"Pro","color":"blue"},{"value":"Annual","color":"red"}]}') as LeafComponent;
    expect(same).not.toBe(before);
    expect(sameContent(before, same)).toBe(true);
    expect(sameContent(before, recoloured)).toBe(false);
  });
});

describe("sameLeafProps", () => {
  const text = { type: "text", label: "Owner", value: "Ada" } as LeafComponent;
  it("skips a leaf of the same content at the same path", () => {
    expect(sameLeafProps({ component: text, path: "/components/0" }, { component: clone(text), path: "/components/0" })).toBe(true);
    expect(sameLeafProps({ component: text }, { component: clone(text) })).toBe(true);
  });
  it("re-renders when the path (what a host override is told) differs", () => {
    expect(sameLeafProps({ component: text, path: "/components/0" }, { component: clone(text), path: "/components/1" })).toBe(false);
  });
});
