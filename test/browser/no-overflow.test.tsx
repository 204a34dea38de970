import { describe, expect, test } from "vitest";
import { expectNoHorizontalOverflow, renderInFrame, SIDEBAR_WIDTHS } from "./layout.js";
import { LONG_TOKEN, longInvalidPayload, realisticLongPayload } from "./payloads.js";

describe.each(SIDEBAR_WIDTHS)("at %i px nothing overflows the widget horizontally", (width) => {
  test("a whole realistic payload with long labels, titles, URLs and badges", () => {
    const { widget } = renderInFrame(width, { payload: realisticLongPayload, locale: "en-US", timeZone: "UTC" });
    expect(widget.querySelector('[data-sidecard-state="error"]')).toBeNull();
    expect(widget.querySelectorAll("[data-sidecard-component]").length).toBe(12);
    expect(widget.getBoundingClientRect().width).toBe(width);
    // All of that layout comes from the stylesheet: no inline style anywhere (strict CSP).
    expect(widget.querySelectorAll("[style]")).toHaveLength(0);
    expectNoHorizontalOverflow(widget);
  });

  test("the dark theme of the same payload", () => {
    const { widget } = renderInFrame(width, { payload: realisticLongPayload, theme: "dark" });
    expectNoHorizontalOverflow(widget);
  });

  test("the strict error state listing long diagnostics", () => {
    const { widget } = renderInFrame(width, { payload: longInvalidPayload });
    const alert = widget.querySelector('[role="alert"][data-sidecard-state="error"]');
    expect(alert).not.toBeNull();
    const diagnostics = widget.querySelectorAll(".sc-diagnostic");
    expect(diagnostics.length).toBeGreaterThanOrEqual(8);
    // Messages quote long, space-free input: the hardest text for a narrow column.
    expect(alert!.textContent).toContain(`unknown_${LONG_TOKEN.slice(0, 40)}`);
    expectNoHorizontalOverflow(widget);
  });

  test("isolate mode: long inline errors beside valid components", () => {
    const { widget } = renderInFrame(width, { payload: longInvalidPayload, mode: "isolate" });
    expect(widget.querySelector('[data-sidecard-state="error"]')).toBeNull();
    expect(widget.querySelectorAll(".sc-inline-error").length).toBeGreaterThanOrEqual(7);
    expect(widget.querySelector('[data-sidecard-component="text"]')).toHaveTextContent("Still shown in isolate mode");
    expectNoHorizontalOverflow(widget);
  });

  test("a root-level error whose input is a long bare string", () => {
    const { widget } = renderInFrame(width, { payload: LONG_TOKEN.repeat(5) });
    expect(widget.querySelector('[data-sidecard-state="error"]')).not.toBeNull();
    expectNoHorizontalOverflow(widget);
  });
});
