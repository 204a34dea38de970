import "./frames.css";
import { render } from "@testing-library/react";
import { expect } from "vitest";
import { Widget, type WidgetProps } from "../../src/index.js";

/** The sidebar widths hosts use (SPEC §4): 280 px is the narrowest that must not overflow. */
export const SIDEBAR_WIDTHS = [280, 360, 420] as const;
export type SidebarWidth = (typeof SIDEBAR_WIDTHS)[number];

/** Renders a widget inside a sidebar frame of the given width (set by frames.css, not inline). */
export function renderInFrame(width: SidebarWidth, props: WidgetProps, frameProps: { "data-theme"?: string } = {}) {
  const { container } = render(
    <div className={`frame-${width}`} data-testid="frame" {...frameProps}>
      <Widget {...props} />
    </div>,
  );
  const frame = container.firstElementChild as HTMLElement;
  expect(frame.getBoundingClientRect().width).toBe(width);
  const widget = frame.querySelector<HTMLElement>('[data-sidecard="widget"]');
  if (!widget) throw new Error("no widget root rendered");
  return { frame, widget };
}

/** The widget neither scrolls horizontally nor has any descendant sticking out on either side. */
export function expectNoHorizontalOverflow(widget: HTMLElement) {
  expect(widget.scrollWidth, "widget scrollWidth").toBeLessThanOrEqual(widget.clientWidth);
  const box = widget.getBoundingClientRect();
  const offenders: string[] = [];
  for (const element of widget.querySelectorAll<HTMLElement>("*")) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    // Half a pixel of slack for sub-pixel rounding.
    if (rect.right > box.right + 0.5 || rect.left < box.left - 0.5) {
      offenders.push(`${describe(element)} spans ${rect.left.toFixed(1)}–${rect.right.toFixed(1)}, widget ${box.left.toFixed(1)}–${box.right.toFixed(1)}`);
    }
    if (element.scrollWidth > element.clientWidth && !isClipped(element)) {
      offenders.push(`${describe(element)} scrolls horizontally (${element.scrollWidth} > ${element.clientWidth})`);
    }
  }
  expect(offenders).toEqual([]);
}

/** The element is one line cut with an ellipsis: its text is wider than its box and it does not wrap. */
export function expectEllipsis(element: Element) {
  const el = element as HTMLElement;
  const style = getComputedStyle(el);
  expect(style.textOverflow, `${describe(el)} text-overflow`).toBe("ellipsis");
  expect(style.whiteSpace, `${describe(el)} white-space`).toMatch(/^(nowrap|pre)$/);
  expect(style.overflowX, `${describe(el)} overflow-x`).toBe("hidden");
  expect(el.scrollWidth, `${describe(el)} scrollWidth > clientWidth`).toBeGreaterThan(el.clientWidth);
  expect(el.getClientRects().length, `${describe(el)} renders as one box`).toBe(1);
  expect(el.getBoundingClientRect().height, `${describe(el)} is one line high`).toBeLessThan(lineHeight(el) * 1.5);
}

/** The element shows all its text: nothing is cut. */
export function expectNotCut(element: Element) {
  const el = element as HTMLElement;
  expect(el.scrollWidth, `${describe(el)} scrollWidth <= clientWidth`).toBeLessThanOrEqual(el.clientWidth);
}

function lineHeight(el: HTMLElement): number {
  const style = getComputedStyle(el);
  const value = Number.parseFloat(style.lineHeight);
  return Number.isNaN(value) ? Number.parseFloat(style.fontSize) * 1.2 : value;
}

function isClipped(el: HTMLElement): boolean {
  const overflowX = getComputedStyle(el).overflowX;
  return overflowX === "hidden" || overflowX === "clip";
}

function describe(el: Element): string {
  const component = el.closest("[data-sidecard-component]")?.getAttribute("data-sidecard-component");
  const classes = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
  return `<${el.tagName.toLowerCase()}${classes}>${component ? ` in ${component}` : ""}`;
}
