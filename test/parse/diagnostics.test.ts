import { describe, expect, test } from "vitest";
import { parseWidget, type Diagnostic, type DiagnosticCode } from "../../src/index.js";

const valid = (components: unknown[], extra: Record<string, unknown> = {}) => ({
  version: "1.0.0",
  header: { title: "App" },
  components,
  ...extra,
});

function codesAt(input: unknown, options?: Parameters<typeof parseWidget>[1]): Array<[DiagnosticCode, string]> {
  return parseWidget(input, options).diagnostics.map((d) => [d.code, d.path]);
}

describe("parseWidget: root", () => {
  test.each([
    ["null", null],
    ["a number", 42],
    ["a string", "{}"],
    ["an array", [{ type: "text" }]],
    ["undefined", undefined],
    ["a boolean", true],
  ])("reports invalid_root at the root for %s", (_name, input) => {
    const result = parseWidget(input);
    expect(result.ok).toBe(false);
    expect(result.payload).toBeNull();
    expect(codesAt(input)).toEqual([["invalid_root", ""]]);
  });

  test("reports invalid_root at /components when components is missing or not an array", () => {
    expect(codesAt({ version: "1.0.0", header: {} })).toEqual([["invalid_root", "/components"]]);
    expect(codesAt({ version: "1.0.0", header: {}, components: { 0: {} } })).toEqual([["invalid_root", "/components"]]);
    expect(codesAt({ version: "1.0.0", header: {}, components: null })).toEqual([["invalid_root", "/components"]]);
  });

  test("an empty payload with version and header is valid and has no diagnostics", () => {
    expect(parseWidget(valid([]))).toEqual({ ok: true, payload: { version: "1.0.0", header: { title: "App" }, components: [] }, diagnostics: [] });
  });

  test("missing version and header are warnings, not errors", () => {
    const result = parseWidget({ components: [] });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ["warning", "missing_version", "/version"],
      ["warning", "missing_header", "/header"],
    ]);
  });

  test.each([
    ["2.0.0", "unsupported_version", "error"],
    ["0.9.1", "unsupported_version", "error"],
    ["2.0", "unsupported_version", "error"],
    ["1.0", "invalid_version", "warning"],
    ["1", "invalid_version", "warning"],
    ["latest", "invalid_version", "warning"],
    ["", "invalid_version", "warning"],
  ])("version %j gives %s (%s)", (version, code, severity) => {
    const [d] = parseWidget(valid([], { version })).diagnostics;
    expect(d).toMatchObject({ code, severity, path: "/version" });
  });

  test.each(["1.0.0", "1.2.3", "1.0.0-beta.1"])("version %j is accepted silently", (version) => {
    expect(parseWidget(valid([], { version })).diagnostics).toEqual([]);
  });

  test("a version that is not a string is an invalid_type error", () => {
    expect(codesAt(valid([], { version: 1 }))).toEqual([["invalid_type", "/version"]]);
  });

  test("a header that is not an object is an invalid_type error at /header", () => {
    expect(codesAt(valid([], { header: "Title" }))).toEqual([["invalid_type", "/header"]]);
    expect(codesAt(valid([], { header: { title: 3 } }))).toEqual([["invalid_type", "/header/title"]]);
  });

  test("unknown root properties are allowed and dropped from the payload", () => {
    const result = parseWidget(valid([{ type: "divider", extra: true }], { extra: { a: 1 } }));
    expect(result.ok).toBe(true);
    expect(result.payload).toEqual({ version: "1.0.0", header: { title: "App" }, components: [{ type: "divider" }] });
  });
});

