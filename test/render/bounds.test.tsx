import { render } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { Widget, type WidgetProps } from "../../src/index.js";
import { DEFAULT_MAX_BADGE_ITEMS, DEFAULT_MAX_TEXT_LINES, MAX_LISTED_DIAGNOSTICS, MAX_TITLE_CHARS } from "../../src/render/render-limits.js";

// A valid 1 MiB payload must render in a bounded number of elements whatever its shape.

const MIB = 1024 * 1024;
const payloadOf = (...components: unknown[]) => ({ version: "1.0.0", header: {}, components });
const show = (payload: unknown, props: Partial<WidgetProps> = {}) => render(<Widget {...props} payload={payload} />).container;

/** One text whose value is 1 MiB of line breaks: 524 k lines of one character. */
const manyLines = "x\n".repeat(MIB / 4);
/** The lines a text value draws: its own text node, without the "+N more lines" note after it. */
const drawn = (container: HTMLElement) => container.querySelector(".sc-text")!.firstChild!.textContent!;

/** One badge with as many one-letter items as fit in 1 MiB of JSON. */
const manyItems = Array.from({ length: MIB / 32 }, (_, i) => ({ value: String(i % 10), color: "blue" }));

describe("a text with 262 k lines", () => {
  test("renders one value element holding the first 50 lines, and says how many more there are", () => {
    const container = show(payloadOf({ type: "text", label: "Log", value: manyLines }));
    const values = container.querySelectorAll(".sc-text");
    expect(values).toHaveLength(1);
    expect(drawn(container).split("\n")).toHaveLength(DEFAULT_MAX_TEXT_LINES);
    const total = MIB / 4; // one line per "x\n": the break at the very end starts no line

    expect(container.querySelector(".sc-more")).toHaveTextContent(`+${(total - DEFAULT_MAX_TEXT_LINES).toLocaleString("en-US")} more lines`);
    expect(container.querySelectorAll("*").length).toBeLessThan(20);
  });

  test("the hover title is bounded too", () => {
    const container = show(payloadOf({ type: "text", label: "Log", value: manyLines }));
    const title = container.querySelector(".sc-text")!.getAttribute("title")!;
    expect(title.length).toBe(MAX_TITLE_CHARS + 1);
    expect(title.endsWith("…")).toBe(true);
  });

  test("a single 1 MiB line is drawn bounded as well", () => {
    const container = show(payloadOf({ type: "text", label: "Blob", value: "y".repeat(MIB) }));
    expect(container.querySelector(".sc-text")!.textContent.length).toBeLessThanOrEqual(1001);
    expect(container.querySelector(".sc-more")).toBeNull();
  });

  test("limits.maxTextLines moves the cut; a text within the limit shows no note", () => {
    const container = show(payloadOf({ type: "text", label: "Log", value: "a\nb\nc\nd" }), { limits: { maxTextLines: 2 } });
    expect(drawn(container)).toBe("a\nb");
    // The note is the value's last line, inside the one text element.
    expect(container.querySelector(".sc-text")!.textContent).toBe("a\nb\n+2 more lines");
    expect(container.querySelector(".sc-more")).toHaveTextContent("+2 more lines");
    const whole = show(payloadOf({ type: "text", label: "Log", value: "a\nb" }), { limits: { maxTextLines: 2 } });
    expect(whole.querySelector(".sc-more")).toBeNull();
  });
});

describe("a badge with 32 k items", () => {
  test("renders the first 50 items and one “+N more”", () => {
    const container = show(payloadOf({ type: "badge", label: "Tags", items: manyItems }));
    expect(container.querySelectorAll(".sc-badge")).toHaveLength(DEFAULT_MAX_BADGE_ITEMS);
    expect(container.querySelector(".sc-badges > .sc-more")).toHaveTextContent(`+${(manyItems.length - DEFAULT_MAX_BADGE_ITEMS).toLocaleString("en-US")} more`);
    expect(container.querySelectorAll("*").length).toBeLessThan(DEFAULT_MAX_BADGE_ITEMS + 15);
  });

  test("limits.maxBadgeItems moves the cut; 0 shows only the count", () => {
    const items = [{ value: "a", color: "red" }, { value: "b", color: "red" }, { value: "c", color: "red" }];
    expect(show(payloadOf({ type: "badge", label: "Tags", items }), { limits: { maxBadgeItems: 2 } }).querySelector(".sc-more")).toHaveTextContent("+1 more");
    const none = show(payloadOf({ type: "badge", label: "Tags", items }), { limits: { maxBadgeItems: 0 } });
    expect(none.querySelectorAll(".sc-badge")).toHaveLength(0);
    expect(none.querySelector(".sc-more")).toHaveTextContent("+3 more");
  });
});

test.each([Number.NaN, Number.POSITIVE_INFINITY, -1, "7" as unknown as number])("a limit of %s falls back to the default", (limit) => {
  const container = show(payloadOf({ type: "text", label: "Log", value: manyLines }, { type: "badge", label: "Tags", items: manyItems }), {
    limits: { maxTextLines: limit, maxBadgeItems: limit },
  });
  expect(drawn(container).split("\n")).toHaveLength(DEFAULT_MAX_TEXT_LINES);
  expect(container.querySelectorAll(".sc-badge")).toHaveLength(DEFAULT_MAX_BADGE_ITEMS);
});

describe("a badge of 30 k invalid items (30 k diagnostics)", () => {
  const badItems = Array.from({ length: 30_000 }, () => ({}));
  const hostile = payloadOf({ type: "badge", label: "Tags", items: badItems });
  const hidden = `+${(30_000 - MAX_LISTED_DIAGNOSTICS).toLocaleString("en-US")} more`;

  test("the error state lists the first diagnostics and says how many more there are", () => {
    const reported: number[] = [];
    const container = show(hostile, { onDiagnostics: (diagnostics) => reported.push(diagnostics.length) });
    expect(container.querySelectorAll(".sc-diagnostic")).toHaveLength(MAX_LISTED_DIAGNOSTICS);
    expect(container.querySelector(".sc-diagnostics .sc-more")).toHaveTextContent(hidden);
    expect(container.querySelectorAll("*").length).toBeLessThan(100);
    // The host still hears of every one: each item lacks its value (an error, listed) and its color (a warning).
    expect(reported).toEqual([60_000]);
  });

  test("so does the inline error standing for the badge in isolate mode", () => {
    const container = show(hostile, { mode: "isolate" });
    expect(container.querySelectorAll(".sc-inline-error .sc-diagnostic")).toHaveLength(MAX_LISTED_DIAGNOSTICS);
    expect(container.querySelector(".sc-inline-error .sc-more")).toHaveTextContent(hidden);
  });

  test("a list within the limit has no note", () => {
    const container = show(payloadOf({ type: "badge", label: "Tags", items: badItems.slice(0, MAX_LISTED_DIAGNOSTICS) }));
    expect(container.querySelectorAll(".sc-diagnostic")).toHaveLength(MAX_LISTED_DIAGNOSTICS);
    expect(container.querySelector(".sc-more")).toBeNull();
  });
});
