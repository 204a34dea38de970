/// <reference types="vite/client" />
import { render } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { Widget, type WidgetProps } from "../../src/index.js";
import hostCss from "../../src/styles/host.css?raw";
import tokensCss from "../../src/styles/tokens.css?raw";
import widgetCss from "../../src/styles/widget.css?raw";
import { realisticLongPayload } from "./payloads.js";

/**
 * Hosts' bundlers lower light-dark() for older browsers (Vite's default CSS minifier,
 * lightningcss): each pair becomes two variables that are set only where a color-scheme is
 * declared. This does the same rewrite, so the stylesheet is tested the way many hosts ship it.
 */
function lowerLightDark(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/light-dark\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\)/g, "var(--lightningcss-light, $1) var(--lightningcss-dark, $2)")
    .replace(/color-scheme:\s*light dark;/g, "color-scheme: light dark; --lightningcss-light: initial; --lightningcss-dark: ;")
    .replace(/color-scheme:\s*light;/g, "color-scheme: light; --lightningcss-light: initial; --lightningcss-dark: ;")
    .replace(/color-scheme:\s*dark;/g, "color-scheme: dark; --lightningcss-light: ; --lightningcss-dark: initial;");
}

const hosts: HTMLElement[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

/** A widget in a shadow root that holds only the lowered stylesheet. */
function renderLowered(props: WidgetProps, hostAttributes: Record<string, string> = {}) {
  const host = document.createElement("div");
  for (const [name, value] of Object.entries(hostAttributes)) host.setAttribute(name, value);
  document.body.append(host);
  const shadow = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(lowerLightDark([tokensCss, widgetCss, hostCss].join("\n")));
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement("div");
  shadow.append(container);
  hosts.push(host);
  render(<Widget {...props} />, { container }); // unmounted by setup.ts's cleanup
  return shadow.querySelector<HTMLElement>('[data-sidecard="widget"]')!;
}

function paint(widget: HTMLElement) {
  const of = (selector: string) => getComputedStyle(widget.querySelector(selector)!);
  return {
    background: getComputedStyle(widget).backgroundColor,
    text: getComputedStyle(widget).color,
    button: of("a.sc-button").backgroundColor,
    badge: of('.sc-badge[data-color="green"]').backgroundColor,
  };
}

test("the rewrite really lowers every light-dark() pair", () => {
  const lowered = lowerLightDark([tokensCss, widgetCss, hostCss].join("\n"));
  expect(lowered).not.toMatch(/light-dark\(/);
  expect(lowered).toMatch(/--lightningcss-dark: initial/);
});

test("with light-dark() lowered, light and dark widgets keep their colors", () => {
  const light = paint(renderLowered({ payload: realisticLongPayload }));
  expect(light).toEqual({ background: "rgb(255, 255, 255)", text: "rgb(17, 17, 17)", button: "rgb(255, 255, 255)", badge: "rgb(232, 242, 234)" });
  const dark = paint(renderLowered({ payload: realisticLongPayload, theme: "dark" }));
  expect(dark).toEqual({ background: "rgb(13, 17, 23)", text: "rgb(230, 237, 243)", button: "rgb(22, 27, 34)", badge: "rgb(15, 42, 23)" });
});

test("with light-dark() lowered, a host's token on an ancestor still wins", () => {
  const widget = renderLowered({ payload: realisticLongPayload, theme: "dark" }, { class: "brand" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(":host(.brand) { --sc-color-link: rgb(200, 0, 100); }");
  (widget.getRootNode() as ShadowRoot).adoptedStyleSheets.push(sheet);
  expect(getComputedStyle(widget.querySelector("a.sc-link")!).color).toBe("rgb(200, 0, 100)");
});
