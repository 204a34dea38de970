import { describe, expect, test } from "vitest";
import { expectEllipsis, expectNoHorizontalOverflow, expectNotCut, renderInFrame, SIDEBAR_WIDTHS } from "./layout.js";
import { LONG_CARD_TITLE, LONG_HEADER_TITLE, LONG_LABEL, LONG_TOKEN, LONG_URL, LONG_WORDS } from "./payloads.js";

const text = (value: string, label = "Notes") => ({
  version: "1.0.0",
  header: { title: "Account" },
  components: [{ type: "text", label, value }],
});

/**
 * Where each line of a one-element text value is drawn: a Range over the line's characters.
 * Lines with no characters are measured by the element's line height instead.
 */
function lineBoxes(value: HTMLElement) {
  const node = value.firstChild as Text;
  const lineHeight = Number.parseFloat(getComputedStyle(value).lineHeight);
  let offset = 0;
  return node.data.split("\n").map((line) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + line.length);
    offset += line.length + 1;
    const rect = range.getBoundingClientRect();
    return { line, rect, lineHeight };
  });
}

/** Each line of the value is one line box of its own, top to bottom, and the element is exactly that many lines high. */
function expectOneLinePerLine(value: HTMLElement, count: number) {
  const style = getComputedStyle(value);
  expect(style.whiteSpace).toBe("pre");
  expect(style.textOverflow).toBe("ellipsis");
  expect(style.overflowX).toBe("hidden");
  const lineHeight = Number.parseFloat(style.lineHeight);
  expect(value.getBoundingClientRect().height).toBeCloseTo(lineHeight * count, 0);
  const tops = lineBoxes(value)
    .filter((box) => box.line.length > 0)
    .map((box) => box.rect.top);
  for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]);
}

/** The line runs past the value's box (Chromium cuts it there with an ellipsis) or fits inside it. */
function lineIsCut(value: HTMLElement, index: number): boolean {
  const box = lineBoxes(value)[index];
  return box.rect.right > value.getBoundingClientRect().right + 0.5;
}

test("at 280 px each line of a long text value is cut with an ellipsis and nothing overflows", () => {
  const { widget } = renderInFrame(280, { payload: text(`${LONG_WORDS}\nshort`) });
  const values = [...widget.querySelectorAll<HTMLElement>(".sc-text")];
  expect(values).toHaveLength(1); // one element, whatever the number of lines
  expectOneLinePerLine(values[0], 2);
  expect(values[0].scrollWidth).toBeGreaterThan(values[0].clientWidth);
  expect(lineIsCut(values[0], 0)).toBe(true);
  expect(lineIsCut(values[0], 1)).toBe(false);
  expect(widget.getBoundingClientRect().width).toBe(280);
  expectNoHorizontalOverflow(widget);
});

describe.each(SIDEBAR_WIDTHS)("at %i px", (width) => {
  test("a multi-line value keeps every line, in order, each on its own line and each cut on its own", () => {
    const value = [LONG_WORDS, "short", "", LONG_TOKEN, "  indented  "].join("\n");
    const { widget } = renderInFrame(width, { payload: text(value) });
    const element = widget.querySelector<HTMLElement>('[data-sidecard-component="text"] .sc-text')!;
    expect(element.textContent.split("\n")).toEqual([LONG_WORDS, "short", "", LONG_TOKEN, "  indented  "]);
    // One line box per line, stacked top to bottom, the empty line keeping its height: line breaks are kept, nothing wraps or joins.
    expectOneLinePerLine(element, 5);
    expect(lineIsCut(element, 0)).toBe(true);
    expect(lineIsCut(element, 3)).toBe(true);
    expect(lineIsCut(element, 1)).toBe(false);
    expect(lineIsCut(element, 4)).toBe(false);
    // Leading and trailing spaces of a line survive (white-space: pre).
    expect(lineBoxes(element)[4].rect.width).toBeGreaterThan(lineBoxes(element)[1].rect.width);
    expectNoHorizontalOverflow(widget);
  });

  test("\\r\\n and \\r also break lines", () => {
    const { widget } = renderInFrame(width, { payload: text("one\r\ntwo\rthree") });
    const element = widget.querySelector<HTMLElement>(".sc-text")!;
    expect(element.textContent).toBe("one\ntwo\nthree");
    expectOneLinePerLine(element, 3);
  });

  test("the long widget header title and card title are cut with an ellipsis", () => {
    const { widget } = renderInFrame(width, {
      payload: {
        version: "1.0.0",
        header: { title: LONG_HEADER_TITLE },
        components: [{ type: "card", header: { title: LONG_CARD_TITLE }, components: [{ type: "divider" }] }],
      },
    });
    const headerTitle = widget.querySelector<HTMLElement>(".sc-header h3 .sc-truncate")!;
    const cardTitle = widget.querySelector<HTMLElement>(".sc-card h4 .sc-truncate")!;
    expect(headerTitle).toHaveTextContent(LONG_HEADER_TITLE);
    expect(cardTitle).toHaveTextContent(LONG_CARD_TITLE);
    expectEllipsis(headerTitle);
    expectEllipsis(cardTitle);
    expectNoHorizontalOverflow(widget);
  });

  test("long labels of text, date_time and badge, and long button and link labels are cut", () => {
    const { widget } = renderInFrame(width, {
      payload: {
        version: "1.0.0",
        header: {},
        components: [
          { type: "text", label: LONG_LABEL, value: "x" },
          { type: "date_time", label: LONG_LABEL, value: "2024-07-15T12:34:56Z" },
          { type: "badge", label: LONG_LABEL, items: [] },
          { type: "button", label: LONG_URL, button_type: "link", url: LONG_URL },
          { type: "link", label: LONG_URL, url: LONG_URL },
        ],
      },
    });
    const labels = [...widget.querySelectorAll<HTMLElement>(".sc-label")];
    expect(labels).toHaveLength(4);
    labels.forEach(expectEllipsis);
    for (const type of ["button", "link"]) {
      const anchor = widget.querySelector<HTMLElement>(`[data-sidecard-component="${type}"]`)!.closest("a") ?? widget.querySelector<HTMLElement>(`[data-sidecard-component="${type}"] a`)!;
      // The button's label is a span beside its mark; the link's anchor is itself the cut text.
      const label = anchor.matches(".sc-truncate") ? anchor : anchor.querySelector<HTMLElement>(".sc-truncate")!;
      expect(label.textContent).toBe(LONG_URL);
      expectEllipsis(label);
      // The clickable box stays inside the sidebar.
      expect(anchor.getBoundingClientRect().right).toBeLessThanOrEqual(widget.getBoundingClientRect().right);
    }
    expectNoHorizontalOverflow(widget);
  });

  test("short values are not cut", () => {
    const { widget } = renderInFrame(width, {
      payload: {
        version: "1.0.0",
        header: { title: "Account" },
        components: [
          { type: "text", label: "Plan", value: "Pro" },
          { type: "button", label: "Open", button_type: "link", url: "https://example.com" },
        ],
      },
    });
    for (const el of widget.querySelectorAll(".sc-truncate, .sc-label, .sc-text")) expectNotCut(el);
  });
});
