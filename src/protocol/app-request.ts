// How a request to an app is built, for every caller (the host client, the server's proxy, the
// preview): which query parameters go over the app URL's own, which Accept it sends, and that
// the signature is made last, over exactly the query string that is sent.

import { CONTEXT_PARAMS, SIGNATURE_HEADER, type ContextParam } from "./params.js";

/** The Accept of each request type: a handshake may answer the code as JSON or plain text. */
export const ACCEPT = {
  verify: "application/json, text/plain",
  fetch_data: "application/json",
} as const;

/** The query parameters of a handshake. */
export function verifyParams(code: string): Record<string, string> {
  return { request_type: "verify", code };
}

/** The query parameters of a `fetch_data` request for this context, in wire order; `""` for what it lacks. */
export function fetchDataParams(context: { readonly [K in ContextParam]?: string | null } | undefined): Record<string, string> {
  const params: Record<string, string> = { request_type: "fetch_data" };
  for (const name of CONTEXT_PARAMS) params[name] = String(context?.[name] ?? "");
  return params;
}

/**
 * The URL actually called: the app's URL with its own query parameters kept and the protocol's
 * parameters set over them (a protocol parameter already in the URL is replaced, not repeated).
 */
export function withProtocolParams(base: URL, params: Readonly<Record<string, string>>): URL {
  const url = new URL(base.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/**
 * The request headers: the app's custom headers, `accept` unless they set one, then, with a
 * secret, the signature over the exact query string of `url`. Without a secret no signature
 * header goes out, not even one the custom headers carry: it would not be over this query.
 */
export async function buildRequestHeaders(
  url: URL,
  appHeaders: HeadersInit | undefined,
  accept: string,
  secret: string | undefined,
): Promise<Headers> {
  const headers = new Headers(appHeaders);
  if (!headers.has("accept")) headers.set("accept", accept);
  if (secret === undefined) {
    headers.delete(SIGNATURE_HEADER);
    return headers;
  }
  // Loaded only when a secret is given (server-side use): browser bundles of `sidecard/host`
  // then keep the HMAC code in a chunk a browser host never requests.
  const { signQuery } = await import("./signature.js");
  headers.set(SIGNATURE_HEADER, await signQuery(url.search.slice(1), secret));
  return headers;
}

/** `buildRequestHeaders`, or why the request cannot be signed here (no Web Crypto, say). */
export async function signedHeaders(url: URL, appHeaders: HeadersInit | undefined, accept: string, secret: string | undefined): Promise<Headers | string> {
  try {
    return await buildRequestHeaders(url, appHeaders, accept, secret);
  } catch (error) {
    return `The request could not be signed (${(error as Error).message}); signing needs Web Crypto (crypto.subtle), which browsers offer only on secure (https) pages.`;
  }
}
