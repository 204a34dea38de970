import { describe, expect, test } from "vitest";
import { parseRfc3339, parseWidget } from "../../src/index.js";
import { isRfc3339 } from "../../src/parse/rfc3339.js";

describe("parseRfc3339", () => {
  test.each([
    ["2024-07-15T12:34:56Z", "2024-07-15T12:34:56.000Z"],
    ["2024-07-15t12:34:56z", "2024-07-15T12:34:56.000Z"],
    ["2024-07-15 12:34:56Z", "2024-07-15T12:34:56.000Z"],
    ["2024-07-15T12:34:56.123456Z", "2024-07-15T12:34:56.123Z"],
    ["2024-07-15T12:34:56.5+02:00", "2024-07-15T10:34:56.500Z"],
    ["2024-07-15T00:10:00-05:30", "2024-07-15T05:40:00.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
    ["2000-02-29T23:59:59Z", "2000-02-29T23:59:59.000Z"],
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
    ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z"],
  ])("accepts %s as %s", (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso);
  });

  test.each([
    "2023-02-29T00:00:00Z", // not a leap year
    "1900-02-29T00:00:00Z", // century, not a leap year
    "2024-13-01T00:00:00Z",
    "2024-00-10T00:00:00Z",
    "2024-04-31T00:00:00Z",
    "2024-07-15T24:00:00Z",
    "2024-07-15T12:60:00Z",
    "2024-07-15T12:34:61Z",
    "2024-07-15T12:34:56", // no zone
    "2024-07-15T12:34Z", // no seconds
    "2024-07-15", // date only
    "2024-07-15T12:34:56+0200", // offset without colon
    "2024-07-15T12:34:56+24:00",
    "2024-07-15T12:34:56.Z",
    " 2024-07-15T12:34:56Z",
    "2024-07-15T12:34:56Z ",
    "2024-7-15T12:34:56Z",
    "Mon, 15 Jul 2024 12:34:56 GMT",
    "1721046896",
    "",
  ])("rejects %j", (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });

  test("parseWidget reports invalid_date_time at the value", () => {
    const result = parseWidget({ version: "1.0.0", header: {}, components: [{ type: "date_time", label: "When", value: "2023-02-29T10:00:00Z" }] });
    expect(result.diagnostics).toMatchObject([{ code: "invalid_date_time", severity: "error", path: "/components/0/value" }]);
  });
});

