import { render } from "@testing-library/react";
import { expect, test } from "vitest";
import { Widget } from "../../src/index.js";

test("at 280 px each line of a long text value is cut with an ellipsis and nothing overflows", () => {
  const long = "A very long value that certainly does not fit into a narrow sidebar of 280 pixels";
  const { container } = render(
    <div className="sidebar-280">
      <Widget payload={{ version: "1.0.0", header: { title: "T" }, components: [{ type: "text", label: "L", value: `${long}\nshort` }] }} />
    </div>,
  );
  const frame = container.firstElementChild as HTMLElement;
  frame.setAttribute("data-width", "280");
  frame.classList.add("w-280");
  // Width comes from a stylesheet rule, not an inline style (the widget must work under strict CSP).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".w-280 { width: 280px; }");
  document.adoptedStyleSheets = [sheet];

  const widget = container.querySelector<HTMLElement>('[data-sidecard="widget"]')!;
  const lines = [...container.querySelectorAll<HTMLElement>(".sc-line")];
  expect(lines).toHaveLength(2);
  expect(getComputedStyle(lines[0]).textOverflow).toBe("ellipsis");
  expect(lines[0].scrollWidth).toBeGreaterThan(lines[0].clientWidth);
  expect(lines[1].scrollWidth).toBeLessThanOrEqual(lines[1].clientWidth);
  expect(widget.scrollWidth).toBeLessThanOrEqual(widget.clientWidth);
  expect(widget.getBoundingClientRect().width).toBeLessThanOrEqual(280);
});
