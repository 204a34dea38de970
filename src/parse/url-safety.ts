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

// Plain ASCII URLs that the WHATWG parser is certain to accept unchanged in meaning: a letter
// in the last host label (so no IPv4 parsing), no punycode, a real port, printable characters.
// They skip `new URL`, which costs microseconds per call; everything else takes the full parser.
const PLAIN_HTTP_URL = /^(https?):\/\/(?:[A-Za-z0-9-]+\.)*([A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*)\.?(?::(\d{1,5}))?(?:[/?#][\x21-\x7e]*)?$/i;
const PLAIN_OPAQUE_URL = /^(mailto|tel):[\x21-\x7e]*$/i;
const HEX_NUMBER = /^0x[0-9a-f]*$/i;

function plainScheme(value: string): string | null {
  const opaque = PLAIN_OPAQUE_URL.exec(value);
  if (opaque) return opaque[1].toLowerCase();
  const http = PLAIN_HTTP_URL.exec(value);
  if (!http || HEX_NUMBER.test(http[2]) || /xn--/i.test(value)) return null;
  if (http[3] !== undefined && Number(http[3]) > 65535) return null;
  return http[1].toLowerCase();
}

function schemeAllowed(scheme: string, allowedSchemes: readonly string[]): boolean {
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
  return checkLinkUrl(value, allowedSchemes).ok;
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
