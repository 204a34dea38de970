/**
 * @jest-environment jsdom
 */
// The jsdom environment (a per-file docblock, not configuration): no TextEncoder or
// MessageChannel globals, `browser` export conditions. No polyfill and no CSS mapper here.
const { parseWidget } = require("sidecard");
const { renderWidgetToHTML } = require("sidecard/testing");
const payload = require("./payload.json");

test("runs in the jsdom environment", () => {
  expect(typeof document).toBe("object");
});

test("require('sidecard') validates", () => {
  expect(parseWidget(payload).ok).toBe(true);
});

test("renderWidgetToHTML snapshot", () => {
  expect(renderWidgetToHTML(payload)).toMatchSnapshot();
});

test("the HTML holds every component type when parsed by the DOM", () => {
  document.body.innerHTML = renderWidgetToHTML(payload);
  const types = [...document.querySelectorAll("[data-sidecard-component]")].map((el) => el.getAttribute("data-sidecard-component"));
  expect(new Set(types)).toEqual(new Set(["card", "text", "date_time", "badge", "button", "link", "divider"]));
  expect(document.querySelector('[data-sidecard="widget"]')).not.toBeNull();
});

test("the host and server entries load too", () => {
  expect(typeof require("sidecard/host").verifyEndpoint).toBe("function");
  expect(typeof require("sidecard/server").signQuery).toBe("function");
});
