import { intlFormatDistance } from "date-fns";
import fc from "fast-check";
import { expect, test } from "vitest";
import { formatDateTime } from "../../src/index.js";
import { formatRelative } from "../../src/format/format-relative.js";

// sidecard words relative dates with date-fns' unit choice but not intlFormatDistance itself
// (its `unit` option's code would ship too); the oracle is intlFormatDistance.
const now = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
// Distances from a second to decades, both ways, with extra weight near each unit's edge.
const EDGES = [0, 1, 59, 60, 3599, 3600, 86_399, 86_400, 604_799, 604_800, 2_629_745, 2_629_746, 7_889_237, 7_889_238, 31_556_951, 31_556_952];
const distance = fc.oneof(
  fc.integer({ min: -3 * 31_556_952_000, max: 3 * 31_556_952_000 }),
  fc.integer({ min: -90_000_000, max: 90_000_000 }),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -1500, max: 1500 }), fc.boolean()).map(([edge, jitter, past]) => (past ? -1 : 1) * (edge * 1000 + jitter)),
);
const locale = fc.constantFrom("en-US", "fr-FR", "de-DE", "ja-JP", "ar-EG");

test("formatRelative words every distance as date-fns' intlFormatDistance does", () => {
  fc.assert(
    fc.property(now, distance, locale, (from, ms, tag) => {
      const date = new Date(from.getTime() + ms);
      expect(formatRelative(date, from, tag)).toBe(intlFormatDistance(date, from, { locale: tag }));
    }),
    { seed: 20261206, numRuns: 4000 },
  );
});

test("a relative dateFormat reads like intlFormatDistance in the given locale", () => {
  fc.assert(
    fc.property(now, distance, locale, (from, ms, tag) => {
      const date = new Date(from.getTime() + ms);
      expect(formatDateTime(date, { locale: tag, timeZone: "UTC", dateFormat: "relative", now: from }).text).toBe(intlFormatDistance(date, from, { locale: tag }));
    }),
    { seed: 20261207, numRuns: 500 },
  );
});
