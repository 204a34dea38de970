import { parseWidget } from "../../parse/parse-widget.js";
import type { Diagnostic } from "../../schema/diagnostic.js";
import { parseJsonText } from "../json-position.js";
import type { PreviewFetchResult } from "../preview/protocol.js";

/** What the page shows for one fetch_data answer. */
export interface ExchangeView {
  /** The payload to render, when the app answered 200 with JSON. */
  payload: { value: unknown } | null;
  /** A sentence about why there is nothing to render, when there is not. */
  problem: string | null;
  diagnostics: Diagnostic[];
  /** The answer pretty-printed when it is JSON, else as received. */
  raw: string;
}

function isDiagnosticList(value: unknown): value is Diagnostic[] {
  return Array.isArray(value) && value.every((d) => typeof d === "object" && d !== null && "path" in d && "message" in d);
}

export function analyzeExchange(result: PreviewFetchResult): ExchangeView {
  if (result.networkError !== null || result.body === null) {
    return { payload: null, problem: `No answer: ${result.networkError ?? "the app sent nothing"}.`, diagnostics: [], raw: "" };
  }
  const parsed = parseJsonText(result.body);
  const raw = parsed.ok ? JSON.stringify(parsed.value, null, 2) : result.body;
  if (result.status !== 200) {
    // createCustomAppHandler answers 500 with the diagnostics of an invalid payload: show them.
    const body = parsed.ok ? (parsed.value as { error?: unknown; diagnostics?: unknown } | null) : null;
    const detail = typeof body?.error === "string" ? `: ${body.error}` : ".";
    return {
      payload: null,
      problem: `The app answered HTTP ${result.status}${detail}`,
      diagnostics: isDiagnosticList(body?.diagnostics) ? body.diagnostics : [],
      raw,
    };
  }
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { payload: null, problem: `The answer is not valid JSON at line ${line}, column ${column}: ${message}.`, diagnostics: [], raw };
  }
  const truncated = result.truncated ? " (cut at 5 MB)" : "";
  return {
    payload: { value: parsed.value },
    problem: truncated ? `The answer was too large and was cut${truncated}.` : null,
    diagnostics: parseWidget(parsed.value).diagnostics,
    raw,
  };
}
