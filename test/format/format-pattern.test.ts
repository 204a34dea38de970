import { TZDate } from "@date-fns/tz";
import { format, type Locale } from "date-fns";
import { de } from "date-fns/locale/de";
import { enUS } from "date-fns/locale/en-US";
import { fr } from "date-fns/locale/fr";
import { ja } from "date-fns/locale/ja";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatDateTime } from "../../src/index.js";
import { EN_US } from "../../src/format/en-us-locale.js";
import { formatPattern } from "../../src/format/format-pattern.js";

// sidecard formats patterns with date-fns' formatters and its own copy of date-fns' en-US words
// (format() would bring date-fns' whole default locale into the bundle); the oracle here is the
// full date-fns: format(…, { locale }) on an @date-fns/tz TZDate.

// Every formatting token date-fns knows (the protected D/DD/YY/YYYY are checked apart; DDD, Y and
// YYY only make date-fns print a console warning).
const TOKENS = `G GG GGG GGGG GGGGG y yo yy yyy yyyy yyyyy Yo YYYYY R RR RRR RRRR RRRRR u uu uuu uuuu uuuuu
  Q Qo QQ QQQ QQQQ QQQQQ q qo qq qqq qqqq qqqqq M Mo MM MMM MMMM MMMMM L Lo LL LLL LLLL LLLLL w wo ww I Io II
  d do dd Do DDDDD E EE EEE EEEE EEEEE EEEEEE i io ii iii iiii iiiii iiiiii e eo ee eee eeee eeeee eeeeee
  c co cc ccc cccc ccccc cccccc a aa aaa aaaa aaaaa b bb bbb bbbb bbbbb B BB BBB BBBB BBBBB h ho hh H Ho HH
  K Ko KK k ko kk m mo mm s so ss S SS SSS SSSS X XX XXX XXXX XXXXX x xx xxx xxxx xxxxx O OO OOO OOOO z zz zzz zzzz
  t tt T TT P PP PPP PPPP p pp ppp pppp Pp PPpp PPPppp PPPPpppp`.split(/\s+/);
const LITERALS = [" ", ", ", "-", "/", ":", "''", "'at'", "'o''clock'", "'unterminated", "\n", "é", "[", ".", "0"];
const ZONES = ["UTC", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Kiritimati", "Europe/London", "Asia/Kathmandu", "America/Sao_Paulo"];

/** What a formatting call gives: its text, or that it threw (date-fns and sidecard word errors differently). */
function outcome(run: () => string): { text: string } | { threw: true } {
  try {
    return { text: run() };
  } catch {
    return { threw: true };
  }
}

const pattern = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...LITERALS)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
const instant = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T23:59:59Z"), noInvalidDate: true });
const zone = fc.constantFrom(...ZONES);

describe("formatPattern equals date-fns format", () => {
  test("with date-fns' en-US locale, every token, in every zone", () => {
    fc.assert(
      fc.property(instant, zone, pattern, (date, timeZone, p) => {
        const zoned = new TZDate(date.getTime(), timeZone);
        expect(outcome(() => formatPattern(zoned, p, EN_US))).toEqual(outcome(() => format(zoned, p, { locale: enUS })));
      }),
      { seed: 20261201, numRuns: 3000 },
    );
  });

  test("each token alone, over a spread of instants (every month, weekday and hour)", () => {
    const dates = fc.sample(instant, { seed: 7, numRuns: 60 });
    for (let h = 0; h < 24; h++) dates.push(new Date(Date.UTC(2024, 0, 1 + h, h, h * 2, h)));
    for (const token of TOKENS) {
      for (const date of dates) {
        const zoned = new TZDate(date.getTime(), "America/St_Johns");
        expect(formatPattern(zoned, token, EN_US), `${token} at ${date.toISOString()}`).toBe(format(zoned, token, { locale: enUS }));
      }
    }
  }, 30_000); // 8,000 formats: slow on a busy 2-core machine

  test("with a host's Locale object (French has a preprocessor), tokens and long formats", () => {
    fc.assert(
      fc.property(instant, zone, pattern, fc.constantFrom<Locale>(fr, de, ja), (date, timeZone, p, locale) => {
        const zoned = new TZDate(date.getTime(), timeZone);
        expect(outcome(() => formatPattern(zoned, p, locale))).toEqual(outcome(() => format(zoned, p, { locale })));
      }),
      { seed: 20261202, numRuns: 1000 },
    );
    // French's preprocessor turns "do" into "d" beside a long month name, except on the 1st.
    const zoned = new TZDate(Date.UTC(2024, 7, 29, 12), "UTC");
    expect(formatPattern(zoned, "do MMMM", fr)).toBe("29 août");
    expect(formatPattern(new TZDate(Date.UTC(2024, 7, 1, 12), "UTC"), "do MMMM", fr)).toBe("1er août");
  });

  test("throws where date-fns throws: unknown letters and the protected day-of-year / week-year tokens", () => {
    const zoned = new TZDate(Date.UTC(2024, 6, 15, 12, 34, 56), "UTC");
    for (const p of ["yyyy-MM-DD", "D", "YYYY", "YY", "jj", "yyyy J", "hello", "\n"]) {
      expect(() => format(zoned, p, { locale: enUS }), p).toThrow();
      expect(() => formatPattern(zoned, p, EN_US), p).toThrow(RangeError);
    }
  });
});

describe("formatDateTime with a pattern or a Locale object reads like date-fns", () => {
  test("text and title, random instants, zones, patterns and locales", () => {
    fc.assert(
      fc.property(instant, zone, pattern, fc.constantFrom<string | Locale>("en-US", "en", enUS, fr, de), (date, timeZone, p, locale) => {
        const zoned = new TZDate(date.getTime(), timeZone);
        const fnsLocale = typeof locale === "object" ? locale : enUS;
        const { text, title } = formatDateTime(date, { locale, timeZone, dateFormat: p });
        // A pattern date-fns rejects shows the default format instead.
        const expected = outcome(() => format(zoned, p, { locale: fnsLocale }));
        expect(text).toBe("text" in expected ? expected.text : format(zoned, "MMM d, yyyy, h:mm a", { locale: fnsLocale }));
        expect(title).toBe(`${format(zoned, "EEEE, MMMM d, yyyy, h:mm:ss a", { locale: fnsLocale })} ${timeZone} (UTC${format(zoned, "xxx")})`);
      }),
      { seed: 20261203, numRuns: 1000 },
    );
  });

  test("the default pattern with a Locale object, and a pattern date-fns rejects falls back to it", () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom<Locale>(enUS, fr, de), (date, timeZone, locale) => {
        const zoned = new TZDate(date.getTime(), timeZone);
        const expected = format(zoned, "MMM d, yyyy, h:mm a", { locale });
        expect(formatDateTime(date, { locale, timeZone }).text).toBe(expected);
        expect(formatDateTime(date, { locale, timeZone, dateFormat: "yyyy-MM-DD" }).text).toBe(expected);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  test("other tags: Intl's words with date-fns' offset", () => {
    fc.assert(
      fc.property(instant, zone, (date, timeZone) => {
        const zoned = new TZDate(date.getTime(), timeZone);
        const intl = new Intl.DateTimeFormat("de-DE", { dateStyle: "full", timeStyle: "long", timeZone }).format(date);
        expect(formatDateTime(date, { locale: "de-DE", timeZone }).title).toBe(`${intl} (UTC${format(zoned, "xxx")})`);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
