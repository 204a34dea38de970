import { checkLinkUrl } from "../parse/url-safety.js";

// An iframe app's URL is a template the host fills in: `https://app.example/issues/{{issue.id}}`.
// The template fixes the origin; a value only ever fills a path segment, a query value or the
// fragment, percent-encoded, so it can never change where the frame points.

/** One value a variable may take: strings, finite numbers and booleans are written as text. */
export type EmbedValue = string | number | boolean | null | undefined;

/** What the variables read from: `{{issue.id}}` reads `values.issue.id`. */
export interface EmbedValues {
  issue?: { id?: EmbedValue; number?: EmbedValue };
  account?: { id?: EmbedValue; name?: EmbedValue };
  requester?: { id?: EmbedValue; email?: EmbedValue };
  organization?: { id?: EmbedValue };
  /** `{{custom_fields.<key>}}` reads `values.custom_fields[key]`. */
  custom_fields?: Readonly<Record<string, EmbedValue>>;
}

/** The variables a template may use, besides `custom_fields.<key>`. */
export const EMBED_VARIABLES = [
  "issue.id",
  "issue.number",
  "account.id",
  "account.name",
  "requester.id",
  "requester.email",
  "organization.id",
] as const;

export type EmbedDiagnosticCode =
  | "template_too_long"
  | "malformed_variable"
  | "unknown_variable"
  | "missing_variable"
  | "invalid_value"
  | "variable_in_origin"
  | "invalid_url"
  | "unsafe_url"
  | "origin_changed"
  | "url_too_long";

export interface EmbedDiagnostic {
  code: EmbedDiagnosticCode;
  /** One sentence naming what was found and what was expected. */
  message: string;
  /** Offset in the template (UTF-16 code units) where the problem starts; 0 for the whole URL. */
  index: number;
  /** How many code units of the template the problem spans. */
  length: number;
  /** The variable's name as written (trimmed), for variable diagnostics. */
  variable?: string;
}

export type BuildEmbedUrlResult = { ok: true; url: string } | { ok: false; diagnostics: EmbedDiagnostic[] };

/** Longest template accepted, and longest URL produced (browsers and servers cap URLs near here). */
export const MAX_EMBED_TEMPLATE_LENGTH = 8192;
export const MAX_EMBED_URL_LENGTH = 16384;

/** Where in the URL a variable stands: it decides how its value is encoded, or refused. */
type Part = "origin" | "path" | "query" | "fragment";

type Token = { kind: "text"; text: string; index: number } | { kind: "variable"; name: string; index: number; length: number; part: Part };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)?$/;
const CUSTOM_FIELD = /^custom_fields\.([A-Za-z0-9_-]+)$/;
const HTTP_SCHEMES = ["https", "http"] as const;
// encodeURIComponent throws on a lone surrogate; U+FFFD is what URLSearchParams (so fetchWidget) sends for one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Fills `template`'s `{{variable}}`s from `values` (spaces inside the braces are allowed:
 * `{{ issue.id }}`). Each value is percent-encoded with `encodeURIComponent` wherever it stands,
 * so `/`, `?`, `#`, `&`, `=` and `+` in a value stay data; a lone surrogate is sent as U+FFFD.
 * Refused, with a diagnostic per problem: an unknown or missing variable, a variable in the
 * scheme, userinfo, host or port, a path value of `.` or `..`, and a result that is not an
 * absolute http(s) URL (the same rule as links) or whose origin is not the template's. Never throws.
 */
export function buildEmbedUrl(template: string, values: EmbedValues | null | undefined): BuildEmbedUrlResult {
  if (typeof template !== "string") {
    return refuse({ code: "invalid_url", index: 0, length: 0, message: `The embed URL must be a string; found ${describeType(template)}.` });
  }
  if (template.length > MAX_EMBED_TEMPLATE_LENGTH) {
    return refuse({
      code: "template_too_long",
      index: MAX_EMBED_TEMPLATE_LENGTH,
      length: template.length - MAX_EMBED_TEMPLATE_LENGTH,
      message: `The embed URL template is ${template.length} characters long; at most ${MAX_EMBED_TEMPLATE_LENGTH} are accepted.`,
    });
  }

  const diagnostics: EmbedDiagnostic[] = [];
  const tokens = tokenize(template, diagnostics);
  const pieces: string[] = [];
  for (const token of tokens) {
    if (token.kind === "text") {
      pieces.push(token.text);
      continue;
    }
    const value = resolveVariable(token, values, diagnostics);
    pieces.push(value === null ? "" : encodeURIComponent(value.replace(LONE_SURROGATE, "\uFFFD")));
  }

  // The template's own origin, with every variable as an inert placeholder: it must be an
  // absolute http(s) URL on its own, and it is the origin the result must keep.
  const skeleton = tokens.map((token) => (token.kind === "text" ? token.text : "x")).join("");
  const templateCheck = checkHttpUrl(skeleton, "template");
  if (!templateCheck.ok) diagnostics.push(templateCheck.diagnostic);
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const url = pieces.join("");
  if (url.length > MAX_EMBED_URL_LENGTH) {
    return refuse({ code: "url_too_long", index: 0, length: template.length, message: `The embed URL would be ${url.length} characters long with its values; at most ${MAX_EMBED_URL_LENGTH} are accepted.` });
  }
  const resultCheck = checkHttpUrl(url, "result");
  if (!resultCheck.ok) return refuse(resultCheck.diagnostic);
  const expected = (templateCheck as { origin: string }).origin;
  if (resultCheck.origin !== expected) {
    return refuse({
      code: "origin_changed",
      index: 0,
      length: template.length,
      message: `The values change the embed URL's origin from ${expected} to ${resultCheck.origin}; the template's origin is fixed.`,
    });
  }
  return { ok: true, url };
}

