import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { parseWidget, type ParseResult } from "../../src/index.js";
import { cleanComponent, isObjectPrototypePristine } from "../../src/parse/clean-component.js";
import { DEFAULT_URL_SCHEMES } from "../../src/parse/url-safety.js";
import { card, leafComponent, mutatedPayload, validPayload } from "../fuzz/arbitraries.js";

// cleanComponent is parseWidget's fast path: it may only accept an object the full walk would
// accept with no diagnostic, and must then give the same normalised component. An enumerable property on Object.prototype makes the
// prototype not pristine, which turns the fast path off for every {} object — so the same
// input can be parsed both ways and compared.

const clean = (value: unknown) => cleanComponent(value, DEFAULT_URL_SCHEMES, true, false) !== null;

/** parseWidget with the fast path off, by making Object.prototype not pristine for the call. */
function parseByFullWalk(input: unknown): ParseResult {
  Object.defineProperty(Object.prototype, "sidecardTestMarker", { value: 1, enumerable: true, writable: true, configurable: true });
  let pristine: boolean;
  let result: ParseResult;
  try {
    pristine = isObjectPrototypePristine();
    result = parseWidget(input);
  } finally {
    delete (Object.prototype as Record<string, unknown>).sidecardTestMarker;
  }
  expect(pristine).toBe(false);
  return result;
}

/** Every object of the parse result that is also an object of the input (there should be none). */
function sharedObjects(input: unknown, result: ParseResult): unknown[] {
  const inputs = new Set<unknown>();
  const collect = (value: unknown) => {
    if (value === null || typeof value !== "object") return;
    inputs.add(value);
    Object.values(value).forEach(collect);
  };
  collect(input);
  const shared: unknown[] = [];
  const visit = (value: unknown) => {
    if (value === null || typeof value !== "object") return;
    if (inputs.has(value)) shared.push(value);
    Object.values(value).forEach(visit);
  };
  visit(result.payload);
  return shared;
}

afterEach(() => {
  expect(isObjectPrototypePristine()).toBe(true);
});

