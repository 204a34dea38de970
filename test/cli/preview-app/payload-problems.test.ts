import { describe, expect, it } from "vitest";
import { analyzePayloadText } from "../../../src/cli/preview-app/payload-problems.js";

describe("analyzePayloadText", () => {
  it("places the diagnostics of a payload nested deeper than the call stack allows instead of throwing", () => {
    // Runs while the preview page renders: a throw here would blank the page.
    const depth = 100_000;
    const text = `{"version": "1.0.0", "components": [{"type": "text", "label": "a", "value": "b", "extra": ${"[".repeat(depth)}${"]".repeat(depth)}}]}`;
    expect(analyzePayloadText(text)).toMatchObject({
      kind: "parsed",
      errors: 0,
      diagnostics: [{ code: "missing_header", path: "/header", position: { offset: 0, line: 1, column: 1 } }],
    });
  });
});
