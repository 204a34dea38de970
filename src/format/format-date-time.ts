import { TZDateMini } from "@date-fns/tz";
import type { Locale } from "date-fns";
import { formatters } from "date-fns/format";
import { EN_US, MONTHS, WEEKDAYS } from "./en-us-locale.js";
import { formatPattern, type PatternLocale } from "./format-pattern.js";
import { formatRelative } from "./format-relative.js";

export interface DateTimeFormatOptions {
  /** BCP 47 tag such as `"en-US"`, or a date-fns `Locale` for localized custom patterns. Default: the viewer's locale. */
  locale?: string | Locale;
  /** IANA time zone such as `"Europe/Paris"`. Default: the viewer's time zone. */
  timeZone?: string;
  /** A date-fns pattern (`"yyyy-MM-dd HH:mm"`) or `"relative"`. Default: medium date and short time. */
  dateFormat?: string;
  /** The moment relative dates are measured from. Default: the clock, and relative dates in a widget then re-render every 30 s; a pinned `now` stops that. */
  now?: Date;
}

export interface FormattedDateTime {
  /** What the widget shows. */
  text: string;
  /** The full timestamp with its zone, for the hover title. */
  title: string;
}

/** date-fns spelling of the default en-US style: "Jul 15, 2024, 12:34 PM". */
export const DEFAULT_DATE_PATTERN = "MMM d, yyyy, h:mm a";
const FULL_DATE_PATTERN = "EEEE, MMMM d, yyyy, h:mm:ss a";

const UTC_NAMES = new Set(["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "Etc/UCT", "UCT"]);
function isUtc(timeZone: string): boolean {
  return UTC_NAMES.has(timeZone);
}

// Intl formatters are costly to create; one per locale, zone and style is enough. The last one
// asked for is kept apart: a widget's dates nearly always share it, and the lookup then needs
// no key string.
const intlCache = new Map<string, Intl.DateTimeFormat>();
let lastLocale = "";
let lastTimeZone = "";
let lastStyle = "";
let lastFormatter: Intl.DateTimeFormat | undefined;
function intlFormatter(locale: string, timeZone: string, style: "short" | "full" | "parts"): Intl.DateTimeFormat {
  if (lastFormatter !== undefined && lastLocale === locale && lastTimeZone === timeZone && lastStyle === style) return lastFormatter;
  const key = `${locale}\u0000${timeZone}\u0000${style}`;
  let formatter = intlCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      locale,
      style === "short"
        ? { dateStyle: "medium", timeStyle: "short", timeZone }
        : style === "full"
          ? { dateStyle: "full", timeStyle: "long", timeZone }
          : {
              timeZone,
              weekday: "long",
              year: "numeric",
              month: "long",
              day: "numeric",
              hour: "numeric",
              minute: "2-digit",
              second: "2-digit",
              hour12: true,
              // The offset of UTC is known; asking Intl for it costs as much as the rest.
              ...(isUtc(timeZone) ? {} : { timeZoneName: "longOffset" }),
            },
    );
    intlCache.set(key, formatter);
  }
  lastLocale = locale;
  lastTimeZone = timeZone;
  lastStyle = style;
  lastFormatter = formatter;
  return formatter;
}

/**
 * The en-US default text and title: the same strings as the date-fns patterns above, without
 * building a TZDate, which re-derives the zone offset on every date-fns step (it dominated the
 * cost of mounting a widget full of dates). In UTC and in the runtime's own zone — the default,
 * the viewer's — the fields come from Date's getters, which know those offsets; other zones
 * take cached Intl parts.
 */
