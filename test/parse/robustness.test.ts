import { describe, expect, test } from "vitest";
import { runInNewContext } from "node:vm";
import { parseWidget } from "../../src/index.js";

describe("parseWidget never throws", () => {
  test.each([
    ["undefined", undefined],
    ["a function", () => 1],
    ["a symbol", Symbol("x")],
    ["a bigint", 10n],
    ["NaN", Number.NaN],
    ["a Date", new Date()],
    ["a Map", new Map()],
  ])("on %s", (_name, input) => {
    const result = parseWidget(input);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0].code).toBe("invalid_root");
  });

  test("on __proto__ members from JSON.parse, without polluting prototypes", () => {
    const input: unknown = JSON.parse(
      '{"__proto__":{"polluted":true},"version":"1.0.0","header":{"__proto__":{"title":"x"}},"components":[{"type":"text","label":"l","value":"v","__proto__":{"type":"card"}},{"__proto__":{"type":"text","label":"l","value":"v"}}]}',
    );
    const result = parseWidget(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["unknown_type", "/components/1/type"]]);
  });

  test("reads objects made in another realm (an iframe, a vm context) as JSON objects", () => {
    const input: unknown = runInNewContext(`({ version: "1.0.0", header: { title: "T" }, components: [{ type: "text", label: "l", value: "v" }] })`);
    expect(parseWidget(input)).toMatchObject({ ok: true, diagnostics: [], payload: { header: { title: "T" } } });
  });

  test("reads an array without a prototype as an array, not as an object", () => {
    const header: unknown = Object.setPrototypeOf(["App"], null);
    // With a `type` as well: the fast path reads members by name, and must not read this one.
    const component: unknown = Object.setPrototypeOf(Object.assign([], { type: "divider" }), null);
    expect(parseWidget({ version: "1.0.0", header, components: [component] }).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["invalid_type", "/header"],
      ["invalid_type", "/components/0"],
    ]);
  });

  test("does not read inherited properties as payload data", () => {
    const component: unknown = Object.create({ type: "text", label: "l", value: "v" });
    expect(parseWidget({ version: "1.0.0", header: {}, components: [component] }).diagnostics.map((d) => d.code)).toEqual(["invalid_type"]);
  });

  test("on a throwing getter", () => {
    const input = {
      version: "1.0.0",
      header: {},
      get components(): unknown {
        throw new Error("boom");
      },
    };
    const result = parseWidget(input);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ code: "invalid_root", path: "" }]);
    expect(result.diagnostics[0].message).toContain("boom");
  });

  test("on a 100,000-element components array, quickly and with one diagnostic", () => {
    const components = Array.from({ length: 100_000 }, () => ({ type: "bogus" }));
    const started = performance.now();
    const result = parseWidget({ version: "1.0.0", header: {}, components });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["too_many_components"]);
  });

  test("on a card with 100,000 children", () => {
    const children = Array.from({ length: 100_000 }, () => ({ type: "divider" }));
    const result = parseWidget({ version: "1.0.0", header: {}, components: [{ type: "card", components: children }] });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["too_many_components", "/components"]]);
  });

  test("on a badge with 100,000 items", () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ value: `v${i}`, color: "blue" }));
    const result = parseWidget({ version: "1.0.0", header: {}, components: [{ type: "badge", label: "l", items }] });
    expect(result.ok).toBe(true);
  });

  test("on deeply nested junk inside a component", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const result = parseWidget({ version: "1.0.0", header: {}, components: [{ type: "text", label: "l", value: "v", extra: deep }] });
    expect(result.ok).toBe(true);
  });
});
