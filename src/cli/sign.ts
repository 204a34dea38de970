import { parseArgs } from "node:util";
import { SIGNATURE_HEADER } from "../protocol/params.js";
import { readServerQuery } from "../protocol/query-values.js";
import { signaturePayload, signQuery, verifySignature } from "../protocol/signature.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliIo } from "./cli-io.js";
import { readSecret, SECRET_HELP, SECRET_OPTIONS } from "./options.js";

export const SIGN_HELP = `Usage: sidecard sign <query> [options]

Prints the ${SIGNATURE_HEADER} a host sends with this query: lowercase hex HMAC-SHA256, keyed
with the app's secret, over Go's json.Marshal of the query as url.Values (docs/signatures.md).

  <query>   the query string as sent, e.g. "request_type=verify&code=abc" (a leading "?" or a
            whole http(s) URL is accepted: its query is used as written)

Options:
${SECRET_HELP}
  --explain           also print the exact bytes that are signed
  -h, --help          show this help

The secret can also come from the SIDECARD_SECRET environment variable.
`;

export const VERIFY_HELP = `Usage: sidecard verify <query> <signature> [options]

Checks an ${SIGNATURE_HEADER} against a query string and the app's secret, the way
sidecard/server does (surrounding whitespace and upper-case hex accepted, timing-safe).

Options:
${SECRET_HELP}
  -h, --help          show this help

Exit status: 0 the signature matches, 1 it does not or sidecard/server refuses the query
(a pair Go's url.ParseQuery skips), 2 bad arguments.
The secret can also come from the SIDECARD_SECRET environment variable.
`;

/** The query as sent: a leading `?` dropped; of a URL, the raw text between `?` and `#`. */
export function queryOf(argument: string): string {
  if (/^https?:\/\//i.test(argument)) {
    const withoutFragment = argument.split("#")[0];
    const question = withoutFragment.indexOf("?");
    return question < 0 ? "" : withoutFragment.slice(question + 1);
  }
  return argument.startsWith("?") ? argument.slice(1) : argument;
}

/** Why sidecard/server refuses this query (400) before any signature check, or `null`. */
function serverRefusal(query: string): string | null {
  const read = readServerQuery(query);
  return read.ok ? null : read.message;
}

function requireSecret(values: { secret?: string; "secret-file"?: string }): string {
  const secret = readSecret(values);
  if (secret === undefined) throw new UsageError("a secret is needed: --secret S, --secret-file F or SIDECARD_SECRET.");
  return secret;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...SECRET_OPTIONS, explain: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export async function runSign(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(SIGN_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`sign takes one query; got ${positionals.length}.`);
  const query = queryOf(positionals[0]);
  const secret = requireSecret(values);
  const refusal = serverRefusal(query);
  if (refusal) io.stderr(`warning: sidecard/server answers 400 to this query, and the signature covers only the pairs Go keeps. ${refusal}\n`);
  const signature = await signQuery(query, secret);
  if (!values.explain) {
    io.stdout(`${signature}\n`);
    return EXIT_OK;
  }
  const payload = signaturePayload(query);
  io.stdout(
    [
      `Query: ${query === "" ? "(empty)" : query}`,
      `Signed bytes (${payload.byteLength} bytes of UTF-8: Go's json.Marshal of the query parsed by url.ParseQuery, as url.Values):`,
      new TextDecoder().decode(payload),
      "HMAC-SHA256 of those bytes keyed with the secret, as lowercase hex:",
      `${SIGNATURE_HEADER}: ${signature}`,
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}

export async function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.explain) throw new UsageError("--explain is an option of sign.");
  if (values.help) {
    io.stdout(VERIFY_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`verify takes a query and a signature; got ${positionals.length} arguments.`);
  const query = queryOf(positionals[0]);
  const signature = positionals[1];
  const secret = requireSecret(values);
  const refusal = serverRefusal(query);
  if (refusal) {
    io.stdout(`refused: sidecard/server answers 400 to this query before it checks the signature. ${refusal}\n`);
    return EXIT_INVALID;
  }
  if (await verifySignature(query, signature, secret)) {
    io.stdout("valid: the signature matches this query and secret\n");
    return EXIT_OK;
  }
  const shape = /^\s*[0-9a-fA-F]{64}\s*$/.test(signature) ? "" : " (a signature is 64 hex digits)";
  io.stdout(`invalid: the signature does not match this query and secret${shape}; the signature for them is ${await signQuery(query, secret)}\n`);
  return EXIT_INVALID;
}