describe("cleanComponent", () => {
  test.each([
    { type: "text", label: "Plan", value: "Enterprise" },
    { type: "text", label: "Plan", value: "Enterprise", icon_url: "https://cdn.example.com/i.png" },
    { type: "date_time", label: "Renews", value: "2024-07-15T12:34:56Z" },
    { type: "badge", label: "Tags", items: [{ value: "VIP", color: "green" }] },
    { type: "badge", label: "Tags", items: [] },
    { type: "button", label: "Open", button_type: "link", url: "https://admin.example.com/a/1" },
    { type: "link", label: "Docs", url: "mailto:help@example.com" },
    { type: "divider" },
    { type: "card", components: [] },
    { type: "card", header: {}, components: [{ type: "divider" }] },
    { type: "card", header: { title: "Plan", icon_url: "https://cdn.example.com/i.png" }, components: [{ type: "text", label: "a", value: "b" }] },
  ])("says yes to the clean $type component", (component) => {
    expect(clean(component)).toBe(true);
    expect(clean(Object.assign(Object.create(null), component))).toBe(true);
  });

  test.each([
    ["a missing field", { type: "text", label: "a" }],
    ["a field of the wrong type", { type: "text", label: 1, value: "b" }],
    ["an icon that is no image URL", { type: "text", label: "a", value: "b", icon_url: "javascript:alert(1)" }],
    ["an invalid date", { type: "date_time", label: "a", value: "2023-02-29T00:00:00Z" }],
    ["an unknown color", { type: "badge", label: "a", items: [{ value: "x", color: "pink" }] }],
    ["a badge item that is an array", { type: "badge", label: "a", items: [["x", "red"]] }],
    ["a badge item with an inherited value", { type: "badge", label: "a", items: [Object.create({ value: "x", color: "red" })] }],
    ["a button that is not a link", { type: "button", label: "a", button_type: "submit", url: "https://a.example" }],
    ["an unsafe URL", { type: "link", label: "a", url: "javascript:alert(1)" }],
    ["a relative URL", { type: "link", label: "a", url: "/admin" }],
    ["a card without components", { type: "card" }],
    ["a card header whose icon is no image URL", { type: "card", header: { icon_url: "javascript:alert(1)" }, components: [] }],
    ["a card with an invalid child", { type: "card", components: [{ type: "text", label: "a" }] }],
    ["a card inside a card", { type: "card", components: [{ type: "card", components: [] }] }],
    ["an unknown type", { type: "chart" }],
    ["a type that is an object spelling a known one", { type: { toString: () => "text" }, label: "a", value: "b" }],
    ["an array", [{ type: "divider" }]],
    ["a class instance", new (class Divider { type = "divider"; })()],
    ["inherited fields", Object.create({ type: "text", label: "a", value: "b" })],
  ])("says no to %s", (_name, value) => {
    expect(clean(value)).toBe(false);
  });

  // The walk drops keys it does not know without a diagnostic, so the fast path need not count
  // them: it builds the same fresh component either way.
  test.each([
    [{ type: "text", label: "a", value: "b", note: "x" }, { type: "text", label: "a", value: "b" }],
    [{ type: "date_time", label: "a", value: "2024-07-15T12:34:56Z", id: 1 }, { type: "date_time", label: "a", value: "2024-07-15T12:34:56Z" }],
    [{ type: "badge", label: "a", items: [{ value: "x", color: "red", id: 1 }], extra: [] }, { type: "badge", label: "a", items: [{ value: "x", color: "red" }] }],
    [{ type: "button", label: "a", button_type: "link", url: "https://a.example", style: "primary" }, { type: "button", label: "a", button_type: "link", url: "https://a.example" }],
    [{ type: "link", label: "a", url: "https://a.example", target: "_self" }, { type: "link", label: "a", url: "https://a.example" }],
    [{ type: "divider", thick: true }, { type: "divider" }],
    [{ type: "card", header: { title: "a", subtitle: "b" }, components: [], id: 1 }, { type: "card", header: { title: "a" }, components: [] }],
  ])("says yes to %j, without the keys it does not know", (input, expected) => {
    expect(cleanComponent(input, DEFAULT_URL_SCHEMES, true, false)).toStrictEqual(expected);
    expect(parseByFullWalk({ version: "1.0.0", header: {}, components: [input] })).toEqual({ ok: true, diagnostics: [], payload: { version: "1.0.0", header: {}, components: [expected] } });
  });

  test("says no to a URL scheme the host did not allow", () => {
    expect(cleanComponent({ type: "link", label: "a", url: "tel:123" }, ["https"], true, false)).toBeNull();
  });

  test("reads no field from Object.prototype, even one added there without being enumerable", () => {
    Object.defineProperty(Object.prototype, "icon_url", { value: "https://cdn.example.com/evil.png", enumerable: false, configurable: true });
    try {
      expect(isObjectPrototypePristine()).toBe(false);
      expect(parseWidget({ version: "1.0.0", header: {}, components: [{ type: "text", label: "a", value: "b" }] }).payload?.components).toStrictEqual([{ type: "text", label: "a", value: "b" }]);
    } finally {
      delete (Object.prototype as Record<string, unknown>).icon_url;
    }
  });

  test("reads nothing through a prototype that is not pristine", () => {
    expect(cleanComponent({ type: "divider" }, DEFAULT_URL_SCHEMES, false, false)).toBeNull();
  });

  test("says no to a card where cards cannot be (inside another card)", () => {
    expect(cleanComponent({ type: "card", components: [] }, DEFAULT_URL_SCHEMES, true, true)).toBeNull();
  });

  test("says yes to every clean valid component the fuzzer makes", () => {
    fc.assert(
      fc.property(fc.oneof(leafComponent, card), (component) => {
        expect(clean(JSON.parse(JSON.stringify(component)))).toBe(true);
      }),
      { seed: 20261128, numRuns: 1000 },
    );
  });
});

describe("parseWidget gives the same result with and without the fast path", () => {
  const sameBothWays = (input: unknown) => {
    const fast = parseWidget(input);
    const full = parseByFullWalk(input);
    // Strict: a key holding `undefined` on one side only is a difference (snapshots show it).
    expect(fast).toStrictEqual(full);
    expect(sharedObjects(input, fast)).toEqual([]);
    expect(sharedObjects(input, full)).toEqual([]);
  };

  test("on valid payloads", { timeout: 60_000 }, () => {
    fc.assert(fc.property(validPayload, sameBothWays), { seed: 20261128, numRuns: 300 });
  });

  test("on valid payloads with random edits", { timeout: 60_000 }, () => {
    fc.assert(fc.property(mutatedPayload, sameBothWays), { seed: 20261128, numRuns: 1000 });
  });

  test("builds the payload from fresh objects either way, equal to the clean input", () => {
    const text = { type: "text", label: "Plan", value: "Enterprise" };
    const card = { type: "card", header: { title: "T" }, components: [text, { type: "badge", label: "b", items: [{ value: "v", color: "red" }] }] };
    const input = { version: "1.0.0", header: { title: "W" }, components: [card, text] };
    for (const result of [parseWidget(input), parseByFullWalk(input)]) {
      expect(result.payload).toEqual(input);
      expect(sharedObjects(input, result)).toEqual([]);
    }
  });
});
