/** Where a JSON text breaks: 1-based line and column, and the 0-based offset. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; message: string; location: JsonErrorLocation | null };

/** `JSON.parse` that reports where the text breaks instead of throwing. */
export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message, location: locateJsonError(text, message) };
  }
}

/**
 * Engines word JSON.parse errors differently, so read every known form and, when the message
 * carries no position, find the break ourselves:
 * - V8 (Chrome ≥ 124, Node ≥ 22): "… in JSON at position 42 (line 3 column 5)"
 * - V8 (older): "… in JSON at position 42"
 * - SpiderMonkey: "JSON.parse: … at line 3 column 5 of the JSON data"
 * - V8 "Unexpected end of JSON input": the end of the text
 * - V8 "Unexpected token 'x', "…" is not valid JSON", JavaScriptCore: no position, so scan.
 */
export function locateJsonError(text: string, message: string): JsonErrorLocation | null {
  const lineColumn = /\(line (\d+) column (\d+)\)|at line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const line = Number(lineColumn[1] ?? lineColumn[3]);
    const column = Number(lineColumn[2] ?? lineColumn[4]);
    return { offset: offsetOf(text, line, column), line, column };
  }
  const position = /at position (\d+)/.exec(message);
  if (position) return locationOf(text, Math.min(Number(position[1]), text.length));
  if (/end of (JSON )?input|unexpected end of data|Unexpected EOF/i.test(message)) return locationOf(text, text.length);
  const scanned = findJsonErrorOffset(text);
  return scanned === null ? null : locationOf(text, scanned);
}

/** Line and column (1-based) of a 0-based offset; `\r\n`, `\r` and `\n` each end a line. */
export function locationOf(text: string, offset: number): JsonErrorLocation {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) {
      line++;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next === -1) return text.length;
    offset += next + (text.startsWith("\r\n", offset + next) ? 2 : 1);
  }
  return Math.min(offset + column - 1, text.length);
}

/**
 * The offset of the first character that makes `text` invalid JSON (RFC 8259), or null when it
 * is valid. A small recursive-descent scanner, used only when the engine's message has no position.
 */
export function findJsonErrorOffset(text: string): number | null {
  let index = 0;
  class Stop {
    constructor(readonly offset: number) {}
  }
  const fail = (): never => {
    throw new Stop(index);
  };
  const skipWhitespace = () => {
    while (index < text.length && " \t\n\r".includes(text[index])) index++;
  };
  const expect = (char: string) => (text[index] === char ? index++ : fail());
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const string = () => {
    expect('"');
    while (index < text.length && text[index] !== '"') {
      const code = text.charCodeAt(index);
      if (code < 0x20) fail();
      if (text[index] === "\\") {
        index++;
        if (text[index] === "u") {
          index++;
          for (let digit = 0; digit < 4; digit++) (/[0-9a-fA-F]/.test(text[index] ?? "") ? index++ : fail());
        } else if (index < text.length && '"\\/bfnrt'.includes(text[index])) index++;
        else fail();
      } else index++;
    }
    expect('"');
  };
  const digits = () => {
    if (!/[0-9]/.test(text[index] ?? "")) fail();
    while (/[0-9]/.test(text[index] ?? "")) index++;
  };
  const number = () => {
    if (text[index] === "-") index++;
    if (text[index] === "0") index++;
    else digits();
    if (text[index] === ".") {
      index++;
      digits();
    }
    if (text[index] === "e" || text[index] === "E") {
      index++;
      if (text[index] === "+" || text[index] === "-") index++;
      digits();
    }
  };
  const value = (): void => {
    skipWhitespace();
    const char = text[index];
    if (char === "{") {
      index++;
      skipWhitespace();
      if (text[index] === "}") return void index++;
      for (;;) {
        skipWhitespace();
        string();
        skipWhitespace();
        expect(":");
        value();
        skipWhitespace();
        if (text[index] === ",") index++;
        else return void expect("}");
      }
    }
    if (char === "[") {
      index++;
      skipWhitespace();
      if (text[index] === "]") return void index++;
      for (;;) {
        value();
        skipWhitespace();
        if (text[index] === ",") index++;
        else return void expect("]");
      }
    }
    if (char === '"') return string();
    if (char === "t") return literal("true");
    if (char === "f") return literal("false");
    if (char === "n") return literal("null");
    if (char === "-" || /[0-9]/.test(char ?? "")) return number();
    fail();
  };
  try {
    value();
    skipWhitespace();
    return index < text.length ? index : null;
  } catch (stop) {
    if (stop instanceof Stop) return stop.offset;
    throw stop;
  }
}
