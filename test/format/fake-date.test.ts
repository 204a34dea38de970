import { afterEach, expect, test, vi } from "vitest";

// Playwright's page.clock (and older fake timers) replace Date with a function whose constructor
// returns a plain Date. When that happens before @date-fns/tz defines TZDateMini, which extends
// the Date of that moment, a zoned date silently read in the machine's zone.
const NativeDate = Date;
const NOW = NativeDate.UTC(2024, 0, 1);

function FakeDate(this: unknown, ...args: unknown[]) {
  if (!(this instanceof FakeDate)) return new NativeDate(NOW).toString();
  return args.length === 0 ? new NativeDate(NOW) : new (NativeDate as unknown as new (...a: unknown[]) => Date)(...args);
}
Object.assign(FakeDate, { now: () => NOW, parse: NativeDate.parse, UTC: NativeDate.UTC });
FakeDate.prototype = NativeDate.prototype;

afterEach(() => {
  globalThis.Date = NativeDate;
  vi.resetModules();
});

test("dates keep their zone when a fake Date that cannot be subclassed was installed before loading", async () => {
  globalThis.Date = FakeDate as unknown as DateConstructor;
  vi.resetModules();
  const { formatDateTime } = await import("../../src/format/format-date-time.js");
  globalThis.Date = NativeDate;
  const date = new NativeDate("2023-12-31T20:00:00Z");
  // 05:00 on January 1st in Tokyo, where "now" (midnight UTC) is 09:00 the same day.
  expect(formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo", dateFormat: "yyyy-MM-dd HH:mm" }).text).toBe("2024-01-01 05:00");
  expect(formatDateTime(date, { locale: "en-US", timeZone: "Asia/Tokyo", dateFormat: "relative", now: new NativeDate(NOW) }).text).toBe("4 hours ago");
  expect(formatDateTime(date, { locale: "fr-FR", timeZone: "Asia/Tokyo", dateFormat: "PPP" }).title).toContain("(UTC+09:00)");
});
