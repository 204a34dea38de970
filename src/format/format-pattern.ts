import type { FormatLong, Locale, Localize } from "date-fns";
import { formatters, longFormatters } from "date-fns/format";

/** What a pattern needs of a date-fns `Locale`; a full `Locale` object fits. */
export interface PatternLocale {
  code?: string;
  localize: Localize;
  formatLong: FormatLong;
  options?: Locale["options"];
}

// date-fns' own tokenizers (date-fns/format.js): long formats first (P, p), then tokens,
// quoted text and '' for a quote. `.match` keeps what date-fns keeps (it drops line breaks).
const LONG_TOKENS = /P+p+|P+|p+|''|'(''|[^'])+('|$)|./g;
const TOKENS = /[yYQqMLwIdDecihHKkms]o|(\w)\1*|''|'(''|[^'])+('|$)|./g;
const QUOTED = /^'([^]*?)'?$/;
// date-fns throws for these without its `useAdditional…Tokens` options (they are usually typos
// for d / y); the caller then falls back to the default format.
const TYPO_TOKENS = new Set(["D", "DD", "YY", "YYYY"]);

/** date-fns fails on a pattern of nothing but line breaks (nothing matches); so does this. */
function matchAll(text: string, tokens: RegExp): string[] {
  const parts = text.match(tokens);
  if (parts === null) throw new RangeError(`The date pattern ${JSON.stringify(text)} has no tokens`);
  return parts;
}

/**
 * date-fns `format` for a date whose getters already read in the wanted zone (a TZDate), made of
 * date-fns' public `formatters` and `longFormatters`. `format` itself imports date-fns' whole
 * default locale, parsing code included, whatever locale it is given; this does not. Same output
 * as `format(date, pattern, { locale })`, and it throws where `format` throws (a RangeError for an
 * unknown letter or a protected token).
 */
export function formatPattern(date: Date, pattern: string, locale: PatternLocale): string {
  const expanded = matchAll(pattern, LONG_TOKENS)
    .map((part) => (part[0] === "p" || part[0] === "P" ? longFormatters[part[0]](part, locale.formatLong) : part))
    .join("");
  let parts = matchAll(expanded, TOKENS).map((part) => {
    if (part === "''") return { isToken: false, value: "'" };
    if (part[0] === "'") return { isToken: false, value: (QUOTED.exec(part)?.[1] ?? part).replace(/''/g, "'") };
    if (formatters[part[0]]) return { isToken: true, value: part };
    if (/[a-zA-Z]/.test(part[0])) throw new RangeError(`Format string contains an unescaped latin alphabet character \`${part[0]}\``);
    return { isToken: false, value: part };
  });
  if (locale.localize.preprocessor) parts = locale.localize.preprocessor(date, parts);
  const options = { firstWeekContainsDate: locale.options?.firstWeekContainsDate ?? 1, weekStartsOn: locale.options?.weekStartsOn ?? 0, locale };
  return parts
    .map(({ isToken, value }) => {
      if (!isToken) return value;
      if (TYPO_TOKENS.has(value)) throw new RangeError(`Use \`${value.toLowerCase()}\` instead of \`${value}\` (in \`${pattern}\`)`);
      return formatters[value[0]](date, value, locale.localize, options);
    })
    .join("");
}
