// The widget looks as designed under the base CSS hosts ship (issue 12.2): each reset, imported
// before and after sidecard's stylesheet, must leave every element of the widget and of the host
// states exactly as it is without a reset, and the designed colours readable.
import axe from "axe-core";
import { render } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import tailwindPreflight from "tailwindcss/preflight.css?raw";
import modernNormalize from "modern-normalize/modern-normalize.css?raw";
import normalizeCss from "normalize.css/normalize.css?raw";
import bootstrapReboot from "bootstrap/dist/css/bootstrap-reboot.css?raw";
import nextGlobals from "./fixtures/create-next-app-globals.css?raw";
import { Widget } from "../../src/index.js";
import { CustomApp } from "../../src/host/index.js";
import { realisticLongPayload, longInvalidPayload } from "./payloads.js";
import "./frames.css";

const RESETS = [
  { name: "Tailwind v4 preflight", css: tailwindPreflight },
  { name: "create-next-app globals.css", css: nextGlobals },
  { name: "normalize.css", css: normalizeCss },
  { name: "modern-normalize", css: modernNormalize },
  { name: "Bootstrap 5 reboot", css: bootstrapReboot },
];
const ORDERS = ["before sidecard", "after sidecard"] as const;

/** sidecard's stylesheet as Vite put it in the page (test/browser/setup.ts imports it). */
function sidecardStyle(): HTMLStyleElement {
  const style = [...document.head.querySelectorAll("style")].find((s) => (s.dataset.viteDevId ?? "").includes("src/styles/index.css"));
  if (!style) throw new Error("sidecard's stylesheet is not in the page");
  return style;
}

let added: HTMLStyleElement | null = null;
function addReset(css: string, order: (typeof ORDERS)[number]) {
  added = document.createElement("style");
  added.textContent = css;
  const own = sidecardStyle();
  if (order === "before sidecard") own.before(added);
  else own.after(added);
}
afterEach(() => {
  added?.remove();
  added = null;
});

const hostFailure: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
const neverAnswers: typeof fetch = () => new Promise(() => {});

/** Every state worth drawing: a realistic widget at two widths, strict and isolate errors, the host's loading and error states. */
function renderEverything() {
  const { container } = render(
    <>
      <div className="frame-360">
        <Widget payload={realisticLongPayload} />
      </div>
      <div className="frame-280">
        <Widget payload={realisticLongPayload} theme="dark" />
      </div>
      <div className="frame-360">
        <Widget payload={longInvalidPayload} />
      </div>
      <div className="frame-360">
        <Widget payload={longInvalidPayload} mode="isolate" />
      </div>
      <div className="frame-360">
        <CustomApp url="https://app.example.com/widget" context={{ issue_id: "1" }} fetch={neverAnswers} retry={false} />
      </div>
      <div className="frame-360">
        <CustomApp url="https://app.example.com/widget" context={{ issue_id: "2" }} fetch={hostFailure} retry={false} />
      </div>
    </>,
  );
  return container;
}

const PROPERTIES = [
  "display", "color", "background-color", "opacity", "font-family", "font-size", "font-weight", "line-height", "font-style",
  "text-decoration-line", "text-transform", "list-style-type", "cursor", "fill", "stroke", "outline-style",
  "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-left-radius",
] as const;
const SIDES = ["top", "right", "bottom", "left"] as const;

/**
 * Each sidecard element's box and the properties that make its look, keyed by its place in the
 * tree. A border counts only when it is drawn (a reset's `border: 0 solid` draws nothing); an
 * <hr>'s `color` draws nothing either (its line is the border colour); a skeleton's opacity pulses.
 */
