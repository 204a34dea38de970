import type { WidgetLimits } from "../parse/parse-widget.js";

// Bounds on rendered work per component. `maxComponents` bounds how many components there are;
// these bound what one of them costs: a valid 1 MiB payload may be one text with 524 k line
// breaks or one badge with 100 k items, and must still render in a bounded number of elements.

export const DEFAULT_MAX_TEXT_LINES = 50;
export const DEFAULT_MAX_BADGE_ITEMS = 50;
/** Characters of one drawn line or badge: far more than any sidebar shows before its ellipsis. */
export const MAX_DRAWN_CHARS = 1000;
/** Diagnostics an error state lists (all of them still go to `onDiagnostics`): 100 k bad badge items are 100 k diagnostics. */
export const MAX_LISTED_DIAGNOSTICS = 20;
/** Characters of a hover `title`. */
export const MAX_TITLE_CHARS = 2000;

export interface RenderLimits {
  maxTextLines: number;
  maxBadgeItems: number;
}

export const defaultRenderLimits: RenderLimits = { maxTextLines: DEFAULT_MAX_TEXT_LINES, maxBadgeItems: DEFAULT_MAX_BADGE_ITEMS };

/** A count limit: a finite number ≥ 0 (rounded down), anything else the default. */
function countLimit(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

export function resolveRenderLimits(limits: WidgetLimits | undefined): RenderLimits {
  return {
    maxTextLines: countLimit(limits?.maxTextLines, DEFAULT_MAX_TEXT_LINES),
    maxBadgeItems: countLimit(limits?.maxBadgeItems, DEFAULT_MAX_BADGE_ITEMS),
  };
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function boundChars(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface ShownLines {
  /** The first lines, joined with "\n" (a `\r\n` or `\r` break becomes "\n", which CSS breaks at). */
  text: string;
  /** Lines left out. */
  hidden: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The first `max` lines of `value`, each bounded in length, and how many lines were left out. One pass, no array of every line. */
export function takeLines(value: string, max: number): ShownLines {
  const lines: string[] = [];
  let hidden = 0;
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(value); ; match = LINE_BREAK.exec(value)) {
    const end = match ? match.index : value.length;
    if (lines.length < max) lines.push(boundChars(value.slice(start, Math.min(end, start + MAX_DRAWN_CHARS + 1)), MAX_DRAWN_CHARS));
    // What follows a break at the very end is no line (CSS draws none there), so it is never "one more".
    else if (match || start < value.length) hidden++;
    if (!match) break;
    start = match.index + match[0].length;
  }
  return { text: lines.join("\n"), hidden };
}
