/**
 * Run in a child process with TZ set (see host-zone.test.ts): the en-US default for dates in
 * the runtime's own zone, which formatDateTime reads from Date's getters, must read exactly like
 * the date-fns patterns in that zone. Prints the mismatches as JSON (an empty array when none).
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { enUS } from "date-fns/locale/en-US";
import fc from "fast-check";
import { formatDateTime } from "../../src/index.js";

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const mismatches: unknown[] = [];
// From 1970: older local mean times have offsets in seconds, which date-fns rounds and Intl keeps.
const dates = fc.sample(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), { seed: 20261129, numRuns: 2000 });
// Around this zone's DST changes in 2024, minute by minute.
for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3_600_000) {
  const before = new Date(t).getTimezoneOffset();
  const after = new Date(t + 3_600_000).getTimezoneOffset();
  if (before !== after) for (let m = -90; m <= 90; m += 7) dates.push(new Date(t + m * 60_000));
}
for (const date of dates) {
  const zoned = new TZDate(date.getTime(), zone);
  const { text, title } = formatDateTime(date, { locale: "en-US" });
  const expectedText = format(zoned, "MMM d, yyyy, h:mm a", { locale: enUS });
  const expectedTitle = `${format(zoned, "EEEE, MMMM d, yyyy, h:mm:ss a", { locale: enUS })} ${zone} (UTC${format(zoned, "xxx")})`;
  if (text !== expectedText || title !== expectedTitle) mismatches.push({ date: date.toISOString(), text, expectedText, title, expectedTitle });
}
process.stdout.write(JSON.stringify({ zone, checked: dates.length, mismatches: mismatches.slice(0, 5) }));
