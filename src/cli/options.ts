import { parseArgs, type ParseArgsConfig } from "node:util";
import { readFileSync } from "node:fs";
import { CONTEXT_PARAMS, type ContextParam } from "../protocol/params.js";
import { checkHeaders } from "../protocol/request-config.js";
import { UsageError } from "./cli-io.js";

/** The environment variable a secret can come from, so it stays out of the process list. */
export const SECRET_ENV = "SIDECARD_SECRET";

export const SECRET_OPTIONS = {
  secret: { type: "string" },
  "secret-file": { type: "string" },
} as const;

export const SECRET_HELP = `  --secret S          sign requests with X-Pylon-Signature (visible in the process list:
                      prefer --secret-file or the ${SECRET_ENV} environment variable)
  --secret-file F     read the secret from file F (one trailing newline is dropped)`;

/**
 * The secret from `--secret`, `--secret-file` or `SIDECARD_SECRET`, in that order; `undefined`
 * when none is given. Two flags at once, an empty secret or an unreadable file are usage errors.
 */
export function readSecret(
  values: { secret?: string; "secret-file"?: string },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (values.secret !== undefined && values["secret-file"] !== undefined) {
    throw new UsageError("give the secret once: --secret or --secret-file, not both.");
  }
  let secret: string | undefined;
  let from: string;
  if (values.secret !== undefined) {
    secret = values.secret;
    from = "--secret";
  } else if (values["secret-file"] !== undefined) {
    const file = values["secret-file"];
    try {
      secret = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`--secret-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
    // Editors end files with a newline; it is not part of the secret.
    secret = secret.replace(/\r?\n$/, "");
    from = `--secret-file ${file}`;
  } else {
    // An exported but empty variable reads as unset, so it cannot break commands that need no secret.
    secret = env[SECRET_ENV] || undefined;
    from = SECRET_ENV;
  }
  if (secret === undefined) return undefined;
  if (secret === "") throw new UsageError(`the secret from ${from} is empty; expected the app's secret.`);
  return secret;
}

/** `--header "Name: value"` flags as pairs, checked with the host client's header rules. */
export function parseHeaderFlags(flags: readonly string[] | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const flag of flags ?? []) {
    const colon = flag.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header ${JSON.stringify(flag)}: expected "Name: value".`);
    pairs.push([flag.slice(0, colon).trim(), flag.slice(colon + 1).trim()]);
  }
  const checked = checkHeaders(pairs);
  if (!checked.ok) throw new UsageError(`--header: ${checked.message}`);
  return pairs;
}

/** `--context key=value` flags: only the protocol's context parameters. */
export function parseContextFlags(flags: readonly string[] | undefined): Partial<Record<ContextParam, string>> {
  const context: Partial<Record<ContextParam, string>> = {};
  for (const flag of flags ?? []) {
    const equals = flag.indexOf("=");
    const name = equals < 0 ? flag : flag.slice(0, equals);
    if (equals < 0 || !(CONTEXT_PARAMS as readonly string[]).includes(name)) {
      throw new UsageError(`--context ${JSON.stringify(flag)}: expected key=value with key one of ${CONTEXT_PARAMS.join(", ")}.`);
    }
    context[name as ContextParam] = flag.slice(equals + 1);
  }
  return context;
}

/** A whole number ≥ 1 from a flag, or `undefined` when the flag is absent. */
export function parsePositiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a whole number of at least 1; got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** Sample contexts like the ones a help desk sends: every parameter, and one without the optional ones. */
export const SAMPLE_CONTEXT: Readonly<Record<ContextParam, string>> = {
  app_id: "app_sidecard_check",
  widget_id: "widget_sidecard_check",
  issue_id: "issue_1042",
  organization_id: "org_sidecard",
  account_id: "acc_3",
  requester_id: "user_77",
  requester_email: "jane.doe@example.com",
};

/**
 * A command's flags and positionals as `node:util`'s `parseArgs` reads them (strict: an unknown
 * flag is a usage error naming it), or `help: true` when `--help`/`-h` was given.
 */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: { ...options, help: { type: "boolean", short: "h", default: false } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
