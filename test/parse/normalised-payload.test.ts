// What `parseWidget` hands back: the README's promises about the normalised payload and limits.
import { describe, expect, test } from "vitest";
import { parseWidget } from "../../src/index.js";

const valid = (components: unknown[]) => ({ version: "1.0.0", header: { title: "App" }, components });

describe("the normalised payload", () => {
  test("badge items keep only value and color (unknown keys dropped, as the README says)", () => {
    const result = parseWidget(
      valid([{ type: "badge", label: "Flags", items: [{ value: "vip", color: "blue", id: 7 }, { value: "new", color: "green" }] }]),
    );
    expect(result.ok).toBe(true);
    expect(result.payload?.components[0]).toEqual({
      type: "badge",
      label: "Flags",
      items: [
        { value: "vip", color: "blue" },
        { value: "new", color: "green" },
      ],
    });
  });

  test("an unknown key on an item next to one with an unknown color is dropped too", () => {
    const result = parseWidget(valid([{ type: "badge", label: "B", items: [{ value: "a", color: "pink" }, { value: "b", color: "red", note: "x" }] }]));
    const badge = result.payload?.components[0];
    expect(badge).toEqual({ type: "badge", label: "B", items: [{ value: "a", color: "gray" }, { value: "b", color: "red" }] });
  });
});

describe("the normalised payload has no keys the input did not give", () => {
  // `toStrictEqual`: a key holding `undefined` would show in snapshots and `in` checks.
  test("optional fields left out stay out, on the full path (an unknown key sends a component there)", () => {
    const result = parseWidget(valid([{ type: "text", label: "L", value: "v", extra: 1 }, { type: "card", components: [], extra: 1 }]));
    expect(result.payload?.components).toStrictEqual([{ type: "text", label: "L", value: "v" }, { type: "card", components: [] }]);
  });

  test("an icon that is no image URL leaves no icon_url key in the header", () => {
    const result = parseWidget({ version: "1.0.0", header: { title: "App", icon_url: "javascript:alert(1)" }, components: [] });
    expect(result.ok).toBe(true);
    expect(result.payload?.header).toStrictEqual({ title: "App" });
  });

  test("a missing version is read as 1.0.0", () => {
    expect(parseWidget({ header: {}, components: [] }).payload?.version).toBe("1.0.0");
  });
});

describe("limits", () => {
  test("maxComponents: 0 is a limit of zero, not the default", () => {
    const zero = { limits: { maxComponents: 0 } };
    expect(parseWidget(valid([{ type: "divider" }]), zero).diagnostics.map((d) => [d.code, d.path])).toEqual([["too_many_components", "/components"]]);
    expect(parseWidget(valid([{ type: "divider" }]), zero).ok).toBe(false);
    expect(parseWidget(valid([]), zero).ok).toBe(true);
  });

  test("the limit is inclusive: exactly maxComponents passes, one more does not", () => {
    const dividers = (n: number) => valid(Array.from({ length: n }, () => ({ type: "divider" })));
    expect(parseWidget(dividers(3), { limits: { maxComponents: 3 } }).ok).toBe(true);
    const over = parseWidget(dividers(4), { limits: { maxComponents: 3 } });
    expect(over.ok).toBe(false);
    expect(over.diagnostics[0]?.message).toBe("The widget has 4 components; the limit is 3.");
  });
});
