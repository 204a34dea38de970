import { cdp } from "vitest/browser";
import { afterEach, describe, expect, test } from "vitest";
import { renderInFrame } from "./layout.js";
import { realisticLongPayload } from "./payloads.js";

/** The colors a viewer sees on the main surfaces, resolved by the browser. */
function paint(widget: HTMLElement) {
  const style = (selector: string) => getComputedStyle(widget.querySelector(selector) ?? widget);
  return {
    background: getComputedStyle(widget).backgroundColor,
    text: getComputedStyle(widget).color,
    card: style(".sc-card").backgroundColor,
    label: style(".sc-label").color,
    link: style("a.sc-link").color,
    button: style("a.sc-button").backgroundColor,
    badge: style('.sc-badge[data-color="green"]').backgroundColor,
    scheme: getComputedStyle(widget).colorScheme,
  };
}

const LIGHT = { background: "rgb(255, 255, 255)", text: "rgb(17, 17, 17)" };
const DARK = { background: "rgb(13, 17, 23)", text: "rgb(230, 237, 243)" };

function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("themes change the colors the browser really paints", () => {
  test("light by default: light background, dark text", () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload });
    const light = paint(widget);
    expect(light).toMatchObject(LIGHT);
    expect(luminance(light.background)).toBeGreaterThan(luminance(light.text));
  });

  test('theme="dark" changes every surface, text, link, button and badge color', () => {
    const light = paint(renderInFrame(280, { payload: realisticLongPayload }).widget);
    const dark = paint(renderInFrame(280, { payload: realisticLongPayload, theme: "dark" }).widget);
    expect(dark).toMatchObject(DARK);
    expect(luminance(dark.background)).toBeLessThan(luminance(dark.text));
    for (const key of ["background", "text", "card", "label", "link", "button", "badge"] as const) {
      expect(dark[key], key).not.toBe(light[key]);
    }
    expect(dark.scheme).toBe("dark");
  });

  test('data-theme="dark" on an ancestor makes the widget dark', () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload }, { "data-theme": "dark" });
    expect(paint(widget)).toMatchObject(DARK);
  });

  test('an explicit theme="light" wins over a dark ancestor', () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload, theme: "light" }, { "data-theme": "dark" });
    expect(paint(widget)).toMatchObject(LIGHT);
  });

  test("the error state is themed too", () => {
    const bad = { version: "1.0.0", header: {}, components: [{ type: "nope" }] };
    const light = getComputedStyle(renderInFrame(280, { payload: bad }).widget.querySelector(".sc-error")!);
    const lightColors = [light.backgroundColor, light.color, light.borderTopColor];
    const dark = getComputedStyle(renderInFrame(280, { payload: bad, theme: "dark" }).widget.querySelector(".sc-error")!);
    const darkColors = [dark.backgroundColor, dark.color, dark.borderTopColor];
    lightColors.forEach((color, i) => expect(darkColors[i]).not.toBe(color));
  });

  test("a token set on any ancestor of the widget reaches it", () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`.host-sidebar { --sc-color-link: rgb(200, 0, 100); }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const { frame, widget } = renderInFrame(280, { payload: realisticLongPayload });
      expect(paint(widget).link).toBe("rgb(17, 17, 17)");
      frame.classList.add("host-sidebar");
      expect(paint(widget).link).toBe("rgb(200, 0, 100)");
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  test("a host overrides tokens with plain CSS aimed at the widget, without !important", () => {
    const sheet = new CSSStyleSheet();
    // Tokens are declared on the root with zero specificity, so any selector wins.
    sheet.replaceSync(`
      .host-brand .sc-widget { --sc-color-link: rgb(102, 51, 153); }
      .sc-widget { --sc-button-background: light-dark(rgb(0, 100, 0), rgb(0, 60, 0)); }
    `);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const { frame, widget } = renderInFrame(280, { payload: realisticLongPayload });
      expect(paint(widget).link).toBe("rgb(17, 17, 17)");
      expect(paint(widget).button).toBe("rgb(0, 100, 0)");
      frame.classList.add("host-brand");
      expect(paint(widget).link).toBe("rgb(102, 51, 153)");
      // An override written with light-dark() follows the theme like the built-in tokens.
      frame.setAttribute("data-theme", "dark");
      expect(paint(widget).button).toBe("rgb(0, 60, 0)");
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});

describe('theme="auto" follows prefers-color-scheme', () => {
  const session = cdp();
  const emulate = (value: "light" | "dark") =>
    session.send("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value }] });
  afterEach(() => emulate("light"));

  test("dark when the viewer prefers dark, light when they prefer light", async () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload, theme: "auto" });
    await emulate("dark");
    expect(matchMedia("(prefers-color-scheme: dark)").matches).toBe(true);
    expect(paint(widget)).toMatchObject(DARK);
    await emulate("light");
    expect(paint(widget)).toMatchObject(LIGHT);
  });

  test("without theme=\"auto\" a dark preference alone does not darken the widget", async () => {
    const { widget } = renderInFrame(280, { payload: realisticLongPayload });
    await emulate("dark");
    expect(paint(widget)).toMatchObject(LIGHT);
  });
});
