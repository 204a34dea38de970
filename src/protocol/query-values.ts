import type { GoString, GoValues } from "./go-json.js";

/** What `signQuery` and `verifySignature` accept as the request's parameters. */
export type QueryParams = string | URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

/**
 * UTF-8 both ways, the TextEncoder/TextDecoder made on first use: importing a module must need no globals (Jest's jsdom has none).
 * `ignoreBOM`: a leading U+FEFF is part of a name or value (it was signed), not a mark to drop.
 */
let encoder: TextEncoder | undefined;
let decoder: TextDecoder | undefined;
export const utf8 = {
  encode: (text: string): Uint8Array<ArrayBuffer> => (encoder ??= new TextEncoder()).encode(text),
  decode: (bytes: Uint8Array): string => (decoder ??= new TextDecoder("utf-8", { ignoreBOM: true })).decode(bytes),
};

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  return -1;
}

/** Go's `url.QueryUnescape` over bytes: `+` is a space; `null` for a malformed `%` escape. */
function queryUnescape(s: Uint8Array): GoString | null {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const b = s[i];
    if (b === 0x25) {
      const hi = i + 2 < s.length ? hexValue(s[i + 1]) : -1;
      const lo = i + 2 < s.length ? hexValue(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) return null;
      out[n++] = (hi << 4) | lo;
      i += 2;
    } else {
      out[n++] = b === 0x2b ? 0x20 : b;
    }
  }
  return out.slice(0, n);
}

function split(s: Uint8Array, separator: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === separator) {
      parts.push(s.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

/** Groups `[key, value]` pairs into distinct keys, keeping values in order (Go's `url.Values`). */
export function groupGoPairs(pairs: Iterable<readonly [GoString, GoString]>): GoValues {
  const byKey = new Map<string, [GoString, GoString[]]>();
  for (const [key, value] of pairs) {
    const id = Array.from(key, (b) => String.fromCharCode(b)).join("");
    const entry = byKey.get(id);
    if (entry) entry[1].push(value);
    else byKey.set(id, [key, [value]]);
  }
  return [...byKey.values()];
}

/** A query read the way Go's `url.ParseQuery` reads it, pair by pair, in wire order. */
export interface GoQueryRead {
  /** The pairs Go keeps, unescaped, in the order they were sent. */
  pairs: Array<readonly [key: GoString, value: GoString]>;
  /** The raw pairs Go skips: ones with a `;` or a malformed `%` escape (empty pairs are not counted). */
  dropped: string[];
}


/**
 * Go's `url.ParseQuery` (what `r.URL.Query()` gives a Go server): pairs split on `&`, a pair
 * with a `;` or a malformed `%` escape is skipped, a key without `=` has the value `""`. Also
 * returns what was skipped, so a caller can refuse a query whose parses could disagree.
 */
export function readGoQuery(query: string): GoQueryRead {
  const raw = utf8.encode(query.startsWith("?") ? query.slice(1) : query);
  const pairs: Array<readonly [GoString, GoString]> = [];
  const dropped: string[] = [];
  for (const part of split(raw, 0x26)) {
    if (part.length === 0) continue;
    if (part.includes(0x3b)) {
      dropped.push(utf8.decode(part));
      continue;
    }
    const eq = part.indexOf(0x3d);
    const key = queryUnescape(eq === -1 ? part : part.subarray(0, eq));
    const value = queryUnescape(eq === -1 ? new Uint8Array(0) : part.subarray(eq + 1));
    if (key === null || value === null) {
      dropped.push(utf8.decode(part));
      continue;
    }
    pairs.push([key, value]);
  }
  return { pairs, dropped };
}

/** A query as a server reads it, signature and all, or why it must be refused (a sentence). */
export type ServerQuery = { ok: true; values: GoValues; params: URLSearchParams } | { ok: false; message: string };

const QUOTED_PAIR_LIMIT = 80;

function quotePair(pair: string): string {
  return JSON.stringify(pair.length > QUOTED_PAIR_LIMIT ? `${pair.slice(0, QUOTED_PAIR_LIMIT - 1)}…` : pair);
}

/**
 * One parse, Go's, for both the signature (`values`) and everything a server reads (`params`, in
 * wire order: `get` gives the first value, as Go's `Get` does). A pair Go would skip (a `;`, a
 * malformed `%` escape) refuses the query: other parsers keep it, so it could carry an unsigned
 * value past a signature that never saw it.
 */
export function readServerQuery(query: string): ServerQuery {
  const read = readGoQuery(query);
  if (read.dropped.length > 0) {
    return {
      ok: false,
      message: `The query has a pair that Go's url.ParseQuery skips: ${quotePair(read.dropped[0])} (a ";" or a malformed "%" escape); expected every name and value percent-encoded.`,
    };
  }
  const params = new URLSearchParams();
  for (const [key, value] of read.pairs) params.append(goStringText(key), goStringText(value));
  return { ok: true, values: groupGoPairs(read.pairs), params };
}

/** A Go string as JavaScript text: invalid UTF-8 becomes U+FFFD (one per bad sequence). */
export function goStringText(s: GoString): string {
  return utf8.decode(s);
}

/** Go's `url.ParseQuery` as `url.Values`: what a Go app, and the signature, see. */
export function parseGoQuery(query: string): GoValues {
  return groupGoPairs(readGoQuery(query).pairs);
}

/**
 * The parameters as Go would see them on the wire. Strings become UTF-8 (a lone surrogate
 * becomes U+FFFD, as `URLSearchParams` sends it); a record key with no values is left out,
 * since a query string cannot carry it.
 */
export function toGoValues(params: QueryParams): GoValues {
  if (typeof params === "string") return parseGoQuery(params);
  const pairs: Array<readonly [GoString, GoString]> = [];
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) pairs.push([utf8.encode(key), utf8.encode(value)]);
  } else {
    for (const key of Object.keys(params)) {
      const value = params[key];
      const list: readonly string[] = typeof value === "string" ? [value] : (value ?? []);
      for (const item of list) pairs.push([utf8.encode(key), utf8.encode(String(item))]);
    }
  }
  return groupGoPairs(pairs);
}