function formatEnglishDefault(date: Date, timeZone: string): FormattedDateTime {
  if (isUtc(timeZone)) {
    return englishFromFields(timeZone, 0, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCDay(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  }
  if (timeZone === viewer().timeZone) {
    const offset = -date.getTimezoneOffset();
    // Local mean times before standard time have offsets in seconds, which Intl spells its own way.
    if (Number.isInteger(offset)) {
      return englishFromFields(timeZone, offset, date.getFullYear(), date.getMonth(), date.getDate(), date.getDay(), date.getHours(), date.getMinutes(), date.getSeconds());
    }
  }
  return englishFromIntl(date, timeZone);
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

// Titles and the English texts are joined from their parts: V8 keeps a string built with `+` or
// a template as a tree of its pieces (about twenty objects for a text and its title), and React
// keeps these strings as long as the row is mounted; `join` makes one flat string.
function englishFromFields(timeZone: string, offsetMinutes: number, year: number, month: number, day: number, weekday: number, hours: number, minutes: number, seconds: number): FormattedDateTime {
  // date-fns' "yyyy" is the year of the era: year 0 is 1 BC, drawn "0001" (as Intl's parts give it).
  const eraYear = year > 0 ? year : 1 - year;
  const yyyy = String(eraYear).padStart(4, "0");
  const hour = hours % 12 || 12;
  const period = hours < 12 ? "AM" : "PM";
  const mm = twoDigits(minutes);
  const absolute = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? "-" : "+"}${twoDigits(Math.floor(absolute / 60))}:${twoDigits(absolute % 60)}`;
  const monthName = MONTHS[month];
  return {
    text: [monthName.slice(0, 3), " ", day, ", ", yyyy, ", ", hour, ":", mm, " ", period].join(""),
    title: [WEEKDAYS[weekday], ", ", monthName, " ", day, ", ", yyyy, ", ", hour, ":", mm, ":", twoDigits(seconds), " ", period, " ", timeZone, " (UTC", offset, ")"].join(""),
  };
}

/** The same strings from cached Intl parts, for any zone. */
function englishFromIntl(date: Date, timeZone: string): FormattedDateTime {
  let weekday = "", month = "", day = "", year = "", hour = "", minute = "", second = "", period = "", offset = "+00:00";
  for (const part of intlFormatter("en-US", timeZone, "parts").formatToParts(date)) {
    switch (part.type) {
      case "weekday": weekday = part.value; break;
      case "month": month = part.value; break;
      case "day": day = part.value; break;
      case "year": year = part.value.length < 4 ? part.value.padStart(4, "0") : part.value; break;
      case "hour": hour = part.value; break;
      case "minute": minute = part.value; break;
      case "second": second = part.value; break;
      case "dayPeriod": period = part.value === "AM" || part.value === "PM" ? part.value : part.value.toUpperCase(); break;
      case "timeZoneName": offset = part.value === "GMT" ? "+00:00" : part.value.slice(3); break;
    }
  }
  return {
    text: [month.slice(0, 3), " ", day, ", ", year, ", ", hour, ":", minute, " ", period].join(""),
    title: [weekday, ", ", month, " ", day, ", ", year, ", ", hour, ":", minute, ":", second, " ", period, " ", timeZone, " (UTC", offset, ")"].join(""),
  };
}

// The viewer's own zone and locale, read once: `Intl.DateTimeFormat()` is costly and every
// date of a widget rendered without `timeZone` / `locale` would otherwise build one. They are
// read again when the runtime's zone changes (a test setting process.env.TZ, a long-lived tab
// whose machine moved): the local offsets at three instants change with it. (Zones that agree
// at all three, such as Europe/Paris and Europe/Berlin, differ only before 1981.)
let viewerDefaults: { timeZone: string; locale: string } | undefined;
// One number for the three offsets (each is within ±1024 minutes, so none is lost), not a
// string: this runs for every date drawn in the viewer's zone.
let viewerOffsets = NaN;
const PROBES = [0, 1705e9, 1721e9].map((time) => new Date(time));
function viewer(): { timeZone: string; locale: string } {
  const offsets = PROBES[0].getTimezoneOffset() + 2048 * (PROBES[1].getTimezoneOffset() + 2048 * PROBES[2].getTimezoneOffset());
  if (viewerDefaults === undefined || offsets !== viewerOffsets) {
    const options = Intl.DateTimeFormat().resolvedOptions();
    viewerDefaults = { timeZone: options.timeZone ?? "UTC", locale: options.locale };
    viewerOffsets = offsets;
  }
  return viewerDefaults;
}

const zoneCache = new Map<string, string>();
/** The zone to format in: the given IANA name when it exists, else UTC (never a crash). */
export function resolveTimeZone(timeZone: string | undefined): string {
  const requested = timeZone ?? viewer().timeZone;
  let resolved = zoneCache.get(requested);
  if (resolved === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: requested });
      resolved = requested; // keep the caller's spelling: ICU would turn Asia/Kolkata into Asia/Calcutta
    } catch {
      resolved = "UTC";
    }
    zoneCache.set(requested, resolved);
  }
  return resolved;
}

const localeCache = new Map<string, string>();
/** The BCP 47 tag to format with: the given one when the runtime knows it, else en-US. */
export function resolveLocaleTag(locale: string | Locale | undefined): string {
  const requested = typeof locale === "object" ? (locale.code ?? "en-US") : (locale ?? viewer().locale);
  let resolved = localeCache.get(requested);
  if (resolved === undefined) {
    try {
      // A well-formed tag the runtime has no data for would fall back to the machine's locale.
      const tag = Intl.getCanonicalLocales(requested)[0];
      resolved = tag !== undefined && Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0 ? tag : "en-US";
    } catch {
      resolved = "en-US";
    }
    localeCache.set(requested, resolved);
  }
  return resolved;
}

/** Chooses the date-fns locale: a given Locale object, date-fns' en-US words for English tags, none otherwise. */
function dateFnsLocale(locale: string | Locale | undefined, tag: string): PatternLocale | null {
  if (typeof locale === "object") return locale;
  return tag === "en-US" || tag === "en" ? EN_US : null;
}

/** The moment as a date whose getters read in `timeZone` (what date-fns formats); the mini TZDate is enough for that. */
function inZone(date: Date, timeZone: string): Date {
  const zoned = new TZDateMini(date.getTime(), timeZone);
  if (zoned instanceof TZDateMini) return zoned;
  // The page's Date was replaced before @date-fns/tz loaded by a fake whose constructor returns a
  // plain Date (Playwright's page.clock), so TZDateMini's `super()` gave a Date of the machine's
  // zone. The real Date is what the fake returns: TZDateMini is based on it instead (its "now"
  // still reads the fake clock, through Date.now).
  Object.setPrototypeOf(TZDateMini, (zoned as Date).constructor);
  return new TZDateMini(date.getTime(), timeZone);
}
/** date-fns "xxx": the zone's offset, "+05:30". */
const offsetOf = (zoned: Date) => formatters.x(zoned, "xxx", EN_US.localize, { locale: EN_US, weekStartsOn: 0, firstWeekContainsDate: 1 });

/**
 * Formats an instant for display in the given locale and zone. The output depends only on the
 * arguments, never on the machine's own time zone, so server and client render the same text.
 */
export function formatDateTime(date: Date, options: DateTimeFormatOptions = {}): FormattedDateTime {
  const timeZone = resolveTimeZone(options.timeZone);
  const tag = resolveLocaleTag(options.locale);
  const fnsLocale = dateFnsLocale(options.locale, tag);
  const pattern = options.dateFormat;

  const fast = fnsLocale === EN_US && (pattern === undefined || pattern === "relative" || pattern === DEFAULT_DATE_PATTERN)
    ? formatEnglishDefault(date, timeZone)
    : null;
  let title: string;
  if (fast) {
    title = fast.title;
  } else {
    const zoned = inZone(date, timeZone);
    title = fnsLocale
      ? [formatPattern(zoned, FULL_DATE_PATTERN, fnsLocale), " ", timeZone, " (UTC", offsetOf(zoned), ")"].join("")
      : [intlFormatter(tag, timeZone, "full").format(date), " (UTC", offsetOf(zoned), ")"].join("");
  }

  if (pattern === "relative") {
    // Calendar days, weeks, months and years are counted in the zone shown, not the machine's.
    return { text: formatRelative(inZone(date, timeZone), inZone(options.now ?? new Date(), timeZone), tag), title };
  }
  if (fast) return fast;
  if (pattern) {
    try {
      return { text: formatPattern(inZone(date, timeZone), pattern, fnsLocale ?? EN_US), title };
    } catch {
      // An invalid pattern is the host's mistake; show the default format rather than nothing.
    }
  }
  const text = fnsLocale
    ? formatPattern(inZone(date, timeZone), DEFAULT_DATE_PATTERN, fnsLocale)
    : intlFormatter(tag, timeZone, "short").format(date);
  return { text, title };
}
