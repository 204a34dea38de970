import axe from "axe-core";
import { describe, expect, test } from "vitest";
import { BADGE_COLORS } from "../../src/index.js";
import { renderInFrame } from "./layout.js";
import { longInvalidPayload, realisticLongPayload } from "./payloads.js";

/** Runs axe in the real page; returns "rule: target" lines for every violation so failures read well. */
async function axeViolations(context: Element, rules?: string[]) {
  const result = await axe.run(context, rules ? { runOnly: { type: "rule", values: rules } } : { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  return {
    violations: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? ""}`)),
    checked: result.passes.reduce((count, rule) => count + rule.nodes.length, 0),
  };
}

const everyColor = {
  version: "1.0.0",
  header: { title: "Every badge color" },
  components: [
    { type: "badge", label: "Colors", items: BADGE_COLORS.map((color) => ({ value: `${color} pill`, color })) },
    { type: "card", header: { title: "In a card" }, components: [{ type: "badge", label: "Colors", items: BADGE_COLORS.map((color) => ({ value: color, color })) }] },
  ],
};

const themes = [
  { name: "light", props: {}, frame: {} },
  { name: 'dark (theme="dark")', props: { theme: "dark" as const }, frame: {} },
  { name: 'dark (data-theme="dark" on an ancestor)', props: {}, frame: { "data-theme": "dark" } },
];

describe.each(themes)("$name theme passes axe", ({ props, frame }) => {
  test("color contrast of a whole realistic payload", async () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload, ...props }, frame);
    const { violations, checked } = await axeViolations(widget, ["color-contrast"]);
    expect(violations).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(15); // axe really looked at the text, not at an empty tree
  });

  test("color contrast of every badge color", async () => {
    const { widget } = renderInFrame(280, { payload: everyColor, ...props }, frame);
    const { violations } = await axeViolations(widget, ["color-contrast"]);
    expect(violations).toEqual([]);
    const result = await axe.run(widget, { runOnly: { type: "rule", values: ["color-contrast"] } });
    const checkedPills = result.passes.flatMap((rule) => rule.nodes).filter((node) => node.html.includes("sc-badge"));
    expect(checkedPills.length).toBe(BADGE_COLORS.length * 2);
  });

  test("every WCAG 2 A/AA rule on the strict error state", async () => {
    const { widget } = renderInFrame(280, { payload: longInvalidPayload, ...props }, frame);
    expect(widget.querySelector('[role="alert"]')).not.toBeNull();
    expect((await axeViolations(widget)).violations).toEqual([]);
  });

  test("every WCAG 2 A/AA rule on isolate mode's inline errors beside valid components", async () => {
    const { widget } = renderInFrame(280, { payload: longInvalidPayload, mode: "isolate", ...props }, frame);
    expect(widget.querySelectorAll(".sc-inline-error").length).toBeGreaterThan(0);
    expect((await axeViolations(widget)).violations).toEqual([]);
  });

  test("every WCAG 2 A/AA rule on the realistic payload", async () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload, ...props }, frame);
    expect((await axeViolations(widget)).violations).toEqual([]);
  });
});

test("the contrast check bites: a host that sets unreadable colors gets a violation", async () => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".unreadable .sc-widget { --sc-color-text: #eeeeee; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  try {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload }, {});
    widget.parentElement!.classList.add("unreadable");
    const { violations } = await axeViolations(widget, ["color-contrast"]);
    expect(violations.length).toBeGreaterThan(0);
  } finally {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
});