describe("parseWidget: components", () => {
  test("unknown_type points at …/type, also when the type is missing or not a string", () => {
    expect(codesAt(valid([{ type: "carousel" }, { label: "x" }, { type: 7 }]))).toEqual([
      ["unknown_type", "/components/0/type"],
      ["unknown_type", "/components/1/type"],
      ["unknown_type", "/components/2/type"],
    ]);
  });

  test("the type is case-sensitive and written date_time", () => {
    expect(codesAt(valid([{ type: "datetime", label: "a", value: "2024-07-15T12:34:56Z" }, { type: "Text", label: "a", value: "b" }]))).toEqual([
      ["unknown_type", "/components/0/type"],
      ["unknown_type", "/components/1/type"],
    ]);
  });

  test("a component that is not an object is an invalid_type error at its own path", () => {
    expect(codesAt(valid(["text", null, 3]))).toEqual([
      ["invalid_type", "/components/0"],
      ["invalid_type", "/components/1"],
      ["invalid_type", "/components/2"],
    ]);
  });

  test("nested_card points at the inner card and its contents are not reported", () => {
    const input = valid([
      { type: "card", components: [{ type: "divider" }, { type: "card", components: [{ type: "bogus" }] }] },
    ]);
    expect(codesAt(input)).toEqual([["nested_card", "/components/0/components/1"]]);
  });

  test("missing_field points at the field where it would be", () => {
    expect(
      codesAt(
        valid([
          { type: "text", value: "v" },
          { type: "text", label: "l" },
          { type: "date_time", label: "l" },
          { type: "badge", label: "l" },
          { type: "badge", items: [] },
          { type: "button", label: "l", url: "https://x.test" },
          { type: "button", label: "l", button_type: "link" },
          { type: "link", url: "https://x.test" },
          { type: "card" },
          { type: "badge", label: "l", items: [{ color: "red" }] },
        ]),
      ),
    ).toEqual([
      ["missing_field", "/components/0/label"],
      ["missing_field", "/components/1/value"],
      ["missing_field", "/components/2/value"],
      ["missing_field", "/components/3/items"],
      ["missing_field", "/components/4/label"],
      ["missing_field", "/components/5/button_type"],
      ["missing_field", "/components/6/url"],
      ["missing_field", "/components/7/label"],
      ["missing_field", "/components/8/components"],
      ["missing_field", "/components/9/items/0/value"],
    ]);
  });

  test("invalid_type names the field with the wrong JSON type", () => {
    expect(
      codesAt(
        valid([
          { type: "text", label: 42, value: "v" },
          { type: "text", label: "l", value: ["a"] },
          { type: "badge", label: "l", items: "red" },
          { type: "badge", label: "l", items: [5, { value: 1, color: "red" }] },
          { type: "card", components: {} },
          { type: "card", header: "x", components: [] },
          { type: "link", label: "l", url: 5 },
        ]),
      ),
    ).toEqual([
      ["invalid_type", "/components/0/label"],
      ["invalid_type", "/components/1/value"],
      ["invalid_type", "/components/2/items"],
      ["invalid_type", "/components/3/items/0"],
      ["invalid_type", "/components/3/items/1/value"],
      ["invalid_type", "/components/4/components"],
      ["invalid_type", "/components/5/header"],
      ["invalid_type", "/components/6/url"],
    ]);
  });

  test("a button_type that is not a string is invalid_type, a string other than link invalid_value", () => {
    expect(codesAt(valid([{ type: "button", label: "l", button_type: 5, url: "https://x.test" }]))).toEqual([["invalid_type", "/components/0/button_type"]]);
    expect(codesAt(valid([{ type: "button", label: "l", button_type: "submit", url: "https://x.test" }]))).toEqual([
      ["invalid_value", "/components/0/button_type"],
    ]);
  });

  test("unknown_color is a warning at the item's color and the badge renders gray", () => {
    const result = parseWidget(
      valid([{ type: "badge", label: "l", items: [{ value: "a", color: "pink" }, { value: "b" }, { value: "c", color: "green" }, { value: "d", color: 3 }] }]),
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ["warning", "unknown_color", "/components/0/items/0/color"],
      ["warning", "unknown_color", "/components/0/items/1/color"],
      ["warning", "unknown_color", "/components/0/items/3/color"],
    ]);
    expect(result.payload?.components[0]).toEqual({
      type: "badge",
      label: "l",
      items: [
        { value: "a", color: "gray" },
        { value: "b", color: "gray" },
        { value: "c", color: "green" },
        { value: "d", color: "gray" },
      ],
    });
  });

  test("a badge with zero items is valid", () => {
    expect(parseWidget(valid([{ type: "badge", label: "Tags", items: [] }])).diagnostics).toEqual([]);
  });

  test("invalid_icon_url is a warning and the icon is left out", () => {
    const result = parseWidget(
      valid(
        [
          { type: "text", label: "l", value: "v", icon_url: "javascript:alert(1)" },
          { type: "date_time", label: "l", value: "2024-07-15T12:34:56Z", icon_url: "/relative.png" },
          { type: "card", header: { title: "t", icon_url: 5 }, components: [] },
          { type: "text", label: "l", value: "v", icon_url: "data:image/png;base64,iVBORw0KGgo=" },
          { type: "text", label: "l", value: "v", icon_url: "data:text/html,<script>alert(1)</script>" },
        ],
        { header: { title: "App", icon_url: "ftp://x.test/a.png" } },
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
      ["warning", "invalid_icon_url", "/header/icon_url"],
      ["warning", "invalid_icon_url", "/components/0/icon_url"],
      ["warning", "invalid_icon_url", "/components/1/icon_url"],
      ["warning", "invalid_icon_url", "/components/2/header/icon_url"],
      ["warning", "invalid_icon_url", "/components/4/icon_url"],
    ]);
    expect(result.payload?.header).toEqual({ title: "App" });
    expect(result.payload?.components[0]).toEqual({ type: "text", label: "l", value: "v" });
    expect(result.payload?.components[3]).toMatchObject({ icon_url: "data:image/png;base64,iVBORw0KGgo=" });
  });

  test("reports every problem in one pass, in document order", () => {
    const result = parseWidget({
      version: "3.0.0",
      components: [
        { type: "text", label: 1 },
        { type: "card", header: { title: "ok" }, components: [{ type: "link", label: "x", url: "javascript:x" }, { type: "card", components: [] }] },
        { type: "date_time", label: "d", value: "tomorrow" },
      ],
    });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ["unsupported_version", "/version"],
      ["missing_header", "/header"],
      ["invalid_type", "/components/0/label"],
      ["missing_field", "/components/0/value"],
      ["unsafe_url", "/components/1/components/0/url"],
      ["nested_card", "/components/1/components/1"],
      ["invalid_date_time", "/components/2/value"],
    ]);
  });

  test("too_many_components counts cards' children and points at /components", () => {
    const card = { type: "card", components: Array.from({ length: 6 }, () => ({ type: "divider" })) };
    expect(codesAt(valid([card, { type: "divider" }]), { limits: { maxComponents: 7 } })).toEqual([["too_many_components", "/components"]]);
    expect(codesAt(valid([card]), { limits: { maxComponents: 7 } })).toEqual([]);
  });

  test("too_many_components counts every card, and stops counting once the limit is passed", () => {
    const cardOf = (n: number) => ({ type: "card", components: Array.from({ length: n }, () => ({ type: "divider" })) });
    const messages = (components: unknown[], maxComponents: number) => parseWidget(valid(components), { limits: { maxComponents } }).diagnostics.map((d) => d.message);
    // Exactly at the limit after the first card: the second card still counts.
    expect(messages([cardOf(3), cardOf(2)], 5)).toEqual(["The widget has at least 7 components; the limit is 5."]);
    // Past the limit after the first card: the rest is not counted ("at least").
    expect(messages([cardOf(5), cardOf(2), cardOf(2)], 5)).toEqual(["The widget has at least 8 components; the limit is 5."]);
    // Only cards' children count: a components array on another type is an unknown key.
    expect(messages([{ type: "text", label: "l", value: "v", components: [1, 2, 3] }], 2)).toEqual([]);
  });

  test("a limit that is not a number falls back to the default instead of lifting it", () => {
    const many = valid(Array.from({ length: 1001 }, () => ({ type: "divider" })));
    for (const maxComponents of [Number.NaN, "5" as unknown as number, -1]) {
      expect(codesAt(many, { limits: { maxComponents } })).toEqual([["too_many_components", "/components"]]);
    }
    expect(codesAt(many, { limits: { maxComponents: Number.POSITIVE_INFINITY } })).toEqual([]);
    // Nor does it become a limit of its own: "5" or null is not 5 or 0.
    const six = valid(Array.from({ length: 6 }, () => ({ type: "divider" })));
    for (const maxComponents of ["5", null] as unknown as number[]) expect(codesAt(six, { limits: { maxComponents } })).toEqual([]);
  });

  test("the default limit is 1000 components", () => {
    const many = (n: number) => valid(Array.from({ length: n }, () => ({ type: "divider" })));
    expect(parseWidget(many(1000)).ok).toBe(true);
    expect(codesAt(many(1001))).toEqual([["too_many_components", "/components"]]);
  });

  test("JSON Pointer segments escape ~ and /", () => {
    // Paths only contain our own segments, but the escaping must still be RFC 6901.
    const result = parseWidget(valid([{ type: "badge", label: "l", items: [{ value: "v", color: "x" }] }]));
    expect(result.diagnostics[0].path).toBe("/components/0/items/0/color");
  });
});

