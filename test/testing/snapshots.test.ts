import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { normalizeWidgetHTML, renderWidgetToHTML } from "../../src/testing/index.js";

const fixtureDir = resolve(import.meta.dirname, "../fixtures/payloads");
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => [name, JSON.parse(readFileSync(resolve(fixtureDir, name), "utf8"))] as const);

describe("renderWidgetToHTML snapshots", () => {
  test.each(fixtures)("%s in strict mode", (_name, payload) => {
    expect(renderWidgetToHTML(payload)).toMatchSnapshot();
  });

  test.each(fixtures)("%s in isolate mode", (_name, payload) => {
    expect(renderWidgetToHTML(payload, { mode: "isolate" })).toMatchSnapshot();
  });
});

describe("renderWidgetToHTML", () => {
  const payload = { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "At", value: "2024-07-15T12:34:56Z" }] };

  test("defaults to en-US and UTC", () => {
    expect(renderWidgetToHTML(payload)).toContain(">Jul 15, 2024, 12:34 PM</time>");
  });

  test("takes locale, time zone and a fixed now", () => {
    expect(renderWidgetToHTML(payload, { timeZone: "America/New_York" })).toContain(">Jul 15, 2024, 8:34 AM</time>");
    expect(renderWidgetToHTML(payload, { dateFormat: "relative", now: new Date("2024-07-15T13:34:56Z") })).toContain(">1 hour ago</time>");
  });

  test("keeps its fixed clock, locale and zone for options given as undefined", () => {
    const relative = { dateFormat: "relative" } as const;
    expect(renderWidgetToHTML(payload, { ...relative, now: undefined, locale: undefined, timeZone: undefined })).toBe(renderWidgetToHTML(payload, relative));
    expect(renderWidgetToHTML(payload, relative)).toContain(">in 2 quarters</time>"); // measured from 2024-01-01
  });

  test("puts one element per line without touching text", () => {
    const html = renderWidgetToHTML({ version: "1.0.0", header: {}, components: [{ type: "text", label: "a><b", value: "x" }] });
    expect(html.split("\n").length).toBeGreaterThan(5);
    expect(html).toContain("a&gt;&lt;b");
  });
});

describe("normalizeWidgetHTML", () => {
  test("numbers React's generated ids the same way whatever the React version wrote", () => {
    const react18 = '<button aria-controls=":R6j:"></button><div id=":R6j:"></div><div id=":R0:"></div>';
    const react190 = '<button aria-controls="«R6j»"></button><div id="«R6j»"></div><div id="«R0»"></div>';
    const react19 = '<button aria-controls="_R_6j_"></button><div id="_R_6j_"></div><div id="_R_0_"></div>';
    const expected = '<button aria-controls="sc-id-1">\n</button>\n<div id="sc-id-1">\n</div>\n<div id="sc-id-2">\n</div>';
    for (const html of [react18, react190, react19]) expect(normalizeWidgetHTML(html)).toBe(expected);
  });

  test("keeps ids that React did not generate", () => {
    expect(normalizeWidgetHTML('<div id="billing"></div>')).toBe('<div id="billing">\n</div>');
  });
});
