import { differenceInCalendarDays, differenceInCalendarMonths, differenceInCalendarQuarters, differenceInCalendarWeeks, differenceInCalendarYears } from "date-fns";

// date-fns' intlFormatDistance without its `unit` option, whose branches (and their own
// difference functions) would otherwise ship: the same unit choice, with date-fns' calendar
// differences, worded by Intl.RelativeTimeFormat. test/format/format-relative.test.ts checks it
// against intlFormatDistance.
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;
const QUARTER = MONTH * 3;

const wordings = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "3 minutes ago", "tomorrow": `date` as seen from `now`, like date-fns' `intlFormatDistance(date, now, { locale })`.
 * Calendar differences are counted in the zone of the dates given (pass TZDates for a zone other than the runtime's).
 */
export function formatRelative(date: Date, now: Date, locale: string): string {
  const milliseconds = date.getTime() - now.getTime();
  const seconds = Math.trunc(milliseconds / 1000) || 0; // || 0: no "-0"
  const abs = Math.abs(seconds);
  let value: number;
  let unit: Intl.RelativeTimeFormatUnit;
  if (abs < MINUTE) {
    value = seconds;
    unit = "second";
  } else if (abs < HOUR) {
    value = Math.trunc(milliseconds / 60_000) || 0;
    unit = "minute";
  } else if (abs < DAY && Math.abs(differenceInCalendarDays(date, now)) < 1) {
    value = Math.trunc(milliseconds / 3_600_000) || 0;
    unit = "hour";
  } else if (abs < WEEK && (value = differenceInCalendarDays(date, now)) && Math.abs(value) < 7) {
    unit = "day";
  } else if (abs < MONTH) {
    value = differenceInCalendarWeeks(date, now);
    unit = "week";
  } else if (abs < QUARTER) {
    value = differenceInCalendarMonths(date, now);
    unit = "month";
  } else if (abs < YEAR && differenceInCalendarQuarters(date, now) < 4) {
    value = differenceInCalendarQuarters(date, now);
    unit = "quarter";
  } else {
    value = differenceInCalendarYears(date, now);
    unit = "year";
  }
  let wording = wordings.get(locale);
  if (wording === undefined) {
    wording = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    if (wordings.size < 64) wordings.set(locale, wording);
  }
  return wording.format(value, unit);
}
