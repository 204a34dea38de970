import { locateJsonPointers, parseJsonText, type JsonSyntaxError, type JsonTextPosition } from "../json-position.js";
import { parseWidget } from "../../parse/parse-widget.js";
import type { Diagnostic } from "../../schema/diagnostic.js";

/** The most problems listed; a payload with thousands says so in one line instead. */
export const MAX_LISTED_PROBLEMS = 200;

export interface LocatedDiagnostic extends Diagnostic {
  /** Where the value the diagnostic's path names begins in the editor text. */
  position: JsonTextPosition | null;
}

export type PayloadAnalysis =
  | { kind: "empty" }
  | { kind: "syntax"; error: JsonSyntaxError }
  | { kind: "parsed"; value: unknown; diagnostics: LocatedDiagnostic[]; errors: number; warnings: number };

/** The editor text → what the page shows: a JSON syntax error, or the payload with its diagnostics placed at lines. */
export function analyzePayloadText(text: string): PayloadAnalysis {
  if (text.trim() === "") return { kind: "empty" };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { kind: "syntax", error: parsed.error };
  const { diagnostics } = parseWidget(parsed.value);
  const positions = locateJsonPointers(text, diagnostics.map((d) => d.path));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    kind: "parsed",
    value: parsed.value,
    diagnostics: diagnostics.map((d) => ({ ...d, position: positions.get(d.path) ?? null })),
    errors,
    warnings: diagnostics.length - errors,
  };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
