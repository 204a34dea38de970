import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseWidget, type ParseResult } from "../../src/index.js";
import { fuzzParams, fuzzTimeout, mutatedPayload, validPayload } from "./arbitraries.js";
import { pathProblem, pathShapeProblem } from "./checks.js";

/** The invariants every parse result keeps, whatever the input. */
function checkResult(input: unknown, result: ParseResult) {
  const hasError = result.diagnostics.some((d) => d.severity === "error");
  expect(result.ok).toBe(!hasError);
  expect(result.payload === null).toBe(!result.ok);
  for (const d of result.diagnostics) {
    expect(["error", "warning"]).toContain(d.severity);
    expect(typeof d.message).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
    // A message quotes payload text shortened, so a 100k-char value cannot flood the output.
    expect(d.message.length).toBeLessThan(1000);
    expect(pathProblem(input, d)).toBeNull();
    expect(pathShapeProblem(input, d)).toBeNull();
    // Every input here is JSON data: nothing in it can throw while read, so the unreadable-input
    // path (and the catch behind it) is never taken.
    expect(d.message).not.toMatch(/could not be read/);
  }
}

function parseChecked(input: unknown): ParseResult {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
  let result: ParseResult | undefined;
  expect(() => {
    result = parseWidget(input);
  }).not.toThrow();
  expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(prototypeKeys);
  return result as ParseResult;
}

describe("parseWidget under fuzzing", () => {
  test("never throws on any JSON value, and keeps ok, payload and paths consistent", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        checkResult(input, parseChecked(input));
      }),
      fuzzParams,
    );
  });

  test("never throws on arbitrary JavaScript values (undefined, Maps, sparse arrays, null prototypes)", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBigInt: true, withBoxedValues: true }), (input) => {
        const result = parseChecked(input);
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === "error"));
      }),
      fuzzParams,
    );
  });

  test("never throws on objects that look like payloads with arbitrary members", { timeout: fuzzTimeout }, () => {
    const nearPayload = fc.record(
      {
        version: fc.oneof(fc.constant("1.0.0"), fc.jsonValue({ maxDepth: 1 })),
        header: fc.jsonValue({ maxDepth: 2 }),
        components: fc.array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom("type", "label", "value", "url", "items", "components", "header", "button_type", "icon_url"), fc.jsonValue({ maxDepth: 2 }))), { maxLength: 10 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(nearPayload, (input) => {
        checkResult(input, parseChecked(input));
      }),
      fuzzParams,
    );
  });

  test("accepts every payload that follows the schema", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(validPayload, (input) => {
        const result = parseChecked(input);
        expect(result.diagnostics).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      fuzzParams,
    );
  });

  test("never throws on valid payloads with fields removed, retyped, swapped or made hostile", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(mutatedPayload, (input) => {
        checkResult(input, parseChecked(input));
      }),
      fuzzParams,
    );
  });

  test("gives the same result twice for the same input (no hidden state)", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(mutatedPayload, (input) => {
        expect(parseWidget(input)).toEqual(parseWidget(input));
      }),
      { ...fuzzParams, numRuns: Math.ceil(fuzzParams.numRuns / 4) },
    );
  });
});
