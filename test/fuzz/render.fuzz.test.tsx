import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { parseWidget, Widget, type WidgetMode } from "../../src/index.js";
import { fuzzParams, fuzzTimeout, mutatedPayload, validPayload } from "./arbitraries.js";
import { markupProblems } from "./checks.js";

const NOW = new Date("2024-07-15T12:00:00Z");

function render(payload: unknown, mode: WidgetMode): string {
  let html = "";
  expect(() => {
    html = renderToStaticMarkup(<Widget payload={payload} locale="en-US" timeZone="UTC" now={NOW} mode={mode} />);
  }).not.toThrow();
  return html;
}

/** Renders in both modes and checks the safety invariants; strict mode must agree with parseWidget. */
function checkBothModes(payload: unknown) {
  const { ok } = parseWidget(payload);
  for (const mode of ["strict", "isolate"] as const) {
    const html = render(payload, mode);
    expect(markupProblems(html)).toEqual([]);
    if (mode === "strict") {
      // strict: any error gives the whole-widget error state; no error, no error state.
      expect(html.includes('data-sidecard-state="error"')).toBe(!ok);
    }
  }
}

describe("<Widget> server rendering under fuzzing", () => {
  test("never throws and never emits foreign markup for any JSON value", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), checkBothModes), fuzzParams);
  });

  test("renders every valid payload without an error state and only safe links", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(validPayload, (payload) => {
        for (const mode of ["strict", "isolate"] as const) {
          const html = render(payload, mode);
          expect(markupProblems(html)).toEqual([]);
          expect(html).not.toContain("data-sidecard-state=\"error\"");
          expect(html).not.toContain("data-sidecard-invalid");
          // Nothing dropped: one data-sidecard-component per component, cards' children included.
          const components = (payload.components as { components?: unknown[] }[]).reduce((n, c) => n + 1 + (c.components?.length ?? 0), 0);
          expect(html.split('data-sidecard-component="').length - 1).toBe(components);
        }
      }),
      fuzzParams,
    );
  });

  test("never throws and never emits foreign markup for mutated payloads with hostile strings", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(mutatedPayload, checkBothModes), fuzzParams);
  });

  test("the widget's text is the payload's text: a hostile label shows up escaped, as text", () => {
    const hostile = '"><svg onload=alert(1)><script>alert(2)</script><img src=x onerror=alert(3)>';
    const payload = {
      version: "1.0.0",
      header: { title: hostile },
      components: [
        { type: "text", label: hostile, value: `${hostile}\n${hostile}` },
        { type: "badge", label: hostile, items: [{ value: hostile, color: hostile }] },
        { type: "link", label: hostile, url: `https://example.com/${hostile}` },
      ],
    };
    for (const mode of ["strict", "isolate"] as const) {
      const html = render(payload, mode);
      expect(markupProblems(html)).toEqual([]);
      const doc = new DOMParser().parseFromString(html, "text/html");
      expect(doc.body.textContent).toContain(hostile);
    }
  });
});
