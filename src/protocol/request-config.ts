// The host's own configuration of one app (URL, custom headers, secret, limits), checked in one
// place for the host client, the preview and the CLI. Bad configuration is a typed `config`
// failure naming what was found and expected; it never throws into the host page.

import { resolveEndpointUrl } from "./request.js";

/** The custom headers an app was configured with: sent as they are on every request. */
export type AppHeaders = HeadersInit;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** `setTimeout` fires at once for delays past 2^31 − 1 ms, so no timeout may be longer. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/** RFC 9110 `token`: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value may not carry CR, LF or NUL (header injection), nor anything past Latin-1. */
// eslint-disable-next-line no-control-regex
const BAD_VALUE_CHAR = /[\r\n\0]|[^\u0000-\u00ff]/u;

export type ConfigCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A limit the host set: used when it is a positive finite number, else `fallback` (NaN,
 * Infinity, a negative number, 0 or a non-number would disable or break the bound).
 */
export function resolveLimit(value: unknown, fallback: number, ceiling = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return fallback;
  return Math.min(value, ceiling);
}

export function resolveTimeout(value: unknown, fallback = DEFAULT_TIMEOUT_MS): number {
  return resolveLimit(value, fallback, LONGEST_TIMEOUT_MS);
}

function describeChar(value: string): string {
  const found = BAD_VALUE_CHAR.exec(value)![0];
  if (found === "\r" || found === "\n") return "a line break (CR or LF)";
  if (found === "\0") return "a NUL character";
  return `the character ${JSON.stringify(found)} (outside Latin-1)`;
}

function entriesOf(init: unknown): ConfigCheck<Array<[unknown, unknown]>> {
  if (init === undefined || init === null) return { ok: true, value: [] };
  if (typeof Headers !== "undefined" && init instanceof Headers) return { ok: true, value: [...init.entries()] };
  if (Array.isArray(init)) {
    const pairs: Array<[unknown, unknown]> = [];
    for (const [index, pair] of init.entries()) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        return { ok: false, message: `The app's custom headers have an entry at index ${index} that is not a [name, value] pair; expected [name, value] pairs.` };
      }
      pairs.push([pair[0], pair[1]]);
    }
    return { ok: true, value: pairs };
  }
  if (typeof init === "object") return { ok: true, value: Object.entries(init as Record<string, unknown>) };
  return { ok: false, message: `The app's custom headers are ${typeof init}; expected an object of name → value, [name, value] pairs or Headers.` };
}

/** The custom headers as `Headers`, or why they cannot be sent. */
export function checkHeaders(init: unknown): ConfigCheck<Headers> {
  const entries = entriesOf(init);
  if (!entries.ok) return entries;
  for (const [name, value] of entries.value) {
    if (typeof name !== "string" || !HEADER_NAME.test(name)) {
      return {
        ok: false,
        message: `The app's custom header name ${JSON.stringify(String(name))} is not a valid header name; expected letters, digits and !#$%&'*+-.^_\`|~ only.`,
      };
    }
    if (typeof value !== "string" && typeof value !== "number") {
      return { ok: false, message: `The app's custom header ${JSON.stringify(name)} has a ${value === null ? "null" : typeof value} value; expected a string.` };
    }
    const text = String(value);
    if (BAD_VALUE_CHAR.test(text)) {
      return { ok: false, message: `The app's custom header ${JSON.stringify(name)} has a value with ${describeChar(text)}; expected a single-line Latin-1 value.` };
    }
  }
  try {
    const headers = new Headers();
    for (const [name, value] of entries.value) headers.append(name as string, String(value));
    return { ok: true, value: headers };
  } catch (error) {
    // Whatever this runtime refuses beyond the checks above.
    return { ok: false, message: `The app's custom headers cannot be sent (${(error as Error).message}).` };
  }
}

/** The secret to sign with (`undefined`: unsigned), or why it cannot be used. */
export function checkSecret(secret: unknown): ConfigCheck<string | undefined> {
  if (secret === undefined || secret === null) return { ok: true, value: undefined };
  if (typeof secret !== "string") return { ok: false, message: `The app's secret is ${typeof secret}; expected a non-empty string, or no secret.` };
  if (secret === "") return { ok: false, message: "The app's secret is an empty string; expected a non-empty string, or no secret (unsigned requests)." };
  return { ok: true, value: secret };
}

export interface RequestConfigInput {
  url?: unknown;
  headers?: unknown;
  secret?: unknown;
  timeoutMs?: unknown;
  maxBytes?: unknown;
  fetch?: unknown;
  signal?: unknown;
}

export interface RequestConfig {
  url: URL;
  headers: Headers;
  secret: string | undefined;
  timeoutMs: number;
  maxBytes: number;
}

/** Every check on one app's configuration; the first problem found is the message. */
export function checkRequestConfig(given: RequestConfigInput | null | undefined, defaults: { maxBytes: number } = { maxBytes: DEFAULT_MAX_BYTES }): ConfigCheck<RequestConfig> {
  const input: RequestConfigInput = given ?? {};
  if (input.fetch !== undefined && typeof input.fetch !== "function") {
    return { ok: false, message: `The fetch option is ${typeof input.fetch}; expected a function like globalThis.fetch.` };
  }
  const signal = input.signal as { aborted?: unknown; addEventListener?: unknown } | null | undefined;
  if (signal !== undefined && (signal === null || typeof signal !== "object" || typeof signal.aborted !== "boolean" || typeof signal.addEventListener !== "function")) {
    return { ok: false, message: "The signal option is not an AbortSignal; expected one from an AbortController, or none." };
  }
  const url = typeof input.url === "string" || input.url instanceof URL ? resolveEndpointUrl(input.url) : `The app URL is ${typeof input.url}; expected an http(s) URL string.`;
  if (typeof url === "string") return { ok: false, message: url };
  const headers = checkHeaders(input.headers);
  if (!headers.ok) return headers;
  const secret = checkSecret(input.secret);
  if (!secret.ok) return secret;
  return {
    ok: true,
    value: {
      url,
      headers: headers.value,
      secret: secret.value,
      timeoutMs: resolveTimeout(input.timeoutMs),
      maxBytes: resolveLimit(input.maxBytes, defaults.maxBytes),
    },
  };
}

/**
 * The headers as sorted `[name, value]` pairs (names case-folded) for request keys; never throws.
 * Headers that cannot be sent are one pair naming the problem (the request itself is a `config` failure).
 */
export function headerPairs(init: unknown): [string, string][] {
  const checked = checkHeaders(init);
  if (!checked.ok) return [["(invalid headers)", checked.message]];
  return [...checked.value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A stable description of the headers for effect dependencies; never throws. */
export function headersKey(init: unknown): string {
  return JSON.stringify(headerPairs(init));
}
