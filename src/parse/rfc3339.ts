// RFC 3339 section 5.6 date-time, read by hand: this runs for every date_time of every payload,
// and a character walk neither allocates nor backtracks.
//   2024-07-15T12:34:56(.123)?(Z|+02:00), with t/z in lower case or one space for T allowed.

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1; // also NaN past the end
    value = value * 10 + code;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// 400 Gregorian years are exactly 146,097 days: used to keep Date.UTC away from its 1900 +
// two-digit-year rule for the years 0000–0099.
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * The instant in epoch milliseconds, or NaN when `text` is not an RFC 3339 date-time. With
 * `validateOnly` a valid text gives 0: every check is done, the arithmetic is skipped.
 */
function readRfc3339(text: string, validateOnly: boolean): number {
  if (typeof text !== "string" || text.length < 20) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const t = text.charCodeAt(10);
  if (
    year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
    hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 ||
    text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 116 && t !== 32) ||
    text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58
  ) {
    return Number.NaN;
  }
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start) return Number.NaN;
    // Milliseconds from the first three digits of the fraction, without building a string.
    for (let k = 0; k < 3; k++) millis = millis * 10 + (start + k < i ? text.charCodeAt(start + k) - 48 : 0);
  }
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== text.length) return Number.NaN;
  } else if (zone === 43 || zone === 45) {
    const offsetHours = digits(text, i + 1, 2);
    const offsetMins = digits(text, i + 4, 2);
    if (i + 6 !== text.length || text.charCodeAt(i + 3) !== 58 || offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return Number.NaN;
  }
  if (validateOnly) return 0;
  // A leap second (:60) is accepted as the RFC allows and read as :59.
  const utc = Date.UTC(year < 100 ? year + 400 : year, month - 1, day, hour, minute - offsetMinutes, second === 60 ? 59 : second, millis);
  return year < 100 ? utc - FOUR_CENTURIES_MS : utc;
}

/**
 * Parses an RFC 3339 date-time and returns the instant, or `null` when the text is not one:
 * wrong shape, or a date or time that does not exist (2023-02-29, month 13, hour 24).
 */
export function parseRfc3339(text: string): Date | null {
  const time = readRfc3339(text, false);
  return Number.isNaN(time) ? null : new Date(time);
}

/** True when `text` is an RFC 3339 date-time of a moment that exists (allocates nothing). */
export function isRfc3339(text: string): boolean {
  return !Number.isNaN(readRfc3339(text, true));
}
