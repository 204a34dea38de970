// Jest's default setup: CommonJS, babel-jest, the node environment, no jest.config.
const { parseWidget } = require("sidecard");
const { renderWidgetToHTML } = require("sidecard/testing");
const payload = require("./payload.json");

test("runs in the node environment (no DOM, no polyfills)", () => {
  expect(typeof document).toBe("undefined");
});

test("require('sidecard') validates", () => {
  expect(parseWidget(payload).ok).toBe(true);
  expect(parseWidget({ version: "9.0.0", components: [] }).ok).toBe(false);
});

test("renderWidgetToHTML snapshot", () => {
  expect(renderWidgetToHTML(payload)).toMatchSnapshot();
});

test("the host and server entries load too", () => {
  expect(typeof require("sidecard/host").fetchWidget).toBe("function");
  expect(typeof require("sidecard/server").createCustomAppHandler).toBe("function");
});