describe("parseRfc3339 and isRfc3339: every field and its bounds", () => {
  // Each accepted text with the instant it denotes, written as Date#toISOString gives it.
  test.each([
    ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000Z"], // RFC 3339 years are 4DIGIT: 0000 is one
    ["0000-02-29T12:00:00Z", "0000-02-29T12:00:00.000Z"], // year 0 is divisible by 400
    ["0099-12-31T23:59:59Z", "0099-12-31T23:59:59.000Z"], // the last two-digit year Date.UTC would shift
    ["0100-03-01T00:00:00Z", "0100-03-01T00:00:00.000Z"], // the first it would not
    ["9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"],
    ["2023-02-28T00:00:00Z", "2023-02-28T00:00:00.000Z"],
    ["2024-01-31T00:00:00Z", "2024-01-31T00:00:00.000Z"],
    ["2024-03-31T00:00:00Z", "2024-03-31T00:00:00.000Z"],
    ["2024-05-31T00:00:00Z", "2024-05-31T00:00:00.000Z"],
    ["2024-08-31T00:00:00Z", "2024-08-31T00:00:00.000Z"],
    ["2024-10-31T00:00:00Z", "2024-10-31T00:00:00.000Z"],
    ["2024-12-31T23:59:59Z", "2024-12-31T23:59:59.000Z"],
    ["2024-04-30T00:00:00Z", "2024-04-30T00:00:00.000Z"],
    ["2024-06-30T00:00:00Z", "2024-06-30T00:00:00.000Z"],
    ["2024-09-30T00:00:00Z", "2024-09-30T00:00:00.000Z"],
    ["2024-11-30T00:00:00Z", "2024-11-30T00:00:00.000Z"],
    ["2024-07-15T12:34:56.05Z", "2024-07-15T12:34:56.050Z"],
    ["2024-07-15T12:34:56.999Z", "2024-07-15T12:34:56.999Z"],
    ["2024-07-15T12:34:56.0Z", "2024-07-15T12:34:56.000Z"],
    ["2024-07-15T12:34:56.9876-01:00", "2024-07-15T13:34:56.987Z"],
    ["2024-07-15T12:34:56+00:00", "2024-07-15T12:34:56.000Z"],
    ["2024-07-15T12:34:56-00:00", "2024-07-15T12:34:56.000Z"], // RFC 3339 4.3: UTC, local offset unknown
    ["2024-07-15T12:34:56+23:59", "2024-07-14T12:35:56.000Z"],
    ["2024-07-15T12:34:56-23:59", "2024-07-16T12:33:56.000Z"],
    ["2024-07-15T12:34:56+05:59", "2024-07-15T06:35:56.000Z"],
    ["2024-07-15T12:34:56.5-00:01", "2024-07-15T12:35:56.500Z"],
  ])("accepts %s as %s", (text, iso) => {
    expect(parseRfc3339(text)?.toISOString()).toBe(iso);
    expect(isRfc3339(text)).toBe(true);
  });

  test("the instant is the one the ECMAScript date parser gives for the same ISO text", () => {
    for (const text of ["0100-03-01T00:00:00Z", "2024-07-15T12:34:56.05Z", "2024-07-15T12:34:56+23:59", "2024-07-15T12:34:56.5-00:01", "9999-12-31T23:59:59.999Z"]) {
      expect(parseRfc3339(text)?.getTime()).toBe(new Date(text).getTime());
    }
  });

  // The shape 2024-07-15T12:34:56Z with one of its digits replaced: below "0" ("/", " "), just
  // past "9" (":"), or a letter.
  const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
  const notDigits = DIGIT_POSITIONS.flatMap((at) => ["/", " ", ":", "a"].map((c) => "2024-07-15T12:34:56Z".slice(0, at) + c + "2024-07-15T12:34:56Z".slice(at + 1)));

  test.each([
    "2024-06-31T00:00:00Z",
    "2024-09-31T00:00:00Z",
    "2024-11-31T00:00:00Z",
    "2024-02-30T00:00:00Z",
    "2024-07-00T00:00:00Z",
    "2024-07-32T00:00:00Z",
    "2024x07-15T12:34:56Z",
    "2024-07x15T12:34:56Z",
    "2024-07-15X12:34:56Z",
    "2024-07-15T12x34:56Z",
    "2024-07-15T12:34x56Z",
    "2024-07-15T12:34:56.1x",
    "2024-07-15T12:34:56+0a:00",
    "2024-07-15T12:34:56+a2:00",
    "2024-07-15T12:34:56+02:a0",
    "2024-07-15T12:34:56+02:0a",
    "2024-07-15T12:34:56+/2:00",
    "2024-07-15T12:34:56+02:/0",
    "2024-07-15T12:34:56+02x00",
    "2024-07-15T12:34:56+02:60",
    "2024-07-15T12:34:56+02:00Z",
    "2024-07-15T12:34:56+02:001",
    "2024-07-15T12:34:56*02:00",
    "2024-07-15T12:34:56 02:00",
    "2024-07-15T12:34:56Zz",
    ...notDigits,
  ])("rejects %j", (text) => {
    expect(parseRfc3339(text)).toBeNull();
    expect(isRfc3339(text)).toBe(false);
  });

  test("a value that is not a string is no date-time, and does not throw", () => {
    for (const value of [1721046896, null, undefined, {}, ["2024-07-15T12:34:56Z"]]) {
      expect(parseRfc3339(value as string)).toBeNull();
      expect(isRfc3339(value as string)).toBe(false);
    }
  });
});
