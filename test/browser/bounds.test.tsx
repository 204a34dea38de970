import { describe, expect, test } from "vitest";
import { expectNoHorizontalOverflow, renderInFrame } from "./layout.js";

// A valid 1 MiB payload of the worst shapes must render in bounded elements and time. Unbounded
// (one element per line), the 524 k-line text took 0.8 s of script and 10.9 s of layout here.

const MIB = 1024 * 1024;
const payloadOf = (...components: unknown[]) => ({ version: "1.0.0", header: { title: "Big" }, components });
const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/** A payload whose JSON is exactly 1 MiB or a few bytes under: `make(n)` grows by `bytesPerUnit` per unit. */
function fillTo1MiB(make: (units: number) => unknown, bytesPerUnit: number) {
  const overhead = jsonBytes(make(0));
  return make(Math.floor((MIB - overhead) / bytesPerUnit));
}
const item = { value: "", color: "red" };

const worst = {
  "one text of 524 k line breaks": fillTo1MiB((n) => payloadOf({ type: "text", label: "Log", value: "\n".repeat(n) }), 2),
  "one text of one 1 MiB line": fillTo1MiB((n) => payloadOf({ type: "text", label: "Blob", value: "x".repeat(n) }), 1),
  "one badge with 37 k items": fillTo1MiB((n) => payloadOf({ type: "badge", label: "Tags", items: Array.from({ length: n + 1 }, () => item) }), jsonBytes(item) + 1),
  "a badge item of 1 MiB": fillTo1MiB((n) => payloadOf({ type: "badge", label: "Tags", items: [{ value: "y".repeat(n), color: "blue" }] }), 1),
};

describe.each(Object.entries(worst))("%s", (_name, payload) => {
  test("is a valid payload of about 1 MiB", () => {
    const size = jsonBytes(payload);
    expect(size).toBeLessThanOrEqual(MIB);
    expect(size).toBeGreaterThan(MIB * 0.99);
  });

  test("renders and lays out in under a second, in fewer than 100 elements, without overflow", () => {
    const start = performance.now();
    const { widget } = renderInFrame(280, { payload });
    void widget.getBoundingClientRect(); // forces style and layout
    void document.body.offsetHeight;
    const elapsed = performance.now() - start;
    expect(widget.querySelectorAll("*").length).toBeLessThan(100);
    expect(elapsed).toBeLessThan(1000);
    expect(widget.querySelector('[role="alert"]')).toBeNull();
    expectNoHorizontalOverflow(widget);
  });
});
