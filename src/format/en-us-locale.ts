import type { FormatLong, FormatLongFnOptions, Localize, LocalizeFnOptions } from "date-fns";
import type { PatternLocale } from "./format-pattern.js";

/**
 * date-fns' en-US words and long formats (date-fns/locale/en-US/_lib/localize.js and
 * formatLong.js), for formatting only. Importing `enUS` brings its parsing (`match`),
 * `formatDistance` and `formatRelative` code too, and date-fns' exports map offers no deep
 * import of the parts; test/format/format-pattern.test.ts checks every token against `enUS`.
 */
const words = (list: string) => list.split(" ");
export const MONTHS = words("January February March April May June July August September October November December");
export const WEEKDAYS = words("Sunday Monday Tuesday Wednesday Thursday Friday Saturday");

type Widths = Partial<Record<NonNullable<LocalizeFnOptions["width"]>, string[]>> & { wide: string[] };
const byWidth = (values: Widths, shift = 0) => (value: number, options?: LocalizeFnOptions) => (values[options?.width ?? "wide"] ?? values.wide)[value - shift];

function ordinalNumber(value: number): string {
  const rem100 = value % 100;
  if (rem100 > 20 || rem100 < 10) {
    switch (rem100 % 10) {
      case 1: return `${value}st`;
      case 2: return `${value}nd`;
      case 3: return `${value}rd`;
    }
  }
  return `${value}th`;
}

// Day periods as format asks for them (context "formatting"), in the order am pm midnight noon morning afternoon evening night.
const PERIOD_NAMES = ["am", "pm", "midnight", "noon", "morning", "afternoon", "evening", "night"];
const PERIODS_REST = words("midnight noon in_the_morning in_the_afternoon in_the_evening at_night").map((w) => w.replace(/_/g, " "));
const periods: Widths = {
  narrow: ["a", "p", "mi", "n", ...PERIODS_REST.slice(2)],
  abbreviated: ["AM", "PM", ...PERIODS_REST],
  wide: ["a.m.", "p.m.", ...PERIODS_REST],
};

const localize: Localize = {
  ordinalNumber,
  era: byWidth({ narrow: ["B", "A"], abbreviated: ["BC", "AD"], wide: ["Before Christ", "Anno Domini"] }),
  quarter: byWidth({ narrow: words("1 2 3 4"), abbreviated: words("Q1 Q2 Q3 Q4"), wide: [1, 2, 3, 4].map((q) => `${ordinalNumber(q)} quarter`) }, 1),
  month: byWidth({ narrow: MONTHS.map((m) => m[0]), abbreviated: MONTHS.map((m) => m.slice(0, 3)), wide: MONTHS }),
  day: byWidth({ narrow: WEEKDAYS.map((d) => d[0]), short: WEEKDAYS.map((d) => d.slice(0, 2)), abbreviated: WEEKDAYS.map((d) => d.slice(0, 3)), wide: WEEKDAYS }),
  dayPeriod: (value, options) => byWidth(periods)(PERIOD_NAMES.indexOf(value), options),
};

const byFormatWidth = (formats: Record<"full" | "long" | "medium" | "short", string>) => (options?: FormatLongFnOptions) =>
  (formats as Record<string, string>)[options?.width ?? "full"] ?? formats.full;
const formatLong: FormatLong = {
  date: byFormatWidth({ full: "EEEE, MMMM do, y", long: "MMMM do, y", medium: "MMM d, y", short: "MM/dd/yyyy" }),
  time: byFormatWidth({ full: "h:mm:ss a zzzz", long: "h:mm:ss a z", medium: "h:mm:ss a", short: "h:mm a" }),
  dateTime: byFormatWidth({ full: "{{date}} 'at' {{time}}", long: "{{date}} 'at' {{time}}", medium: "{{date}}, {{time}}", short: "{{date}}, {{time}}" }),
};

export const EN_US: PatternLocale = { code: "en-US", localize, formatLong, options: { weekStartsOn: 0, firstWeekContainsDate: 1 } };
