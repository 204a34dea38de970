import { parseWidget } from "../parse/parse-widget.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, UsageError, type CliIo } from "./cli-io.js";
import { fetchWidget } from "../host/fetch-widget.js";
import { CONTEXT_PARAMS, type ContextParam } from "../protocol/params.js";
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../protocol/request-config.js";
import { parseJsonText } from "./json-position.js";
import { parseHeaderFlags, parsePositiveInteger, readSecret, SAMPLE_CONTEXT, SECRET_HELP, SECRET_OPTIONS, parseCommandArgs } from "./options.js";
import { isUrl, readJsonInput, type InputResult } from "./read-input.js";

export const VALIDATE_HELP = `Usage: sidecard validate [options] <file|url|->...

Checks custom-app payloads against Response Schema 1.0.0 and prints every diagnostic as
  <input>: <JSON pointer>: <error|warning>: <message> [<code>]

Inputs:
  file.json      a payload file
  https://…      an app endpoint, called as a host calls it: GET with request_type=fetch_data
                 and sample context parameters (app_id, issue_id, …) unless the URL gives them;
                 no redirects followed, the answer capped in size and time (each URL on its own)
  -              read the payload from standard input

Options:
  --json              print one JSON document with every result (for scripts and CI)
  --strict            fail on warnings too
${SECRET_HELP}
  --header "N: v"     send a custom header to URLs (repeatable)
  --timeout MS        time allowed per URL, body included (default ${DEFAULT_TIMEOUT_MS})
  --max-bytes N       largest payload accepted per input (default ${DEFAULT_MAX_BYTES}, 1 MiB)
  -h, --help          show this help

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
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    ...SECRET_OPTIONS,
    header: { type: "string", multiple: true },
    timeout: { type: "string" },
    "max-bytes": { type: "string" },
  });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("validate needs at least one file, URL or - (standard input).");
  if (positionals.filter((p) => p === "-").length > 1) throw new UsageError("standard input (-) can be read only once.");

  const request: UrlRequest = {
    secret: readSecret(values),
    headers: parseHeaderFlags(values.header),
    timeoutMs: parsePositiveInteger("--timeout", values.timeout) ?? DEFAULT_TIMEOUT_MS,
    maxBytes: parsePositiveInteger("--max-bytes", values["max-bytes"]) ?? DEFAULT_MAX_BYTES,
  };

  const results: ValidateResult[] = [];
  for (const argument of positionals) {
    // One input failing (a timeout, a redirect, an endless body) never ends the run.
    const input = isUrl(argument) ? await fetchUrlInput(argument, request) : await readJsonInput(argument, io.stdin, request.maxBytes);
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

interface UrlRequest {
  secret: string | undefined;
  headers: Array<[string, string]>;
  timeoutMs: number;
  maxBytes: number;
}

/** The sample context, with any context parameter the URL already gives kept as given. */
export function contextFromUrl(url: string): Record<ContextParam, string> {
  const context: Record<ContextParam, string> = { ...SAMPLE_CONTEXT };
  let given: URLSearchParams;
  try {
    given = new URL(url).searchParams;
  } catch {
    return context;
  }
  for (const name of CONTEXT_PARAMS) {
    const value = given.get(name);
    if (value !== null) context[name] = value;
  }
  return context;
}

/** A URL input, fetched by the host client: its redirect refusal, size cap, timeout and signing. */
async function fetchUrlInput(url: string, request: UrlRequest): Promise<InputResult> {
  const result = await fetchWidget({ url, context: contextFromUrl(url), ...request });
  if (result.ok) return { ok: true, source: url, value: result.payload };
  const { error } = result;
  if (error.kind === "not_json" && error.body !== undefined) {
    if (error.body.trim() === "") return { ok: false, source: url, message: "the answer is empty, expected a JSON object" };
    const parsed = parseJsonText(error.body);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      return { ok: false, source: url, message: `the answer is not valid JSON at line ${line}, column ${column}: ${message}` };
    }
  }
  return { ok: false, source: url, message: `${error.kind}: ${error.message}` };
}