function snapshot(container: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  container.querySelectorAll('[data-sidecard], [data-sidecard] *').forEach((element, index) => {
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const name = `${index} <${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}">`;
    out[`${name} box`] = [rect.x, rect.y, rect.width, rect.height].map((n) => n.toFixed(1)).join(" ");
    for (const property of PROPERTIES) {
      if (property === "color" && element.tagName === "HR") continue;
      if (property === "opacity" && element.classList.contains("sc-skeleton")) continue; // pulsing
      out[`${name} ${property}`] = style.getPropertyValue(property);
    }
    for (const side of SIDES) {
      const width = style.getPropertyValue(`border-${side}-width`);
      const drawn = width !== "0px" && style.getPropertyValue(`border-${side}-style`) !== "none";
      out[`${name} border-${side}`] = drawn ? `${width} ${style.getPropertyValue(`border-${side}-style`)} ${style.getPropertyValue(`border-${side}-color`)}` : "none";
    }
  });
  return out;
}

/** Waits until the host states have settled (the failing fetch has shown its error). */
async function settled(container: HTMLElement) {
  await expect.poll(() => container.querySelectorAll('[data-sidecard-state="error"][data-sidecard="custom-app"]').length).toBe(1);
}

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

let designed: Record<string, string> | null = null;
async function designedLook() {
  if (!designed) {
    const container = renderEverything();
    await settled(container);
    designed = snapshot(container);
    container.remove();
  }
  return designed;
}

describe.each(RESETS)("under $name", ({ css }) => {
  describe.each(ORDERS)("imported %s", (order) => {
    test("every element keeps its designed box and look", async () => {
      const expected = await designedLook();
      addReset(css, order);
      const container = renderEverything();
      await settled(container);
      const actual = snapshot(container);
      const changed = Object.keys(expected).filter((key) => actual[key] !== expected[key]).map((key) => `${key}: ${expected[key]} → ${actual[key]}`);
      expect(changed).toEqual([]);
      expect(Object.keys(actual).length).toBe(Object.keys(expected).length);
    });

    test("links are coloured and underlined, buttons readable, cards padded, badges tinted, rows side by side, axe clean", async () => {
      addReset(css, order);
      const container = renderEverything();
      await settled(container);
      const widget = container.querySelector<HTMLElement>(".frame-360 .sc-widget")!;

      const link = widget.querySelector<HTMLElement>("a.sc-link")!;
      expect(getComputedStyle(link).color).toBe("rgb(17, 17, 17)"); // --sc-color-link, not the host's
      expect(getComputedStyle(link).textDecorationLine).toBe("underline");

      for (const button of container.querySelectorAll<HTMLElement>(".sc-button, .sc-host-button")) {
        const style = getComputedStyle(button);
        expect(contrast(style.color, style.backgroundColor), button.textContent ?? "").toBeGreaterThanOrEqual(4.5);
      }

      const card = getComputedStyle(widget.querySelector(".sc-card")!);
      expect([card.paddingTop, card.paddingRight, card.paddingBottom, card.paddingLeft]).toEqual(["16px", "24px", "16px", "24px"]);

      const badgeColors: Record<string, string> = Object.fromEntries(
        [...widget.querySelectorAll<HTMLElement>(".sc-badge")].slice(0, 5).map((b): [string, string] => [b.dataset.color ?? "", getComputedStyle(b).backgroundColor]),
      );
      expect(badgeColors).toEqual({
        blue: "rgb(238, 235, 252)",
        green: "rgb(232, 242, 234)",
        red: "rgb(250, 234, 234)",
        orange: "rgb(248, 237, 231)",
        gray: "rgb(237, 237, 237)",
      });

      const row = widget.querySelector('[data-sidecard-component="date_time"]')!;
      const label = row.querySelector(".sc-label")!.getBoundingClientRect();
      const value = row.querySelector(".sc-value")!.getBoundingClientRect();
      expect(value.left).toBeGreaterThanOrEqual(label.right - 0.5); // label | value, not stacked
      expect(Math.abs(value.top - label.top)).toBeLessThan(1);

      const result = await axe.run(container, { runOnly: { type: "rule", values: ["color-contrast"] } });
      expect(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
      expect(result.passes.flatMap((p) => p.nodes).length).toBeGreaterThan(20);
    });
  });
});
