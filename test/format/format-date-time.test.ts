import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS } from "date-fns/locale/en-US";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatDateTime } from "../../src/index.js";
import { resolveLocaleTag } from "../../src/format/format-date-time.js";

const ZONES = ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Kiritimati", "Europe/London"];

describe("formatDateTime", () => {
  // From 1970: older local mean times have offsets in seconds, which date-fns rounds and Intl keeps.
  test("the en-US default reads like the date-fns patterns it stands for, in every zone", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (date, timeZone) => {
          const zoned = new TZDate(date.getTime(), timeZone);
          const { text, title } = formatDateTime(date, { locale: "en-US", timeZone });
          expect(text).toBe(format(zoned, "MMM d, yyyy, h:mm a", { locale: enUS }));
          expect(title).toBe(`${format(zoned, "EEEE, MMMM d, yyyy, h:mm:ss a", { locale: enUS })} ${timeZone} (UTC${format(zoned, "xxx")})`);
        },
      ),
      { seed: 20261128, numRuns: 300 },
    );
  });

  test("in UTC the en-US default reads like date-fns for every instant a Date holds, years 0000 and before too", () => {
    const edges = ["0000-06-01T12:00:00Z", "-000001-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z"].map((iso) => new Date(iso));
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...edges), fc.date({ noInvalidDate: true })), (date) => {
        const zoned = new TZDate(date.getTime(), "UTC");
        const { text, title } = formatDateTime(date, { locale: "en-US", timeZone: "UTC" });
        expect(text).toBe(format(zoned, "MMM d, yyyy, h:mm a", { locale: enUS }));
        expect(title).toBe(`${format(zoned, "EEEE, MMMM d, yyyy, h:mm:ss a", { locale: enUS })} UTC (UTC+00:00)`);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  test("a change of the runtime's zone while running (process.env.TZ in a test) is followed", () => {
    const date = new Date("2024-07-15T12:34:56Z");
    const machineZone = process.env.TZ;
    try {
      process.env.TZ = "Asia/Tokyo"; // Node applies it at once, to Date and Intl alike
      const tokyo = formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo" });
      expect(formatDateTime(date, { locale: "en-US" })).toEqual(tokyo);
      expect(tokyo.text).toBe("Jul 15, 2024, 9:34 PM");
      process.env.TZ = "America/New_York";
      // Tokyo stays Tokyo once the machine is in New York, and the viewer's zone is New York's.
      expect(formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo" })).toEqual(tokyo);
      expect(formatDateTime(date, { locale: "en-US" })).toEqual({ text: "Jul 15, 2024, 8:34 AM", title: "Monday, July 15, 2024, 8:34:56 AM America/New_York (UTC-04:00)" });
    } finally {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
  });

  test("a custom pattern and a Locale object go through date-fns", () => {
    const date = new Date("2024-07-15T12:34:56Z");
    expect(formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo", dateFormat: "EEE d MMM HH:mm" }).text).toBe("Mon 15 Jul 21:34");
    expect(formatDateTime(date, { locale: enUS, timeZone: "UTC", dateFormat: "PPpp" }).text).toBe("Jul 15, 2024, 12:34:56 PM");
  });

  test("other locales use Intl in the given zone", () => {
    const date = new Date("2024-07-15T12:34:56Z");
    expect(formatDateTime(date, { locale: "de-DE", timeZone: "UTC" }).text).toBe("15.07.2024, 12:34");
    expect(formatDateTime(date, { locale: "de-DE", timeZone: "UTC" }).title).toContain("(UTC+00:00)");
  });

  test("relative dates count calendar days in the zone shown, not the machine's (this suite runs in UTC)", () => {
    const date = new Date("2023-12-31T20:00:00Z");
    const now = new Date("2024-01-01T00:00:00Z");
    // In Tokyo both moments fall on January 1st (05:00 and 09:00); in UTC the first is December 31st.
    expect(formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo", dateFormat: "relative", now }).text).toBe("4 hours ago");
    expect(formatDateTime(date, { locale: "en-US", timeZone: "UTC", dateFormat: "relative", now }).text).toBe("yesterday");
  });

  test("a well-formed locale the runtime has no data for is en-US, not the machine's locale", () => {
    expect(resolveLocaleTag("tlh")).toBe("en-US");
    expect(resolveLocaleTag("de-DE")).toBe("de-DE");
    expect(resolveLocaleTag("not a tag")).toBe("en-US");
  });

  test("relative dates in the viewer's language", () => {
    const date = new Date("2024-07-15T12:00:00Z");
    expect(formatDateTime(date, { locale: "en-US", timeZone: "UTC", dateFormat: "relative", now: new Date("2024-07-15T12:00:30Z") }).text).toBe("30 seconds ago");
    expect(formatDateTime(date, { locale: "fr-FR", timeZone: "UTC", dateFormat: "relative", now: new Date("2024-07-13T12:00:00Z") }).text).toBe("après-demain");
  });
});
