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
});
