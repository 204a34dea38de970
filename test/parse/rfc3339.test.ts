import { describe, expect, test } from "vitest";
import { parseRfc3339, parseWidget } from "../../src/index.js";

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
