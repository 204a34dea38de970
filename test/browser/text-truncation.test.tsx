import { describe, expect, test } from "vitest";
import { expectEllipsis, expectNoHorizontalOverflow, expectNotCut, renderInFrame, SIDEBAR_WIDTHS } from "./layout.js";
import { LONG_CARD_TITLE, LONG_HEADER_TITLE, LONG_LABEL, LONG_TOKEN, LONG_URL, LONG_WORDS } from "./payloads.js";

const text = (value: string, label = "Notes") => ({
  version: "1.0.0",
  header: { title: "Account" },
  components: [{ type: "text", label, value }],
});

test("at 280 px each line of a long text value is cut with an ellipsis and nothing overflows", () => {
  const { widget } = renderInFrame(280, { payload: text(`${LONG_WORDS}\nshort`) });
  const lines = [...widget.querySelectorAll<HTMLElement>(".sc-line")];
  expect(lines).toHaveLength(2);
  expectEllipsis(lines[0]);
  expectNotCut(lines[1]);
  expect(widget.getBoundingClientRect().width).toBe(280);
  expectNoHorizontalOverflow(widget);
});

describe.each(SIDEBAR_WIDTHS)("at %i px", (width) => {
  test("a multi-line value keeps every line, in order, each on its own row and each cut on its own", () => {
    const value = [LONG_WORDS, "short", "", LONG_TOKEN, "  indented  "].join("\n");
    const { widget } = renderInFrame(width, { payload: text(value) });
    const lines = [...widget.querySelectorAll<HTMLElement>('[data-sidecard-component="text"] .sc-line')];
    expect(lines.map((line) => line.textContent)).toEqual([LONG_WORDS, "short", "", LONG_TOKEN, "  indented  "]);
    // One row per line, stacked top to bottom: line breaks are kept, nothing wraps or joins.
    const tops = lines.map((line) => line.getBoundingClientRect().top);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThan(tops[i - 1]);
    const heights = lines.map((line) => line.getBoundingClientRect().height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1); // the empty line keeps its height too
    expectEllipsis(lines[0]);
    expectEllipsis(lines[3]);
    expectNotCut(lines[1]);
    expectNotCut(lines[4]);
    // Leading and trailing spaces of a line survive (white-space: pre).
    expect(lines[4].getBoundingClientRect().width).toBeGreaterThan(0);
    expectNoHorizontalOverflow(widget);
  });

  test("\\r\\n and \\r also break lines", () => {
    const { widget } = renderInFrame(width, { payload: text("one\r\ntwo\rthree") });
    expect([...widget.querySelectorAll(".sc-line")].map((l) => l.textContent)).toEqual(["one", "two", "three"]);
  });

  test("the long widget header title and card title are cut with an ellipsis", () => {
    const { widget } = renderInFrame(width, {
      payload: {
        version: "1.0.0",
        header: { title: LONG_HEADER_TITLE },
        components: [{ type: "card", header: { title: LONG_CARD_TITLE }, components: [{ type: "divider" }] }],
      },
    });
    const headerTitle = widget.querySelector<HTMLElement>(".sc-header h3")!;
    const cardTitle = widget.querySelector<HTMLElement>(".sc-card-header h4")!;
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
    const labels = [...widget.querySelectorAll<HTMLElement>(".sc-label .sc-truncate")];
    expect(labels).toHaveLength(3);
    labels.forEach(expectEllipsis);
    for (const type of ["button", "link"]) {
      const anchor = widget.querySelector<HTMLElement>(`a[data-sidecard-component="${type}"]`)!;
      const label = anchor.querySelector<HTMLElement>(".sc-truncate")!;
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
    for (const el of widget.querySelectorAll(".sc-truncate")) expectNotCut(el);
  });
});
