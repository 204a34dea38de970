import { parseArgs } from "node:util";
import { parseWidget } from "../parse/parse-widget.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, UsageError, type CliIo } from "./cli-io.js";
import { readJsonInput } from "./read-input.js";

export const VALIDATE_HELP = `Usage: sidecard validate [options] <file|url|->...

Checks custom-app payloads against Response Schema 1.0.0 and prints every diagnostic as
  <input>: <JSON pointer>: <error|warning>: <message> [<code>]

Inputs:
  file.json      a payload file
  https://…      a URL answering the payload (fetched with GET as given)
  -              read the payload from standard input

Options:
  --json         print one JSON document with every result (for scripts and CI)
  --strict       fail on warnings too
  -h, --help     show this help

Exit status: 0 all valid, 1 a payload has errors (or warnings with --strict),
2 an input could not be read or is not JSON.
`;

export type ValidateResult =
  | { source: string; ok: boolean; errors: number; warnings: number; diagnostics: Diagnostic[] }
  | { source: string; ok: false; unreadable: true; error: string };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatDiagnostic(source: string, diagnostic: Diagnostic): string {
  const path = diagnostic.path === "" ? "(root)" : diagnostic.path;
  return `${source}: ${path}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

export async function runValidate(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("validate needs at least one file, URL or - (standard input).");
  if (positionals.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once.");

  const results: ValidateResult[] = [];
  for (const argument of positionals) {
    const input = await readJsonInput(argument, io.stdin);
    if (!input.ok) {
      results.push({ source: input.source, ok: false, unreadable: true, error: input.message });
      continue;
    }
    const { diagnostics } = parseWidget(input.value);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.length - errors;
    results.push({ source: input.source, ok: errors === 0 && (!values.strict || warnings === 0), errors, warnings, diagnostics });
  }

  const unreadable = results.some((r) => "unreadable" in r);
  const failed = results.some((r) => !r.ok);

  if (values.json) {
    io.stdout(`${JSON.stringify({ ok: !failed, strict: values.strict, results }, null, 2)}\n`);
  } else {
    for (const result of results) {
      if ("unreadable" in result) {
        io.stderr(`${result.source}: cannot validate: ${result.error}\n`);
        continue;
      }
      for (const diagnostic of result.diagnostics) io.stdout(`${formatDiagnostic(result.source, diagnostic)}\n`);
      const verdict = result.diagnostics.length === 0 ? "valid" : `${plural(result.errors, "error")}, ${plural(result.warnings, "warning")}`;
      io.stdout(`${result.source}: ${result.ok ? (result.diagnostics.length === 0 ? "valid" : `passes with ${verdict}`) : `fails with ${verdict}${result.errors === 0 ? " (--strict)" : ""}`}\n`);
    }
  }
  return unreadable ? EXIT_UNUSABLE : failed ? EXIT_INVALID : EXIT_OK;
}
