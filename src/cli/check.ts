import { fetchWidget, type FetchWidgetResult } from "../host/fetch-widget.js";
import { HANDSHAKE_MAX_BYTES, verifyEndpoint } from "../host/verify-endpoint.js";
import type { ContextParam } from "../protocol/params.js";
import { checkRequestConfig, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from "../protocol/request-config.js";
import { describeEndpoint, formatBytes, formatDuration, mediaType } from "../protocol/request.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import { EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, UsageError, type CliIo } from "./cli-io.js";
import {
  parseContextFlags,
  parseHeaderFlags,
  parsePositiveInteger,
  readSecret,
  SAMPLE_CONTEXT,
  SECRET_HELP,
  SECRET_OPTIONS,
  parseCommandArgs,
} from "./options.js";

export const CHECK_HELP = `Usage: sidecard check <url> [options]

A conformance run for an app endpoint, as a help desk built with sidecard calls it (the host
client's own code: no redirects, the answer capped in size and time):
  1. the handshake with a fresh code (a JSON {"code": …} or text/plain answer);
  2. fetch_data with the seven context parameters for sample contexts (all values; the
     optional ones missing; with a secret, characters that Go's JSON escapes), each answer
     validated against Response Schema 1.0.0 with every diagnostic and its path;
  3. time, size and content type of every answer against the host's limits;
  4. with a secret: requests with a wrong signature and with none, which must be refused.

Options:
${SECRET_HELP}
  --header "N: v"     a custom header the app is configured with (repeatable)
  --context k=v       a context value for the sample contexts, e.g. issue_id=123 (repeatable)
  --timeout MS        the host's time limit per request (default ${DEFAULT_TIMEOUT_MS})
  --max-bytes N       the host's size limit for an answer (default ${DEFAULT_MAX_BYTES}, 1 MiB)
  --json              print the report as one JSON document
  -h, --help          show this help

Exit status: 0 conformant (warnings allowed), 1 problems found, 2 could not run (bad options,
nothing answering at the URL).
`;

export type CheckStatus = "pass" | "warn" | "fail";

export interface CheckFinding {
  severity: "error" | "warning";
  message: string;
}

export interface CheckRequestFacts {
  durationMs: number;
  /** HTTP status, when the app answered. */
  status: number | null;
  contentType: string | null;
  /** Size of the answer's body, when it was read whole. */
  bytes: number | null;
  /** Where a refused redirect pointed. */
  redirect: string | null;
}

export interface CheckStep {
  /** `handshake`, `fetch_data`, `wrong_signature`, `missing_signature`. */
  kind: string;
  /** What this step did, for people: "fetch_data, optional values missing". */
  name: string;
  status: CheckStatus;
  findings: CheckFinding[];
  request: CheckRequestFacts;
  /** The context sent (fetch_data steps). */
  context?: Record<string, string>;
  /** `parseWidget`'s diagnostics for the answer (fetch_data steps that got JSON). */
  diagnostics?: Diagnostic[];
  /** The host client's failure kind, when the request failed. */
  failure?: string;
}

export interface CheckReport {
  url: string;
  conformant: boolean;
  /** 0 conformant, 1 problems found, 2 could not run. */
  exitCode: number;
  /** Why the run could not go on, when `exitCode` is 2. */
  fatal?: string;
  signed: boolean;
  limits: { timeoutMs: number; maxBytes: number; handshakeMaxBytes: number; redirects: "refused" };
  steps: CheckStep[];
  errors: number;
  warnings: number;
}

export interface CheckOptions {
  url: string;
  secret?: string;
  headers?: Array<[string, string]>;
  context?: Partial<Record<ContextParam, string>>;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Optional context values: a help desk may know no account or requester for an issue. */
const OPTIONAL_PARAMS: readonly ContextParam[] = ["account_id", "requester_id", "requester_email"];

/** An answer slower than this share of the limit, or larger, is a warning: close to failing. */
const NEAR_LIMIT = 0.5;

function emptyFacts(): CheckRequestFacts {
  return { durationMs: 0, status: null, contentType: null, bytes: null, redirect: null };
}

function statusOf(findings: CheckFinding[]): CheckStatus {
  if (findings.some((f) => f.severity === "error")) return "fail";
  return findings.length > 0 ? "warn" : "pass";
}

function limitFindings(facts: CheckRequestFacts, timeoutMs: number, maxBytes: number): CheckFinding[] {
  const findings: CheckFinding[] = [];
  if (facts.durationMs > timeoutMs * NEAR_LIMIT) {
    findings.push({
      severity: "warning",
      message: `The answer took ${formatDuration(facts.durationMs)}, more than half the host's limit of ${formatDuration(timeoutMs)}.`,
    });
  }
  if (facts.bytes !== null && facts.bytes > maxBytes * NEAR_LIMIT) {
    findings.push({
      severity: "warning",
      message: `The answer is ${formatBytes(facts.bytes)}, more than half the host's limit of ${formatBytes(maxBytes)}.`,
    });
  }
  return findings;
}

function factsOf(result: FetchWidgetResult): CheckRequestFacts {
  if (result.ok) {
    return { durationMs: result.durationMs, status: result.status, contentType: result.contentType, bytes: result.bytes, redirect: null };
  }
  const { error } = result;
  return {
    durationMs: result.durationMs,
    status: error.status ?? error.answeredStatus ?? null,
    contentType: error.contentType ?? null,
    bytes: null,
    redirect: error.status !== undefined && error.status >= 300 && error.status < 400 ? (error.location ?? "") : null,
  };
}

/**
 * Runs the conformance checks against `options.url` with the host client (`verifyEndpoint`,
 * `fetchWidget`). Never throws: an unusable configuration or an app that cannot be reached is
 * `exitCode: 2` with `fatal`.
 */
export async function runConformanceCheck(options: CheckOptions): Promise<CheckReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const report: CheckReport = {
    url: options.url,
    conformant: false,
    exitCode: EXIT_UNUSABLE,
    signed: options.secret !== undefined,
    limits: { timeoutMs, maxBytes, handshakeMaxBytes: HANDSHAKE_MAX_BYTES, redirects: "refused" },
    steps: [],
    errors: 0,
    warnings: 0,
  };
  const config = checkRequestConfig({ url: options.url, headers: options.headers, secret: options.secret });
  if (!config.ok) {
    report.fatal = config.message;
    return report;
  }
  const host = { url: options.url, headers: options.headers ?? [], timeoutMs, maxBytes };

  // 1. The handshake.
  const started = performance.now();
  const handshake = await verifyEndpoint({ ...host, secret: options.secret });
  const handshakeFacts: CheckRequestFacts = {
    ...emptyFacts(),
    durationMs: performance.now() - started,
    status: handshake.httpStatus ?? null,
    contentType: handshake.contentType ?? null,
  };
  // Nothing answered at the URL (refused, unknown host): the run cannot go on. An app that
  // answered and then broke the connection is a problem found, not this.
  if ((handshake.failure === "network" && handshake.httpStatus === undefined) || handshake.failure === "config") {
    report.fatal = handshake.reason;
    report.steps.push({ kind: "handshake", name: "handshake", status: "fail", failure: handshake.failure, findings: [{ severity: "error", message: handshake.reason ?? "" }], request: handshakeFacts });
    return finish(report, EXIT_UNUSABLE);
  }
  const handshakeFindings: CheckFinding[] =
    handshake.status === "verified" ? limitFindings(handshakeFacts, timeoutMs, HANDSHAKE_MAX_BYTES) : [{ severity: "error", message: handshake.reason ?? "Unverified." }];
  report.steps.push({
    kind: "handshake",
    name: `handshake (code ${handshake.code})`,
    status: statusOf(handshakeFindings),
    findings: handshakeFindings,
    request: handshakeFacts,
    ...(handshake.failure ? { failure: handshake.failure } : {}),
  });

  // 2–3. fetch_data for sample contexts.
  const full: Record<ContextParam, string> = { ...SAMPLE_CONTEXT, ...options.context };
  const samples: Array<{ name: string; context: Record<ContextParam, string> }> = [
    { name: "fetch_data, every context value", context: full },
    {
      name: `fetch_data, optional values missing (${OPTIONAL_PARAMS.join(", ")} sent empty)`,
      context: { ...full, ...Object.fromEntries(OPTIONAL_PARAMS.map((name) => [name, ""])) },
    },
  ];
  if (options.secret !== undefined) {
    // Go's JSON escapes < > & in the signed bytes: an app that signs differently rejects this one.
    samples.push({ name: "fetch_data, characters Go's JSON escapes (signed)", context: { ...full, requester_email: "jane+<vip>&co@example.com" } });
  }
  for (const sample of samples) {
    const result = await fetchWidget({ ...host, secret: options.secret, context: sample.context });
    const facts = factsOf(result);
    const findings: CheckFinding[] = [];
    let diagnostics: Diagnostic[] | undefined;
    if (result.ok) {
      diagnostics = result.result.diagnostics;
      const errors = diagnostics.filter((d) => d.severity === "error");
      const warnings = diagnostics.length - errors.length;
      if (errors.length > 0) findings.push({ severity: "error", message: `The answer is not a valid widget: ${plural(errors.length, "error")}, ${plural(warnings, "warning")} (listed below).` });
      else if (warnings > 0) findings.push({ severity: "warning", message: `The widget is valid with ${plural(warnings, "warning")} (listed below).` });
      const media = mediaType(result.contentType);
      if (media !== "application/json") {
        findings.push({
          severity: "warning",
          message: `The answer's Content-Type is ${media ? JSON.stringify(media) : "missing"}; expected application/json (the host parses the body anyway).`,
        });
      }
      findings.push(...limitFindings(facts, timeoutMs, maxBytes));
    } else {
      findings.push({ severity: "error", message: result.error.message });
    }
    report.steps.push({
      kind: "fetch_data",
      name: sample.name,
      status: statusOf(findings),
      findings,
      request: facts,
      context: sample.context,
      ...(diagnostics ? { diagnostics } : {}),
      ...(result.ok ? {} : { failure: result.error.kind }),
    });
  }

  // 4. Signature probes: a signature made with another secret, and none.
  if (options.secret !== undefined) {
    const probes = [
      { kind: "wrong_signature", name: "fetch_data with a wrong signature", secret: `${options.secret}-not-the-secret` },
      { kind: "missing_signature", name: "fetch_data without a signature", secret: undefined },
    ];
    for (const probe of probes) {
      const result = await fetchWidget({ ...host, secret: probe.secret, context: full });
      const facts = factsOf(result);
      const findings: CheckFinding[] = [];
      if (result.ok) {
        findings.push({
          severity: "error",
          message: `The app accepted a request ${probe.kind === "wrong_signature" ? "with a wrong" : "without an"} X-Pylon-Signature (HTTP ${result.status}); expected 401: anyone could call it.`,
        });
      } else if (result.error.kind === "http" && facts.status !== null && facts.status >= 400 && facts.status < 500) {
        if (facts.status !== 401 && facts.status !== 403) {
          findings.push({ severity: "warning", message: `The app refused it with HTTP ${facts.status}; 401 Unauthorized is the usual answer.` });
        }
      } else {
        findings.push({ severity: "warning", message: `Could not tell whether the app refuses it: ${result.error.message}` });
      }
      report.steps.push({ kind: probe.kind, name: probe.name, status: statusOf(findings), findings, request: facts, ...(result.ok ? {} : { failure: result.error.kind }) });
    }
  }

  return finish(report, report.steps.some((s) => s.status === "fail") ? EXIT_INVALID : EXIT_OK);
}

function finish(report: CheckReport, exitCode: number): CheckReport {
  report.exitCode = exitCode;
  report.conformant = exitCode === EXIT_OK;
  for (const step of report.steps) {
    for (const finding of step.findings) {
      if (finding.severity === "error") report.errors++;
      else report.warnings++;
    }
  }
  return report;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const MARK: Record<CheckStatus, string> = { pass: "PASS", warn: "WARN", fail: "FAIL" };

function describeFacts(facts: CheckRequestFacts): string {
  const parts: string[] = [];
  if (facts.status !== null) parts.push(`HTTP ${facts.status}`);
  else parts.push("no answer");
  if (facts.redirect !== null) parts.push(`redirect to ${facts.redirect || "(no Location)"} (not followed)`);
  if (facts.contentType !== null) parts.push(facts.contentType);
  if (facts.bytes !== null) parts.push(formatBytes(facts.bytes));
  parts.push(formatDuration(facts.durationMs));
  return parts.join(" · ");
}

/** The readable report. */
export function formatCheckReport(report: CheckReport): string {
  let endpoint = report.url;
  try {
    endpoint = describeEndpoint(new URL(report.url));
  } catch {
    // Not a URL: shown as given.
  }
  const lines = [
    `sidecard check ${endpoint}`,
    `  host limits: ${formatDuration(report.limits.timeoutMs)} per request, answers up to ${formatBytes(report.limits.maxBytes)} (handshake ${formatBytes(report.limits.handshakeMaxBytes)}), redirects refused${report.signed ? ", signed requests" : ", unsigned (no secret given)"}`,
    "",
  ];
  for (const step of report.steps) {
    lines.push(`${MARK[step.status]}  ${step.name}`);
    lines.push(`      ${describeFacts(step.request)}`);
    for (const finding of step.findings) lines.push(`      ${finding.severity}: ${finding.message}`);
    for (const d of step.diagnostics ?? []) lines.push(`        ${d.path === "" ? "(root)" : d.path}: ${d.severity}: ${d.message} [${d.code}]`);
  }
  if (report.steps.length > 0) lines.push("");
  if (report.exitCode === EXIT_UNUSABLE) lines.push(`Could not run: ${report.fatal ?? "unknown reason"}`);
  else {
    const verdict = report.conformant ? "conformant" : "not conformant";
    lines.push(`${verdict}: ${plural(report.errors, "problem")}, ${plural(report.warnings, "warning")}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...SECRET_OPTIONS,
    header: { type: "string", multiple: true },
    context: { type: "string", multiple: true },
    timeout: { type: "string" },
    "max-bytes": { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`check takes one app URL; got ${positionals.length}.`);
  const [url] = positionals as [string];
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`${JSON.stringify(url)} is not an http(s) URL.`);
  const context = parseContextFlags(values.context);
  const report = await runConformanceCheck({
    url,
    secret: readSecret(values),
    headers: parseHeaderFlags(values.header),
    context,
    timeoutMs: parsePositiveInteger("--timeout", values.timeout),
    maxBytes: parsePositiveInteger("--max-bytes", values["max-bytes"]),
  });
  if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (report.exitCode === EXIT_UNUSABLE && report.steps.length === 0) io.stderr(`sidecard check: ${report.fatal}\n`);
  else io.stdout(formatCheckReport(report));
  return report.exitCode;
}
