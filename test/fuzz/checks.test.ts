import { describe, expect, test } from "vitest";
import { markupProblems, pathProblem, pointerSegments } from "./checks.js";

// The fuzz oracles must themselves catch what they are for, or a green fuzz run means nothing.
describe("fuzz oracles", () => {
  const root = (inner: string) => `<section class="sc-widget" data-sidecard="widget">${inner}</section>`;

  test("accept sidecard's own marks", () => {
    expect(markupProblems(root('<svg class="sc-mark sc-chevron" viewBox="0 0 16 16" aria-hidden="true"><path d="M2 5.5l6 6 6-6"/></svg>'))).toEqual([]);
  });

  test("accept sidecard's own markup", () => {
    expect(markupProblems(root('<div class="sc-field" data-sidecard-component="link"><a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">x</a><hr/></div>'))).toEqual([]);
  });

  test.each([
    ["a script", "<script>alert(1)</script>"],
    ["an event handler", '<img src="https://x.example/i.png" onerror="alert(1)"/>'],
    ["an inline style", '<div style="color:red"></div>'],
    ["a javascript: href", '<a href="javascript:alert(1)">x</a>'],
    ["an encoded javascript: href", '<a href="&#x6a;avascript:alert(1)">x</a>'],
    ["a relative href", '<a href="/x">x</a>'],
    ["an svg that is not a mark", "<svg></svg>"],
    ["a path that is not a mark", '<svg class="sc-mark" viewBox="0 0 16 16"><path d="M0 0L16 16"/></svg>'],
    ["an unknown attribute", '<div srcdoc="x"></div>'],
    ["an unclosed tag", "<div>"],
    ["broken markup", '<div class="x>'],
  ])("flag %s", (_name, inner) => {
    expect(markupProblems(root(inner))).not.toEqual([]);
  });

  test("flag markup outside the widget root", () => {
    expect(markupProblems(`${root("")}<p></p>`)).not.toEqual([]);
  });

  test("read JSON Pointers per RFC 6901", () => {
    expect(pointerSegments("")).toEqual([]);
    expect(pointerSegments("/a~1b/~0c/0")).toEqual(["a/b", "~c", "0"]);
    expect(pointerSegments("a")).toBeNull();
    expect(pointerSegments("/a~2")).toBeNull();
  });

  test("resolve paths in the input, allowing a missing last member", () => {
    const input = { components: [{ type: "text" }] };
    const d = (path: string) => ({ severity: "error" as const, code: "missing_field" as const, path, message: "m" });
    expect(pathProblem(input, d("/components/0/label"))).toBeNull();
    expect(pathProblem(input, d("/components/1/label"))).not.toBeNull();
    expect(pathProblem(input, d("/components/0/type/x"))).not.toBeNull();
    expect(pathProblem(input, d("/components/00"))).not.toBeNull();
    expect(pathProblem({}, d("/toString"))).toBeNull(); // missing own member: parent exists
    expect(pathProblem({ a: 1 }, d("/constructor/name"))).not.toBeNull(); // never through the prototype
  });
});
