/** Every diagnostic `parseWidget` can report, with its severity (SPEC §3). */
export const DIAGNOSTIC_SEVERITY = {
  invalid_root: "error",
  unknown_type: "error",
  nested_card: "error",
  missing_field: "error",
  invalid_type: "error",
  invalid_value: "error",
  invalid_date_time: "error",
  invalid_url: "error",
  unsafe_url: "error",
  unsupported_version: "error",
  too_many_components: "error",
  missing_version: "warning",
  invalid_version: "warning",
  missing_header: "warning",
  unknown_color: "warning",
  invalid_icon_url: "warning",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_SEVERITY;
export type DiagnosticSeverity = "error" | "warning";

export interface Diagnostic {
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  /** RFC 6901 JSON Pointer into the input: `""` for the root, `/components/0/label`. */
  path: string;
  /** One plain sentence naming what was found and what was expected. */
  message: string;
}

export function diagnostic(code: DiagnosticCode, path: string, message: string): Diagnostic {
  return { severity: DIAGNOSTIC_SEVERITY[code], code, path, message };
}
