/** Appends one segment to an RFC 6901 JSON Pointer, escaping `~` and `/`. */
export function appendPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
