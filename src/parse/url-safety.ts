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

/**
 * Judges a button or link URL the way a browser would parse it (WHATWG URL: leading control
 * characters and spaces are dropped, tabs and newlines removed, the scheme lower-cased), so no
 * spelling of `javascript:` slips through. The returned `href` is the parsed URL, which is
 * exactly what was judged; render that, never the raw string.
 */
export function checkLinkUrl(value: string, allowedSchemes: readonly string[] = DEFAULT_URL_SCHEMES): LinkUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const scheme = normalizeScheme(url.protocol);
  if (!allowedSchemes.some((allowed) => normalizeScheme(allowed) === scheme)) {
    return { ok: false, reason: "unsafe", scheme };
  }
  return { ok: true, href: url.href, scheme };
}

/** Icons are images only: absolute http(s) URLs or inline `data:image/…` URLs. */
export function toSafeIconSrc(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  if (url.protocol === "data:" && /^image\/[a-z0-9.+-]+[;,]/i.test(url.pathname)) return url.href;
  return null;
}

/** True when a button or link may point at `value`: an absolute URL with an allowed scheme. */
export function isSafeUrl(value: string, allowedSchemes: readonly string[] = DEFAULT_URL_SCHEMES): boolean {
  return checkLinkUrl(value, allowedSchemes).ok;
}
