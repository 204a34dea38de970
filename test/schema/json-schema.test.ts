import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { parseWidget } from "../../src/index.js";
import { widgetJsonSchema } from "../../src/schema/json-schema.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat("uri", true);
ajv.addFormat("date-time", true);
const validate = ajv.compile(widgetJsonSchema());

const fixtureDir = resolve(import.meta.dirname, "../fixtures/payloads");
const fixtures = readdirSync(fixtureDir).map((name) => [name, JSON.parse(readFileSync(resolve(fixtureDir, name), "utf8"))] as const);

describe("sidecard/schema.json", () => {
  test.each(fixtures)("agrees with parseWidget on %s", (_name, payload) => {
    const result = parseWidget(payload);
    if (result.ok) {
      // What parseWidget accepts, normalised, is valid JSON-Schema data …
      expect(validate(result.payload), JSON.stringify(validate.errors)).toBe(true);
      // … and so is the input itself when it drew no warnings.
      if (result.diagnostics.length === 0) expect(validate(payload)).toBe(true);
    } else {
      expect(validate(payload)).toBe(false);
    }
  });

  test("rejects the structural errors parseWidget rejects", () => {
    const base = { version: "1.0.0", header: {} };
    expect(validate({ ...base, components: [{ type: "card", components: [{ type: "card", components: [] }] }] })).toBe(false);
    expect(validate({ ...base, components: [{ type: "carousel" }] })).toBe(false);
    expect(validate({ ...base, components: [{ type: "button", label: "x", button_type: "submit", url: "https://x.test" }] })).toBe(false);
    expect(validate({ ...base, components: [{ type: "badge", label: "x", items: [{ value: "a", color: "pink" }] }] })).toBe(false);
    expect(validate({ ...base, components: [{ type: "text", label: "x" }] })).toBe(false);
  });

  test("allows properties the schema does not name", () => {
    expect(validate({ version: "1.0.0", header: { extra: 1 }, components: [{ type: "divider", extra: true }], extra: "x" })).toBe(true);
  });

  test("names itself: draft 2020-12, where it is published, what it describes", () => {
    const schema = widgetJsonSchema();
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://unpkg.com/sidecard/dist/schema.json",
      title: "Custom App Response Schema 1.0.0",
    });
    expect(schema.description).toMatch(/^The JSON a help-desk custom app answers to request_type=fetch_data/);
  });

  test("marks dates and URLs with their formats", () => {
    const text = JSON.stringify(widgetJsonSchema());
    expect(text).toContain('"format":"date-time"');
    expect(text).toContain('"format":"uri"');
  });
});
