import { describe, expect, test } from "vitest";
import { BADGE_COLORS } from "../../src/index.js";
import { expectEllipsis, expectNoHorizontalOverflow, expectNotCut, renderInFrame, SIDEBAR_WIDTHS } from "./layout.js";
import { LONG_BADGE, LONG_TOKEN } from "./payloads.js";

const badges = (items: { value: string; color: string }[]) => ({
  version: "1.0.0",
  header: { title: "Tags" },
  components: [{ type: "badge", label: "Tags", items }],
});

const manyItems = Array.from({ length: 24 }, (_, i) => ({ value: `tag-${i + 1}-label`, color: BADGE_COLORS[i % BADGE_COLORS.length] }));

describe.each(SIDEBAR_WIDTHS)("at %i px", (width) => {
  test("many pills wrap onto several rows, left to right, none cut", () => {
    const { widget } = renderInFrame(width, { payload: badges(manyItems) });
    const pills = [...widget.querySelectorAll<HTMLElement>(".sc-badge")];
    expect(pills).toHaveLength(24);
    const rows = new Set(pills.map((pill) => pill.offsetTop));
    expect(rows.size).toBeGreaterThanOrEqual(3);
    // Order is kept: reading order follows the payload, rows only go down.
    for (let i = 1; i < pills.length; i++) {
      const [prev, next] = [pills[i - 1], pills[i]];
      if (next.offsetTop === prev.offsetTop) expect(next.offsetLeft).toBeGreaterThan(prev.offsetLeft);
      else expect(next.offsetTop).toBeGreaterThan(prev.offsetTop);
    }
    pills.forEach(expectNotCut);
    expectNoHorizontalOverflow(widget);
  });

  test("a long pill takes its own row and is cut with an ellipsis; its full value is on hover", () => {
    const { widget } = renderInFrame(width, {
      payload: badges([
        { value: "Short", color: "green" },
        { value: LONG_BADGE, color: "blue" },
        { value: LONG_TOKEN, color: "red" },
        { value: "After", color: "gray" },
      ]),
    });
    const [short, long, token, after] = [...widget.querySelectorAll<HTMLElement>(".sc-badge")];
    expectEllipsis(long);
    expectEllipsis(token);
    expectNotCut(short);
    expectNotCut(after);
    expect(long.offsetTop).toBeGreaterThan(short.offsetTop);
    expect(token.offsetTop).toBeGreaterThan(long.offsetTop);
    expect(long.title).toBe(LONG_BADGE);
    expect(token.title).toBe(LONG_TOKEN);
    expect(long.textContent).toBe(LONG_BADGE);
    const list = widget.querySelector<HTMLElement>(".sc-badges")!;
    expect(long.getBoundingClientRect().right).toBeLessThanOrEqual(list.getBoundingClientRect().right + 0.5);
    expectNoHorizontalOverflow(widget);
  });
});

test("every color gets its own pill colors; an unknown color renders gray", () => {
  const { widget } = renderInFrame(280, {
    payload: badges([...BADGE_COLORS.map((color) => ({ value: color, color })), { value: "odd", color: "purple" }]),
    mode: "isolate",
  });
  const pills = [...widget.querySelectorAll<HTMLElement>(".sc-badge")];
  expect(pills.map((pill) => pill.dataset.color)).toEqual([...BADGE_COLORS, "gray"]);
  const colors = pills.map((pill) => `${getComputedStyle(pill).backgroundColor} / ${getComputedStyle(pill).color}`);
  expect(new Set(colors.slice(0, 5)).size).toBe(5);
  expect(colors[5]).toBe(colors[BADGE_COLORS.indexOf("gray")]);
});
