import { describe, expect, test } from "vitest";
import { boundChars, DEFAULT_MAX_BADGE_ITEMS, DEFAULT_MAX_TEXT_LINES, resolveRenderLimits, takeLines } from "../../src/render/render-limits.js";

describe("resolveRenderLimits", () => {
  test("0 is a limit of zero, not the default", () => {
    expect(resolveRenderLimits({ maxTextLines: 0, maxBadgeItems: 0 })).toEqual({ maxTextLines: 0, maxBadgeItems: 0 });
  });

  test("a fraction is rounded down; a negative, non-finite or non-number value means the default", () => {
    expect(resolveRenderLimits({ maxTextLines: 2.9, maxBadgeItems: 1.1 })).toEqual({ maxTextLines: 2, maxBadgeItems: 1 });
    const defaults = { maxTextLines: DEFAULT_MAX_TEXT_LINES, maxBadgeItems: DEFAULT_MAX_BADGE_ITEMS };
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, "3" as unknown as number]) {
      expect(resolveRenderLimits({ maxTextLines: bad, maxBadgeItems: bad })).toEqual(defaults);
    }
    expect(resolveRenderLimits(undefined)).toEqual(defaults);
  });
});

describe("boundChars", () => {
  test("keeps text of exactly max characters and cuts one more, with an ellipsis", () => {
    expect(boundChars("abc", 3)).toBe("abc");
    expect(boundChars("abcd", 3)).toBe("abc…");
  });
});

describe("takeLines", () => {
  test("a line longer than the drawn characters is cut with an ellipsis", () => {
    const { text } = takeLines(`${"x".repeat(1500)}\nshort`, 5);
    expect(text).toBe(`${"x".repeat(1000)}…\nshort`);
  });

  test("a break at the very end starts no hidden line; an empty line before it is a line", () => {
    expect(takeLines("one\n", 1)).toEqual({ text: "one", hidden: 0 });
    expect(takeLines("one\r\n", 1)).toEqual({ text: "one", hidden: 0 });
    expect(takeLines("one\n\n", 1)).toEqual({ text: "one", hidden: 1 });
    // Drawn whole, the text keeps its last break: CSS draws none for it, but the empty line before it stays drawn.
    expect(takeLines("one\n\n", 5)).toEqual({ text: "one\n\n", hidden: 0 });
    expect(takeLines("\n", 5)).toEqual({ text: "\n", hidden: 0 });
    expect(takeLines("", 5)).toEqual({ text: "", hidden: 0 });
  });
});
