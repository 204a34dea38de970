/** URL schemes a button or link may use unless the host says otherwise. */
export const DEFAULT_URL_SCHEMES: readonly string[] = ["https", "http", "mailto", "tel"];

export type LinkUrlCheck =
  | { ok: true; href: string; scheme: string }
  | { ok: false; reason: "invalid"; scheme?: undefined }
  | { ok: false; reason: "unsafe"; scheme: string };

/** `"JavaScript:"` and `"javascript"` both mean the scheme `javascript`. */
export function normalizeScheme(scheme: string): string {
  return scheme.trim().toLowerCase().replace(/:$/, "");
}

// Plain URLs that the WHATWG parser is certain to accept with this scheme skip `new URL`,
// which costs microseconds per call; everything else takes the full parser. Read by hand
// because this runs for every link of every payload: no match arrays, no substrings.
//   http(s)://host[:port] then the end or "/", "?" or "#", with host labels of [A-Za-z0-9-],
//   the last one holding a letter and not a 0x-number (so no IPv4 parsing), no punycode
//   (xn--), port ≤ 65535;  or mailto:/tel:
// Only the start needs reading: past the authority of an http(s) URL, and anywhere after
// "mailto:"/"tel:", the parser percent-encodes or drops what it meets but never fails (the
// property test in test/parse/url-safety.test.ts holds this against `new URL`).

// Case is folded for ASCII letters only. A bare `| 0x20` would also map U+001A to ":" and
// U+000F to "/", so "tel\u001a/../admin" would pass for "tel:" (the parser sees a relative URL).

/** The code unit with an ASCII upper-case letter made lower-case; every other unit as it is. */
const foldLetter = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** True when `value` starts with `prefix` (lower-case letters, ":" and "/"), ignoring letter case. */
function startsWithFolded(value: string, prefix: string): boolean {
  if (value.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (foldLetter(value.charCodeAt(i)) !== prefix.charCodeAt(i)) return false;
  return true;
}

const isLetter = (c: number) => foldLetter(c) >= 0x61 && foldLetter(c) <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHexDigit = (c: number) => isDigit(c) || (foldLetter(c) >= 0x61 && foldLetter(c) <= 0x66);

/** `start` is just after "//". Returns the index just past a plain host, or -1. */
function scanPlainHost(value: string, start: number): number {
  let i = start;
  let labelStart = start;
  let labelHasLetter = false;
  let lastStart = -1; // the last non-empty label: a trailing dot may follow it
  let lastEnd = -1;
  let lastHasLetter = false;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2e) {
      if (i === labelStart) return -1; // an empty label
      lastStart = labelStart;
      lastEnd = i;
      lastHasLetter = labelHasLetter;
      labelStart = i + 1;
      labelHasLetter = false;
    } else if (isLetter(c)) {
      labelHasLetter = true;
    } else if (c === 0x2d) {
      // "xn--" anywhere: punycode, which the parser decodes and may reject.
      if (i - 3 >= start && value.charCodeAt(i - 1) === 0x2d && foldLetter(value.charCodeAt(i - 2)) === 0x6e && foldLetter(value.charCodeAt(i - 3)) === 0x78) return -1;
    } else if (!isDigit(c)) {
      break;
    }
  }
  if (labelStart < i) {
    lastStart = labelStart;
    lastEnd = i;
    lastHasLetter = labelHasLetter;
  }
  if (lastStart < 0 || !lastHasLetter) return -1;
  // "0x1f" is a number to the IPv4 parser.
  if (lastEnd - lastStart >= 2 && value.charCodeAt(lastStart) === 0x30 && foldLetter(value.charCodeAt(lastStart + 1)) === 0x78) {
    let hex = true;
    for (let k = lastStart + 2; k < lastEnd && hex; k++) hex = isHexDigit(value.charCodeAt(k));
    if (hex) return -1;
  }
  return i;
}

function plainScheme(value: string): string | null {
  let i: number;
  let scheme: string;
  if (startsWithFolded(value, "https://")) {
    scheme = "https";
    i = 8;
  } else if (startsWithFolded(value, "http://")) {
    scheme = "http";
    i = 7;
  } else if (startsWithFolded(value, "mailto:")) {
    return "mailto";
  } else if (startsWithFolded(value, "tel:")) {
    return "tel";
  } else {
    return null;
  }
  i = scanPlainHost(value, i);
  if (i < 0) return null;
  if (value.charCodeAt(i) === 0x3a) {
    let port = 0;
    let digits = 0;
    for (i++; i < value.length && isDigit(value.charCodeAt(i)); i++, digits++) port = port * 10 + value.charCodeAt(i) - 0x30;
    if (digits === 0 || digits > 5 || port > 65535) return null;
  }
  if (i === value.length) return scheme;
  const c = value.charCodeAt(i);
  return c === 0x2f || c === 0x3f || c === 0x23 ? scheme : null;
}

function schemeAllowed(scheme: string, allowedSchemes: readonly string[]): boolean {
  // Lists are nearly always written in normal form ("https"): compare as is first, and only
  // normalise ("HTTPS:", " tel") when that finds nothing.
  for (const allowed of allowedSchemes) if (allowed === scheme) return true;
  for (const allowed of allowedSchemes) if (normalizeScheme(allowed) === scheme) return true;
  return false;
}

/**
 * Judges a button or link URL the way a browser parses it (WHATWG URL: leading control
 * characters and spaces dropped, tabs and newlines removed, the scheme lower-cased), so no
 * spelling of `javascript:` slips through. Only absolute URLs pass: the browser resolves such
 * an `href` exactly as judged here, whatever the page's base URL.
 */
export function checkLinkUrl(value: string, allowedSchemes: readonly string[] = DEFAULT_URL_SCHEMES): LinkUrlCheck {
  let scheme = plainScheme(value);
  if (scheme === null) {
    try {
      scheme = normalizeScheme(new URL(value).protocol);
    } catch {
      return { ok: false, reason: "invalid" };
    }
  }
  if (!schemeAllowed(scheme, allowedSchemes)) return { ok: false, reason: "unsafe", scheme };
  return { ok: true, href: value, scheme };
}

/** True when a button or link may point at `value`: an absolute URL with an allowed scheme. */
export function isSafeUrl(value: string, allowedSchemes: readonly string[] = DEFAULT_URL_SCHEMES): boolean {
  const scheme = plainScheme(value); // no result object on the fast path: this runs per link
  return scheme === null ? checkLinkUrl(value, allowedSchemes).ok : schemeAllowed(scheme, allowedSchemes);
}

/** Icons are images only: absolute http(s) URLs or inline `data:image/…` URLs. */
export function toSafeIconSrc(value: string): string | null {
  const scheme = plainScheme(value);
  if (scheme === "https" || scheme === "http") return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol === "https:" || url.protocol === "http:") return value;
  if (url.protocol === "data:" && /^image\/[a-z0-9.+-]+[;,]/i.test(url.pathname)) return value;
  return null;
}
