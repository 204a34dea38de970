import { marshalGoValues, type GoValues } from "./go-json.js";
import { toGoValues, utf8, type QueryParams } from "./query-values.js";

// Web Crypto only: this file is shared with the host side and must run in browsers and on
// edge runtimes, so no Node-only APIs here.

export type { QueryParams } from "./query-values.js";

/** The exact bytes that are signed: Go's `json.Marshal` of the parameters as `url.Values`. */
export function signaturePayload(params: QueryParams): Uint8Array {
  return marshalGoValues(toGoValues(params));
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/** A missing or empty secret is a setup mistake, not a mismatch: say so (Web Crypto only says "Zero-length key"). */
function requireSecret(secret: unknown, caller: string): void {
  if (typeof secret === "string" && secret !== "") return;
  const found = typeof secret === "string" ? "an empty string" : secret === null ? "null" : typeof secret;
  throw new TypeError(`${caller} needs the app's secret as a non-empty string; got ${found}.`);
}

async function hmacSha256(secret: string, message: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    utf8.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, message as Uint8Array<ArrayBuffer>));
}

/**
 * The `X-Pylon-Signature` for these query parameters: lowercase hex HMAC-SHA256, keyed with
 * `secret`, over Go's JSON serialisation of the map name → list of values. A missing or empty
 * `secret` is a TypeError.
 */
export async function signQuery(params: QueryParams, secret: string): Promise<string> {
  requireSecret(secret, "signQuery");
  return toHex(await hmacSha256(secret, signaturePayload(params)));
}

/** Compares two byte strings in time that depends only on their lengths, not their contents. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let difference = a.length ^ b.length;
  for (let i = 0; i < length; i++) {
    difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  }
  return difference === 0;
}

/**
 * Whether `signature` is the right `X-Pylon-Signature` for these parameters. Surrounding
 * whitespace and upper-case hex digits are accepted; the comparison is timing-safe. A missing
 * or empty `secret` is a TypeError, not `false`: every request would fail for the app's own mistake.
 */
export async function verifySignature(
  params: QueryParams,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  requireSecret(secret, "verifySignature");
  return verifyGoValuesSignature(toGoValues(params), signature, secret);
}

/**
 * `verifySignature` over parameters already read as Go reads them, so a caller can check the
 * signature of, and then use, one and the same parse.
 */
export async function verifyGoValuesSignature(
  values: GoValues,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  requireSecret(secret, "verifyGoValuesSignature");
  if (typeof signature !== "string") return false;
  const expected = utf8.encode(toHex(await hmacSha256(secret, marshalGoValues(values))));
  const received = utf8.encode(signature.trim().toLowerCase());
  return timingSafeEqual(expected, received);
}
