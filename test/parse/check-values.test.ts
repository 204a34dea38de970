// The value checks on their own, for what parseWidget cannot reach through a payload today:
// a kind only cards use, and a kind the spec might gain without a check.
import { describe, expect, test } from "vitest";
import { checkBadgeItems, checkField, type LeafFieldKind } from "../../src/parse/check-values.js";
import type { Diagnostic } from "../../src/schema/diagnostic.js";

const codes = (out: Diagnostic[]) => out.map((d) => [d.code, d.path]);

describe("checkField", () => {
  test("checks a header-kind field as a header, keeping its valid parts", () => {
    const out: Diagnostic[] = [];
    expect(checkField({ title: 5, icon_url: "https://a.example/i.png" }, "header", "header", false, "card", "/c/header", [], out)).toStrictEqual({ icon_url: "https://a.example/i.png" });
    expect(codes(out)).toEqual([["invalid_type", "/c/header/title"]]);
  });

  test("fails loudly for a field kind it has no check for", () => {
    expect(() => checkField("x", "f", "colour" as unknown as LeafFieldKind, true, "text", "/f", [], [])).toThrow("sidecard has no check for the field kind colour");
  });
});

describe("checkBadgeItems", () => {
  test.each([
    ["an item that is no object", [{ value: "a", color: "red" }, 5]],
    ["an item without value", [{ value: "a", color: "red" }, { color: "red" }]],
    ["an item whose value is no string", [{ value: "a", color: "red" }, { value: 1, color: "red" }]],
  ])("leaves the whole list out for %s, after reporting it", (_name, items) => {
    const out: Diagnostic[] = [];
    expect(checkBadgeItems(items, "/items", out)).toBeUndefined();
    expect(out.map((d) => d.severity)).toEqual(["error"]);
  });

  test("keeps a list whose only problem is a color, with that item gray", () => {
    const out: Diagnostic[] = [];
    expect(checkBadgeItems([{ value: "a", color: "pink" }], "/items", out)).toStrictEqual([{ value: "a", color: "gray" }]);
    expect(codes(out)).toEqual([["unknown_color", "/items/0/color"]]);
  });
});
