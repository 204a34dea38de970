import { render } from "@testing-library/react";
import { createElement } from "react";
import { describe, expect, test } from "vitest";
import { parseWidget, Widget } from "../../src/index.js";
import { renderWidgetToHTML } from "../../src/testing/index.js";

// A payload built in JavaScript can answer one thing while it is validated and another when it
// is rendered. Only what was validated may reach the DOM: the normalised payload holds the
// values read during validation, in objects of its own.

const evil = createElement("b", { "data-evil": "yes" }, "injected");

/** An own enumerable getter that answers `first` on the first read and `later` ever after. */
function flipping<T extends object>(object: T, key: string, first: unknown, later: unknown): T {
  let reads = 0;
  Object.defineProperty(object, key, { enumerable: true, configurable: true, get: () => (reads++ === 0 ? first : later) });
  return object;
}

/** The same through a proxy: every `get` after the first answers `later`. */
function flippingProxy<T extends object>(object: T, key: string, later: unknown): T {
  let reads = 0;
  return new Proxy(object, { get: (target, name, receiver) => (name === key && reads++ > 0 ? later : Reflect.get(target, name, receiver)) });
}

const payloads = () => [
  ["a text value getter", { version: "1.0.0", header: {}, components: [flipping({ type: "text", label: "Plan" }, "value", "Pro", evil)] }],
  ["a text label getter inside a card", { version: "1.0.0", header: {}, components: [{ type: "card", components: [flipping({ type: "text", value: "Pro" }, "label", "Plan", evil)] }] }],
  ["a badge item getter", { version: "1.0.0", header: {}, components: [{ type: "badge", label: "Tags", items: [flipping({ color: "red" }, "value", "VIP", evil)] }] }],
  ["a header title getter", { version: "1.0.0", header: flipping({}, "title", "Billing", evil), components: [] }],
  ["a link URL that turns into javascript:", { version: "1.0.0", header: {}, components: [flipping({ type: "link", label: "Docs" }, "url", "https://docs.example/", "javascript:alert(1)")] }],
  ["a proxy whose value changes after the first read", { version: "1.0.0", header: {}, components: [flippingProxy({ type: "text", label: "Plan", value: "Pro" }, "value", evil)] }],
  ["a card whose components change after the first read", { version: "1.0.0", header: {}, components: [flippingProxy({ type: "card", components: [] as unknown[] }, "components", [{ type: "text", label: "x", value: evil }])] }],
  // A component that is not clean takes the diagnostic walk: the same holds there.
  ["a getter in a component with an unknown extra key", { version: "1.0.0", header: {}, components: [flipping({ type: "text", label: "Plan", extra: 1 }, "value", "Pro", evil)] }],
] as const;

describe("only validated values are rendered", () => {
  test.each(payloads())("<Widget> with %s", (_name, payload) => {
    const { container } = render(<Widget payload={payload} mode="isolate" />);
    expect(container.querySelector("[data-evil]")).toBeNull();
    expect(container.textContent).not.toContain("injected");
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
  });

  test.each(payloads())("renderWidgetToHTML with %s", (_name, payload) => {
    const html = renderWidgetToHTML(payload);
    expect(html).not.toContain("data-evil");
    expect(html).not.toContain("injected");
    expect(html).not.toContain("javascript:");
  });

  test("the validated strings are what renders", () => {
    const html = renderWidgetToHTML(payloads()[0][1]);
    expect(html).toContain("Pro");
    const link = renderWidgetToHTML(payloads()[4][1]);
    expect(link).toContain('href="https://docs.example/"');
  });

  test("parseWidget's payload holds plain values in objects of its own", () => {
    for (const [, payload] of payloads()) {
      const result = parseWidget(payload);
      if (!result.ok) continue;
      const json = JSON.stringify(result.payload);
      expect(JSON.stringify(result.payload)).toBe(json); // reading it again gives the same
      expect(json).not.toContain("injected");
      expect(result.payload.components).not.toBe(payload.components);
    }
  });
});
