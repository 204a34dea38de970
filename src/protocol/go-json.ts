/**
 * Go's `encoding/json` serialisation of `url.Values` (`map[string][]string`), byte for byte, as
 * `json.Marshal` writes it (Go 1.19): keys sorted by their UTF-8 bytes, no spaces, HTML-safe
 * escaping. Strings are handled as UTF-8 bytes because Go's strings are bytes: invalid UTF-8 is
 * written as `\ufffd`, one per bad byte, exactly as Go does.
 */

/** A parameter name or value as the UTF-8 bytes Go would hold in its string. */
export type GoString = Uint8Array;

/** `url.Values` in byte form: keys in any order, each with its values in order. */
export type GoValues = ReadonlyArray<readonly [key: GoString, values: readonly GoString[]]>;

const HEX = "0123456789abcdef";
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Bytes below U+0080 that Go writes unescaped with `escapeHTML` on (its `htmlSafeSet`). */
function isHtmlSafeAscii(b: number): boolean {
  return b >= 0x20 && b !== QUOTE && b !== BACKSLASH && b !== 0x3c && b !== 0x3e && b !== 0x26;
}

/**
 * Go's `utf8.DecodeRune`: the rune at `i` and its width, or `-1` with width 1 for invalid UTF-8
 * (overlong forms, surrogates, values above U+10FFFF and truncated sequences all count as invalid).
 */
function decodeRune(s: GoString, i: number): [rune: number, width: number] {
  const b0 = s[i];
  const at = (k: number) => (i + k < s.length ? s[i + k] : -1);
  const cont = (b: number, lo = 0x80, hi = 0xbf) => b >= lo && b <= hi;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const b1 = at(1);
    return cont(b1) ? [((b0 & 0x1f) << 6) | (b1 & 0x3f), 2] : [-1, 1];
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    const b1 = at(1);
    const b2 = at(2);
    if (!cont(b1, lo, hi) || !cont(b2)) return [-1, 1];
    return [((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f), 3];
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    const b1 = at(1);
    const b2 = at(2);
    const b3 = at(3);
    if (!cont(b1, lo, hi) || !cont(b2) || !cont(b3)) return [-1, 1];
    return [((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f), 4];
  }
  return [-1, 1];
}

class ByteWriter {
  private buffer = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  bytes(s: Uint8Array): void {
    this.reserve(s.length);
    this.buffer.set(s, this.length);
    this.length += s.length;
  }

  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Go's `encodeState.string` with `escapeHTML` true. */
function writeGoString(out: ByteWriter, s: GoString): void {
  out.byte(QUOTE);
  let start = 0;
  let i = 0;
  while (i < s.length) {
    const b = s[i];
    if (b < 0x80) {
      if (isHtmlSafeAscii(b)) {
        i++;
        continue;
      }
      out.bytes(s.subarray(start, i));
      out.byte(BACKSLASH);
      if (b === QUOTE || b === BACKSLASH) out.byte(b);
      else if (b === 0x0a) out.ascii("n");
      else if (b === 0x0d) out.ascii("r");
      else if (b === 0x09) out.ascii("t");
      // Go 1.19 writes \b and \f as \u0008 and \u000c like every other control byte.
      else out.ascii("u00" + HEX[b >> 4] + HEX[b & 0xf]);
      i++;
      start = i;
      continue;
    }
    const [rune, width] = decodeRune(s, i);
    if (rune === -1) {
      out.bytes(s.subarray(start, i));
      out.ascii("\\ufffd");
      i += width;
      start = i;
      continue;
    }
    if (rune === 0x2028 || rune === 0x2029) {
      out.bytes(s.subarray(start, i));
      out.ascii("\\u202" + HEX[rune & 0xf]);
      i += width;
      start = i;
      continue;
    }
    i += width;
  }
  out.bytes(s.subarray(start));
  out.byte(QUOTE);
}

/** Byte-wise comparison, the order of Go's `<` on strings. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

/**
 * `json.Marshal(url.Values)`. Keys must be distinct (a Go map cannot repeat them); values are
 * written in the order given.
 */
export function marshalGoValues(values: GoValues): Uint8Array {
  const entries = [...values].sort((a, b) => compareBytes(a[0], b[0]));
  const out = new ByteWriter();
  out.byte(0x7b); // {
  entries.forEach(([key, list], index) => {
    if (index > 0) out.byte(0x2c); // ,
    writeGoString(out, key);
    out.byte(0x3a); // :
    out.byte(0x5b); // [
    list.forEach((value, valueIndex) => {
      if (valueIndex > 0) out.byte(0x2c);
      writeGoString(out, value);
    });
    out.byte(0x5d); // ]
  });
  out.byte(0x7d); // }
  return out.result();
}