function refuse(diagnostic: EmbedDiagnostic): BuildEmbedUrlResult {
  return { ok: false, diagnostics: [diagnostic] };
}

/**
 * Splits the template into text and variables and notes where each variable stands, reading
 * the text the way the URL parser does for http(s): the authority ends at the first `/`, `\`,
 * `?` or `#` after `://`; the path at `?` or `#`; the query at `#`. Until then, a variable is in
 * the origin (scheme, userinfo, host or port).
 */
function tokenize(template: string, diagnostics: EmbedDiagnostic[]): Token[] {
  const tokens: Token[] = [];
  let part: Part = "origin";
  let sawAuthorityStart = false;
  let textStart = 0;

  const advance = (text: string, offset: number) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (part === "origin") {
        if (!sawAuthorityStart) {
          if (c === ":" && text.startsWith("//", i + 1)) {
            sawAuthorityStart = true;
            i += 2;
          }
        } else if (c === "/" || c === "\\") part = "path";
        else if (c === "?") part = "query";
        else if (c === "#") part = "fragment";
      } else if (part === "path") {
        if (c === "?") part = "query";
        else if (c === "#") part = "fragment";
      } else if (part === "query" && c === "#") part = "fragment";
    }
    if (text) tokens.push({ kind: "text", text, index: offset });
  };

  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{{", i);
    if (open < 0) break;
    const close = template.indexOf("}}", open + 2);
    const nextOpen = template.indexOf("{{", open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const end = close < 0 ? template.length : nextOpen;
      diagnostics.push({
        code: "malformed_variable",
        index: open,
        length: end - open,
        message: `The "{{" at index ${open} is not closed by "}}"; write variables as {{issue.id}}.`,
      });
      advance(template.slice(textStart, end), textStart);
      textStart = end;
      i = end;
      continue;
    }
    advance(template.slice(textStart, open), textStart);
    const raw = template.slice(open + 2, close);
    const name = raw.trim();
    const length = close + 2 - open;
    if (!NAME.test(name)) {
      diagnostics.push({
        code: "malformed_variable",
        index: open,
        length,
        variable: name,
        message: `${JSON.stringify(template.slice(open, close + 2))} at index ${open} is not a variable name; expected one such as {{issue.id}} or {{custom_fields.<key>}}.`,
      });
    } else {
      tokens.push({ kind: "variable", name, index: open, length, part });
    }
    i = close + 2;
    textStart = i;
  }
  advance(template.slice(textStart), textStart);
  return tokens;
}

/** The value's text, or `null` with a diagnostic. */
function resolveVariable(token: Extract<Token, { kind: "variable" }>, values: EmbedValues | null | undefined, diagnostics: EmbedDiagnostic[]): string | null {
  const { name, index, length, part } = token;
  const at = { index, length, variable: name };
  const field = CUSTOM_FIELD.exec(name);
  if (!field && !(EMBED_VARIABLES as readonly string[]).includes(name)) {
    diagnostics.push({
      ...at,
      code: "unknown_variable",
      message: `{{${name}}} at index ${index} is not a known variable; expected one of ${EMBED_VARIABLES.map((v) => `{{${v}}}`).join(", ")} or {{custom_fields.<key>}}.`,
    });
    return null;
  }
  if (part === "origin") {
    diagnostics.push({
      ...at,
      code: "variable_in_origin",
      message: `{{${name}}} at index ${index} stands in the URL's scheme, host or port; the template must fix the origin, so variables may only fill the path, the query or the fragment.`,
    });
    return null;
  }
  const [group, key] = field ? ["custom_fields", field[1]] : (name.split(".") as [string, string]);
  const raw = readOwn(readOwn(values, group), key);
  if (raw === undefined || raw === null || raw === "") {
    diagnostics.push({ ...at, code: "missing_variable", message: `{{${name}}} at index ${index} has no value; expected values.${group}.${key} to be set.` });
    return null;
  }
  let text: string;
  if (typeof raw === "string") text = raw;
  else if ((typeof raw === "number" && Number.isFinite(raw)) || typeof raw === "boolean") text = String(raw);
  else {
    diagnostics.push({ ...at, code: "invalid_value", message: `{{${name}}} at index ${index} is ${describeType(raw)}; expected a string, a finite number or a boolean.` });
    return null;
  }
  // "." and ".." stay dot segments even percent-encoded (the URL parser decodes %2e there).
  if (part === "path" && (text === "." || text === "..")) {
    diagnostics.push({ ...at, code: "invalid_value", message: `{{${name}}} at index ${index} is ${JSON.stringify(text)}, which would move up the URL's path; expected a path segment.` });
    return null;
  }
  return text;
}

function readOwn(record: unknown, key: string): unknown {
  if (record === null || typeof record !== "object" || Array.isArray(record)) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

type HttpCheck = { ok: true; origin: string } | { ok: false; diagnostic: EmbedDiagnostic };

function checkHttpUrl(url: string, what: "template" | "result"): HttpCheck {
  const subject = what === "template" ? "The embed URL template" : "The embed URL with its values";
  const check = checkLinkUrl(url, HTTP_SCHEMES);
  if (!check.ok) {
    const diagnostic: EmbedDiagnostic =
      check.reason === "unsafe"
        ? { code: "unsafe_url", index: 0, length: url.length, message: `${subject} uses the scheme ${check.scheme}:; expected an absolute http: or https: URL.` }
        : { code: "invalid_url", index: 0, length: url.length, message: `${subject} is not a valid absolute URL; expected one such as https://app.example.com/issues/{{issue.id}}.` };
    return { ok: false, diagnostic };
  }
  return { ok: true, origin: new URL(url).origin };
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return `the number ${String(value)}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