describe("parseWidget: messages", () => {
  const message = (input: unknown, code: DiagnosticCode): string =>
    (parseWidget(input).diagnostics.find((d) => d.code === code) as Diagnostic).message;

  test("name what was found and what was expected, in one sentence", () => {
    expect(message(valid([{ type: "text", label: 42, value: "v" }]), "invalid_type")).toBe(
      'Expected "label" to be a string, but found the number 42.',
    );
    expect(message(valid([{ type: "text", value: "v" }]), "missing_field")).toBe('The text component has no "label"; expected a string.');
    expect(message(valid([{ type: "carousel" }]), "unknown_type")).toBe(
      'Unknown component type "carousel"; expected one of card, text, date_time, badge, button, link, divider.',
    );
    expect(message(valid([{ type: "date_time", label: "d", value: "2024-13-01T00:00:00Z" }]), "invalid_date_time")).toContain(
      '"2024-13-01T00:00:00Z"',
    );
    expect(message(valid([{ type: "link", label: "x", url: "JavaScript:alert(1)" }]), "unsafe_url")).toBe(
      'The URL uses the scheme "javascript", which is not allowed; expected one of https, http, mailto, tel.',
    );
  });

  const items = (list: unknown) => valid([{ type: "badge", label: "b", items: list }]);
  const colors = "blue, green, red, orange, gray";
  const types = "card, text, date_time, badge, button, link, divider";
  // Every message the checks write, each naming what was found and what was expected.
  test.each<[string, unknown, DiagnosticCode, string, string]>([
    ["no object", null, "invalid_root", "", 'Expected the payload to be a JSON object with "version", "header" and "components", but found null.'],
    ["no version", { header: {}, components: [] }, "missing_version", "/version", 'The payload has no "version"; expected "1.0.0". It is read as 1.0.0.'],
    ["a number version", { version: 1, header: {}, components: [] }, "invalid_type", "/version", 'Expected "version" to be a string such as "1.0.0", but found the number 1.'],
    ["version 2", { version: "2.0.0", header: {}, components: [] }, "unsupported_version", "/version", 'Schema version "2.0.0" is not supported; expected a 1.x version such as "1.0.0".'],
    ["a loose version", { version: "1.0", header: {}, components: [] }, "invalid_version", "/version", 'Expected "version" in the form MAJOR.MINOR.PATCH such as "1.0.0", but found "1.0"; it is read as 1.0.0.'],
    ["no header", { version: "1.0.0", components: [] }, "missing_header", "/header", 'The payload has no "header"; expected an object with an optional "title" and "icon_url". The widget renders without a header.'],
    ["a string header", { version: "1.0.0", header: "App", components: [] }, "invalid_type", "/header", 'Expected "header" to be an object with an optional "title" and "icon_url", but found the string "App".'],
    ["a script icon", valid([], { header: { icon_url: "javascript:x" } }), "invalid_icon_url", "/header/icon_url", 'Expected "icon_url" to be an absolute http(s) URL or a data:image URL, but found the string "javascript:x"; the icon is left out.'],
    ["no components", { version: "1.0.0", header: {} }, "invalid_root", "/components", 'The payload has no "components"; expected an array of components.'],
    ["object components", { version: "1.0.0", header: {}, components: {} }, "invalid_root", "/components", 'Expected "components" to be an array of components, but found an object.'],
    ["too many inside a card", valid([{ type: "card", components: Array.from({ length: 1000 }, () => ({ type: "divider" })) }]), "too_many_components", "/components", "The widget has at least 1,001 components; the limit is 1,000."],
    ["a null component", valid([null]), "invalid_type", "/components/0", 'Expected a component object with a "type", but found null.'],
    ["no type", valid([{ label: "x" }]), "unknown_type", "/components/0/type", `The component has no "type"; expected one of ${types}.`],
    ["a number type", valid([{ type: 7 }]), "unknown_type", "/components/0/type", `Unknown component type (the number 7); expected one of ${types}.`],
    ["a two-word type", valid([{ type: "date_time", label: "d" }]), "missing_field", "/components/0/value", 'The date time component has no "value"; expected an RFC 3339 date-time string such as "2024-07-15T12:34:56Z".'],
    ["another button type", valid([{ type: "button", label: "b", url: "https://a.example", button_type: "submit" }]), "invalid_value", "/components/0/button_type", 'Expected "button_type" to be "link" (the only kind of button), but found "submit".'],
    ["a relative URL", valid([{ type: "link", label: "b", url: "/relative" }]), "invalid_url", "/components/0/url", 'Expected "url" to be an absolute URL such as "https://example.com/admin", but found "/relative".'],
    ["string items", items("x"), "invalid_type", "/components/0/items", 'Expected "items" to be an array of badge items ({ "value", "color" }), but found the string "x".'],
    ["a null item", items([null]), "invalid_type", "/components/0/items/0", 'Expected each badge item to be an object with "value" and "color", but found null.'],
    ["an item without value", items([{ color: "red" }]), "missing_field", "/components/0/items/0/value", 'The badge item has no "value"; expected a string.'],
    ["a number item value", items([{ value: 1, color: "red" }]), "invalid_type", "/components/0/items/0/value", 'Expected "value" to be a string, but found the number 1.'],
    ["an item without color", items([{ value: "x" }]), "unknown_color", "/components/0/items/0/color", `The badge item has no "color"; expected one of ${colors}. It renders gray.`],
    ["an unknown color", items([{ value: "x", color: "pink" }]), "unknown_color", "/components/0/items/0/color", `Unknown badge color "pink"; expected one of ${colors}. It renders gray.`],
    ["a number color", items([{ value: "x", color: 3 }]), "unknown_color", "/components/0/items/0/color", `Unknown badge color (the number 3); expected one of ${colors}. It renders gray.`],
    ["a card without components", valid([{ type: "card" }]), "missing_field", "/components/0/components", 'The card has no "components"; expected an array of components (it may be empty).'],
    ["a card with string components", valid([{ type: "card", components: "x" }]), "invalid_type", "/components/0/components", 'Expected "components" to be an array of components, but found the string "x".'],
  ])("for %s", (_name, input, code, path, text) => {
    expect(parseWidget(input).diagnostics.map((d) => [d.code, d.path, d.message])).toEqual([[code, path, text]]);
  });

  test("shortens huge values so a message stays readable", () => {
    const huge = "x".repeat(100_000);
    const text = message(valid([{ type: "date_time", label: "d", value: huge }]), "invalid_date_time");
    expect(text.length).toBeLessThan(200);
    expect(text).toContain("…");
  });
});
