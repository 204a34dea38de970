/**
 * Finds where JSON text stops being valid, as a line and column a person can jump to.
 * `JSON.parse` messages only sometimes carry a position, and never a line.
 */

export interface JsonSyntaxError {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  column: number;
  /** What was found and what was expected there. */
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return "the end of the input";
  const ch = text[offset];
  return /\s/.test(ch) ? `whitespace (U+${ch.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()})` : `'${ch}'`;
}

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const fail = (expected: string): never => {
    throw new Stop(i, `found ${describeAt(text, i)} where ${expected} was expected`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("a JSON value");
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail("a closing '\"'");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw new Stop(i, "found a raw control character inside a string; escape it (for example \\n)");
      if (c === 0x5c) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else {
          i++;
          fail("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
        }
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "-") fail("a JSON value");
    i += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) throw new Stop(i, "the input nests too deeply");
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail("a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("':'");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail("',' or '}'");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail("',' or ']'");
      }
    }
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) return number();
    fail("a JSON value");
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  value(0);
  ws();
  if (i < text.length) fail("the end of the input");
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON; on a syntax error, says where and what. A leading byte-order mark is allowed. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (parseError) {
    try {
      scan(text);
    } catch (stop) {
      if (stop instanceof Stop) {
        return { ok: false, error: { ...lineAndColumn(text, stop.offset), message: stop.reason } };
      }
    }
    return { ok: false, error: { line: 1, column: 1, message: String((parseError as Error).message) } };
  }
}
