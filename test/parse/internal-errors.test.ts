import { describe, expect, test, vi } from "vitest";

// Only what the input throws while it is read becomes `invalid_root`; an exception from
// sidecard's own code is a bug and must reach the caller (and fail the tests), not be hidden.

const bug = new Error("a bug in sidecard");
vi.mock("../../src/parse/rfc3339.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/parse/rfc3339.js")>();
  return { ...original, isRfc3339: (text: string) => (text === "2024-07-15T12:34:56Z" ? throwBug() : original.isRfc3339(text)) };
});
function throwBug(): never {
  throw bug;
}

const { parseWidget } = await import("../../src/index.js");
const { analyzeWidget } = await import("../../src/render/analyze.js");

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwingLength(): unknown[] {
  return new Proxy([], { get: (t, k) => (k === "length" ? (() => { throw new Error("length"); })() : (Reflect.get(t, k) as unknown)) });
}

const payload = (value: unknown) => ({ version: "1.0.0", header: {}, components: [{ type: "date_time", label: "Renews", value }] });

describe("internal errors are not reported as unreadable input", () => {
  test("a throwing check propagates out of parseWidget and the renderer's analysis", () => {
    expect(() => parseWidget(payload("2024-07-15T12:34:56Z"))).toThrow(bug);
    expect(() => analyzeWidget(payload("2024-07-15T12:34:56Z"))).toThrow(bug);
    expect(parseWidget(payload("2024-07-16T00:00:00Z")).ok).toBe(true);
  });

  test.each([
    ["a throwing getter on a component", { version: "1.0.0", header: {}, components: [Object.defineProperty({ type: "text" }, "label", { enumerable: true, get: () => { throw new Error("getter"); } })] }],
    ["a proxy whose getPrototypeOf trap throws", new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); } })],
    ["a proxy whose get trap throws", { version: "1.0.0", header: {}, components: [new Proxy({ type: "divider" }, { get: () => { throw new Error("get"); } })] }],
    ["a revoked proxy", { version: "1.0.0", header: {}, components: [revokedProxy()] }],
    ["a revoked proxy as the components array", { version: "1.0.0", header: {}, components: revokedProxy() }],
    ["a card's components array whose length throws", { version: "1.0.0", header: {}, components: [{ type: "card", components: throwingLength() }] }],
    ["a components array whose length throws", { version: "1.0.0", header: {}, components: new Proxy([], { get: (t, k) => (k === "length" ? (() => { throw new Error("length"); })() : (Reflect.get(t, k) as unknown)) }) }],
  ])("what the input throws is invalid_root: %s", (_name, value) => {
    const result = parseWidget(value);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.at(-1)).toMatchObject({ code: "invalid_root", path: "" });
    expect(result.diagnostics.at(-1)?.message).toMatch(/^The payload could not be read \(.+\); expected a plain JSON object\.$/);
    expect(analyzeWidget(value).rootErrors.map((d) => d.code)).toEqual(["invalid_root"]);
  });

  test("what the input threw is named even when it cannot be turned into text", () => {
    // A thrown object whose own toString throws too: what a hostile getter can do.
    const unprintable = { toString: () => { throw new Error("no text"); } };
    const input = { version: "1.0.0", header: {}, get components(): unknown {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test
      throw unprintable;
    } };
    expect(parseWidget(input).diagnostics.map((d) => d.message)).toEqual(["The payload could not be read (a value that cannot be shown); expected a plain JSON object."]);
  });

  // The fast path reads each member once; if that read throws, the payload is unreadable even
  // though a second read (by the full walk) would succeed: what is reported is what was read.
  /** `then`, except that its first call throws. */
  const throwsFirstTime = <A extends unknown[], R>(what: string, then: (...args: A) => R) => {
    let thrown = false;
    return (...args: A): R => {
      if (thrown) return then(...args);
      thrown = true;
      throw new Error(`first ${what}`);
    };
  };
  const throwsOnce = <T extends object>(object: T, key: string, value: unknown): T =>
    Object.defineProperty(object, key, { enumerable: true, get: throwsFirstTime(`read of ${key}`, () => value) });
  const prototypeThrowsOnce = (object: object) => new Proxy(object, { getPrototypeOf: throwsFirstTime("getPrototypeOf", (target: object) => Reflect.getPrototypeOf(target)) });
  const arrayThrowsOnce = (array: unknown[]) => new Proxy(array, { get: throwsFirstTime("read of the items", (target: unknown[], key: string | symbol) => Reflect.get(target, key) as unknown) });
  test.each([
    // Top-level components have their type read once already, to count cards' children.
    ["a component's prototype", () => ({ type: "card", components: [prototypeThrowsOnce({ type: "divider" })] })],
    ["a component's type", () => ({ type: "card", components: [throwsOnce({}, "type", "divider")] })],
    ["a text's label", () => throwsOnce({ type: "text", value: "v" }, "label", "l")],
    ["a date's label", () => throwsOnce({ type: "date_time", value: "2024-07-15T12:34:56Z" }, "label", "l")],
    ["a badge's label", () => throwsOnce({ type: "badge", items: [] }, "label", "l")],
    ["a badge's items", () => ({ type: "badge", label: "l", items: arrayThrowsOnce([]) })],
    ["a badge item's value", () => ({ type: "badge", label: "l", items: [throwsOnce({ color: "red" }, "value", "v")] })],
    ["a button's label", () => throwsOnce({ type: "button", button_type: "link", url: "https://a.example" }, "label", "l")],
    ["a link's label", () => throwsOnce({ type: "link", url: "https://a.example" }, "label", "l")],
    ["a card header's title", () => ({ type: "card", header: throwsOnce({}, "title", "t"), components: [] })],
    ["a card's header", () => throwsOnce({ type: "card", components: [] }, "header", {})],
    ["the length of a card's children, read to count them", () => ({ type: "card", components: arrayThrowsOnce([]) })],
  ])("a read that throws once is unreadable input, not retried: %s", (_name, make) => {
    const result = parseWidget({ version: "1.0.0", header: {}, components: [make()] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["invalid_root"]);
    expect(result.diagnostics[0].message).toMatch(/^The payload could not be read \(Error: first /);
  });
});
