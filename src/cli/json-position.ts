/**
 * Where things are in JSON text, as a line and column a person can jump to: where the text stops
 * being valid (`JSON.parse` messages only sometimes carry a position, and never a line), and
 * where the value a diagnostic's JSON Pointer names begins. The CLI, the preview page and
 * Storybook's playground all use this one module.
 */

export interface JsonTextPosition {
  /** 0-based offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  column: number;
}

export interface JsonSyntaxError extends JsonTextPosition {
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

/** Called at the start of every value with its JSON Pointer segments (the array is reused). */
type ValueVisitor = (segments: readonly string[], offset: number) => void;

function scan(text: string, visit?: ValueVisitor): void {
  let i = 0;
  const segments: string[] = [];
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
  // Iterative, with the open containers on a heap stack: nesting deep enough to overflow the
  // call stack is still valid JSON (JSON.parse takes it) and must get its positions.
  const open: Array<{ array: boolean; index: number }> = [];
  const key = () => {
    ws();
    if (text[i] !== '"') fail("a property name in double quotes");
    const keyStart = i;
    string();
    ws();
    if (text[i] !== ":") fail("':'");
    i++;
    if (visit) segments.push(JSON.parse(text.slice(keyStart, i - 1).trimEnd()) as string);
  };
  /** Reads one value; true when it opened a non-empty container, whose first member comes next. */
  const value = (): boolean => {
    ws();
    visit?.(segments, i);
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      i++;
      ws();
      if (text[i] === (ch === "{" ? "}" : "]")) {
        i++;
        return false;
      }
      open.push({ array: ch === "[", index: 0 });
      if (ch === "{") key();
      else if (visit) segments.push("0");
      return true;
    }
    if (ch === '"') string();
    else if (ch === "t") literal("true");
    else if (ch === "f") literal("false");
    else if (ch === "n") literal("null");
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) number();
    else fail("a JSON value");
    return false;
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  let opened = value();
  while (open.length > 0) {
    if (opened) {
      opened = value();
      continue;
    }
    // A member just ended: a comma starts the next one, the closer ends its container.
    const top = open[open.length - 1];
    if (visit) segments.pop();
    ws();
    if (text[i] === ",") {
      i++;
      if (top.array) {
        top.index++;
        if (visit) segments.push(String(top.index));
      } else key();
      opened = value();
      continue;
    }
    if (text[i] === (top.array ? "]" : "}")) {
      i++;
      open.pop();
      continue;
    }
    fail(top.array ? "',' or ']'" : "',' or '}'");
  }
  ws();
  if (i < text.length) fail("the end of the input");
}

/** Line and column of an offset; lines end at "\n" (so "\r\n" too), as editors count them. */
function positionAt(text: string, offset: number): JsonTextPosition {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === "\n") {
      line++;
      lineStart = k + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
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
        return { ok: false, error: { ...positionAt(text, stop.offset), message: stop.reason } };
      }
    }
    return { ok: false, error: { offset: 0, line: 1, column: 1, message: String((parseError as Error).message) } };
  }
}

function pointerSegments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * Where the value each JSON Pointer names begins in valid JSON `text` (one pass for all of
 * them). A pointer to something absent (a missing property) gets its deepest present ancestor,
 * so every diagnostic of a parsed payload has a place to jump to. Invalid text gives an empty map.
 */
export function locateJsonPointers(text: string, pointers: Iterable<string>): Map<string, JsonTextPosition> {
  const wanted = new Map<string, string[]>();
  for (const pointer of pointers) wanted.set(pointer, pointerSegments(pointer));
  const found = new Map<string, JsonTextPosition>();
  if (wanted.size === 0) return found;
  // Every pointer's prefixes, each with the pointers it serves; the deepest match seen wins.
  const byPrefix = new Map<string, Array<{ pointer: string; depth: number }>>();
  const deepest = new Map<string, { depth: number; offset: number }>();
  for (const [pointer, segments] of wanted) {
    for (let depth = 0; depth <= segments.length; depth++) {
      const key = segments.slice(0, depth).join("/");
      const list = byPrefix.get(key) ?? [];
      list.push({ pointer, depth });
      byPrefix.set(key, list);
    }
  }
  // A loop, not Math.max(...): a spread of one argument per diagnostic overflows the stack.
  let maxDepth = 0;
  for (const segments of wanted.values()) maxDepth = Math.max(maxDepth, segments.length);
  try {
    scan(text, (segments, offset) => {
      if (segments.length > maxDepth) return;
      for (const { pointer, depth } of byPrefix.get(segments.join("/")) ?? []) {
        // The same prefix string can come from different segment splits ("a/b" as one key): compare segments.
        const target = wanted.get(pointer)!;
        if (depth !== segments.length || segments.some((segment, k) => segment !== target[k])) continue;
        if ((deepest.get(pointer)?.depth ?? -1) < depth) deepest.set(pointer, { depth, offset });
      }
    });
  } catch (stop) {
    if (stop instanceof Stop) return found;
    throw stop;
  }
  // One walk over the text for all offsets, in order (a diagnostic list can be long).
  const ordered = [...deepest].sort((a, b) => a[1].offset - b[1].offset);
  let line = 1;
  let lineStart = 0;
  let k = 0;
  for (const [pointer, { offset }] of ordered) {
    for (; k < offset; k++) {
      if (text[k] === "\n") {
        line++;
        lineStart = k + 1;
      }
    }
    found.set(pointer, { offset, line, column: offset - lineStart + 1 });
  }
  return found;
}
