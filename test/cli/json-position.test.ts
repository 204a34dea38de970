import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locateJsonPointers, parseJsonText } from "../../src/cli/json-position.js";

describe("parseJsonText positions", () => {
  it("gives the offset with the line and column, counting \\r\\n as one line end", () => {
    const text = '{\r\n  "a": 1\r\n  "b": 2\r\n}';
    const result = parseJsonText(text);
    expect(result).toEqual({
      ok: false,
      error: { offset: text.indexOf('"b"'), line: 3, column: 3, message: "found '\"' where ',' or '}' was expected" },
    });
  });
});

describe("locateJsonPointers", () => {
  const text = '{\n  "version": "1.0.0",\n  "components": [\n    { "type": "text", "value": 12 },\n    { "a/b~c": { "x": [true] } }\n  ]\n}';

  it("finds where each pointer's value begins, in one pass", () => {
    const found = locateJsonPointers(text, ["", "/version", "/components/0/value", "/components/1/a~1b~0c/x/0"]);
    expect(Object.fromEntries(found)).toEqual({
      "": { offset: 0, line: 1, column: 1 },
      "/version": { offset: text.indexOf('"1.0.0"'), line: 2, column: 14 },
      "/components/0/value": { offset: text.indexOf("12"), line: 4, column: 32 },
      "/components/1/a~1b~0c/x/0": { offset: text.indexOf("true"), line: 5, column: 24 },
    });
  });

  it("places a pointer to something absent at its deepest present ancestor", () => {
    const found = locateJsonPointers(text, ["/header/title", "/components/0/label", "/components/9"]);
    expect(found.get("/header/title")).toEqual({ offset: 0, line: 1, column: 1 });
    expect(found.get("/components/0/label")).toEqual({ offset: text.indexOf('{ "type"'), line: 4, column: 5 });
    expect(found.get("/components/9")?.offset).toBe(text.indexOf("["));
  });

  it("does not confuse a key containing '/' with two keys", () => {
    const found = locateJsonPointers('{"a":{"b":1},"a/b":2}', ["/a~1b", "/a/b"]);
    expect(found.get("/a~1b")?.offset).toBe(19);
    expect(found.get("/a/b")?.offset).toBe(10);
  });

  it("finds every leaf of any JSON value where JSON.parse puts it", () => {
    // Property: the text at each leaf's position re-parses (as a prefix) to that leaf's value.
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const json = JSON.stringify(value, null, pretty ? 2 : undefined);
        const leaves: Array<[string, unknown]> = [];
        const walk = (node: unknown, pointer: string) => {
          if (node !== null && typeof node === "object") {
            for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
          } else leaves.push([pointer, node]);
        };
        walk(JSON.parse(json), "");
        const found = locateJsonPointers(json, leaves.map(([pointer]) => pointer));
        for (const [pointer, leaf] of leaves) {
          const at = found.get(pointer)!;
          const literal = JSON.stringify(leaf);
          expect(json.slice(at.offset, at.offset + literal.length)).toBe(literal);
          const before = json.slice(0, at.offset).split("\n");
          expect([at.line, at.column]).toEqual([before.length, before.at(-1)!.length + 1]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives nothing for invalid text", () => {
    expect(locateJsonPointers("{", ["/a"]).size).toBe(0);
  });

  // Deeper than any call stack (Node's gives out near 8,000 levels): valid JSON all the same.
  const DEPTH = 100_000;
  const deep = (open: string, close: string, middle = "") =>
    `{\n"components": [{"type": "text", "value": ${open.repeat(DEPTH)}${middle}${close.repeat(DEPTH)}, "label": 1}]\n}`;

  it("locates pointers in valid JSON nested far deeper than the call stack allows", () => {
    for (const [open, close, inner, middle] of [["[", "]", "/0", ""], ['{"a":', "}", "/a", "0"]]) {
      const text = deep(open, close, middle);
      const label = text.lastIndexOf("1");
      const value = text.indexOf(`"value": `) + 9;
      const found = locateJsonPointers(text, ["/components/0/label", `/components/0/value${inner.repeat(3)}`]);
      expect(Object.fromEntries(found), open).toEqual({
        "/components/0/label": { offset: label, line: 2, column: label - text.indexOf("\n") },
        [`/components/0/value${inner.repeat(3)}`]: { offset: value + 3 * open.length, line: 2, column: value + 3 * open.length - text.indexOf("\n") },
      });
    }
  });

  it("takes hundreds of thousands of pointers (a badge's items can each have a warning)", () => {
    const pointers = Array.from({ length: 200_000 }, (_, k) => `/a/${k}`);
    const found = locateJsonPointers('{"a": [0, 1]}', pointers);
    expect(found.size).toBe(200_000);
    expect([found.get("/a/1")?.offset, found.get("/a/199999")?.offset]).toEqual([10, 6]);
  });

  it("names the line and column of a syntax error after deep nesting", () => {
    const text = deep("[", "]").replace("]]], ", "]]]] ");
    expect(parseJsonText(text)).toEqual({
      ok: false,
      error: { offset: text.indexOf("]]]] ") + 3, line: 2, column: text.indexOf("]]]] ") + 3 - text.indexOf("\n"), message: "found ']' where ',' or '}' was expected" },
    });
  });
});
