import { describe, expect, test } from "vitest";
import { describeValue, quote } from "../../src/parse/describe-value.js";

describe("quote", () => {
  test("quotes as JSON, escapes included", () => {
    expect(quote('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(quote("")).toBe('""');
  });

  test("keeps up to 60 characters, and shortens a longer value to 60 and an ellipsis", () => {
    const sixty = "0123456789".repeat(6);
    expect(quote(sixty)).toBe(`"${sixty}"`);
    expect(quote(`${sixty}X`)).toBe(`"${sixty}…"`);
    expect(quote("y".repeat(100_000))).toBe(`"${"y".repeat(60)}…"`);
  });
});

describe("describeValue", () => {
  test.each([
    [undefined, "nothing"],
    [null, "null"],
    ["", 'the string ""'],
    ["x", 'the string "x"'],
    [42, "the number 42"],
    [Number.NaN, "the number NaN"],
    [false, "the boolean false"],
    [true, "the boolean true"],
    [[], "an array of 0 items"],
    [["a"], "an array of 1 item"],
    [[1, 2], "an array of 2 items"],
    [{}, "an object"],
    [Object.create(null), "an object"],
    [new Date(0), "an object"],
    [10n, "a bigint"],
    [Symbol("s"), "a symbol"],
    [() => 1, "a function"],
  ])("%o is %j", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  test("a long string is quoted shortened", () => {
    expect(describeValue("z".repeat(61))).toBe(`the string "${"z".repeat(60)}…"`);
  });
});
