import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseWidget, widgetSchema } from "../../src/index.js";
import { fuzzParams, fuzzTimeout, hostileString, mutatedPayload, validPayload } from "../fuzz/arbitraries.js";

// The zod schema and parseWidget are two readings of one spec (src/schema/spec.ts). They must
// agree on every input: `widgetSchema` accepts a payload exactly when parseWidget reports no
// diagnostic at all. parseWidget is more forgiving only through warnings (an unknown color
// renders gray, a bad icon is left out, a missing header or version is read as a default), and
// the component limit is an option zod does not know (these payloads stay far below it).
// CONTRIBUTING.md explains the choice.

const agree = (input: unknown) => {
  const runtime = parseWidget(input);
  const schema = widgetSchema.safeParse(input);
  const problems = runtime.diagnostics.map((d) => `${d.code} ${d.path}`);
  expect(schema.success, `parseWidget: ${JSON.stringify(problems)}; zod: ${JSON.stringify(schema.error?.issues.map((i) => i.path.join("/")))}`).toBe(problems.length === 0);
  // An error always means zod rejects too; zod accepting means parseWidget accepts.
  if (!runtime.ok) expect(schema.success).toBe(false);
};

describe("the zod schema and parseWidget accept the same payloads", () => {
  test("on valid payloads", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(validPayload, agree), fuzzParams);
  });

  test("on near-valid payloads (one to six random edits)", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(mutatedPayload, agree), { ...fuzzParams, numRuns: fuzzParams.numRuns * 5 });
  });

  test("on valid payloads with one string made hostile or one member dropped", { timeout: fuzzTimeout }, () => {
    // Edits aimed at the value rules: URLs, dates, icons, colors, versions.
    const edit = fc.tuple(validPayload, fc.nat(), hostileString, fc.boolean()).map(([payload, at, value, drop]) => {
      const strings: [Record<string, unknown>, string][] = [];
      const visit = (node: unknown) => {
        if (node === null || typeof node !== "object") return;
        for (const [key, child] of Object.entries(node)) {
          if (typeof child === "string") strings.push([node as Record<string, unknown>, key]);
          visit(child);
        }
      };
      visit(payload);
      if (strings.length > 0) {
        const [parent, key] = strings[at % strings.length];
        if (drop) delete parent[key];
        else parent[key] = value;
      }
      return JSON.parse(JSON.stringify(payload)) as unknown;
    });
    fc.assert(fc.property(edit, agree), { ...fuzzParams, numRuns: fuzzParams.numRuns * 5 });
  });

  test.each([
    ["an unknown color (a warning)", { version: "1.0.0", header: {}, components: [{ type: "badge", label: "a", items: [{ value: "x", color: "pink" }] }] }],
    ["an icon that is no image URL (a warning)", { version: "1.0.0", header: { icon_url: "javascript:alert(1)" }, components: [] }],
    ["a missing header (a warning)", { version: "1.0.0", components: [] }],
    ["a loose version (a warning)", { version: "1.0", header: {}, components: [] }],
    ["an unsupported version", { version: "2.0.0", header: {}, components: [] }],
    ["an unsafe URL", { version: "1.0.0", header: {}, components: [{ type: "link", label: "a", url: "javascript:alert(1)" }] }],
    ["an impossible date", { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "a", value: "2023-02-29T00:00:00Z" }] }],
  ])("both reject %s", (_name, input) => {
    expect(parseWidget(input).diagnostics).not.toEqual([]);
    expect(widgetSchema.safeParse(input).success).toBe(false);
  });
});
