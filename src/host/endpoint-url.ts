import { SIGNATURE_HEADER } from "../protocol/params.js";

export type { AppHeaders } from "../protocol/request-config.js";

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
 * The request headers: the app's custom headers (already checked by `checkRequestConfig`), then,
 * with a secret, the signature over the exact query string sent (parsed the way the app's
 * Go-compatible server parses it).
 */
export async function buildRequestHeaders(
  url: URL,
  appHeaders: Headers,
  accept: string,
  secret: string | undefined,
): Promise<Headers> {
  const headers = new Headers(appHeaders);
  if (!headers.has("accept")) headers.set("accept", accept);
  if (secret !== undefined) {
    // Loaded only when a secret is given (server-side use): browser bundles of `sidecard/host`
    // then keep the HMAC code in a chunk a browser host never requests.
    const { signQuery } = await import("../protocol/signature.js");
    headers.set(SIGNATURE_HEADER, await signQuery(url.search.slice(1), secret));
  }
  return headers;
}

/** `buildRequestHeaders`, or why the request cannot be signed here (no Web Crypto, say). */
export async function signedHeaders(url: URL, appHeaders: Headers, accept: string, secret: string | undefined): Promise<Headers | string> {
  try {
    return await buildRequestHeaders(url, appHeaders, accept, secret);
  } catch (error) {
    return `The request could not be signed (${(error as Error).message}); signing needs Web Crypto (crypto.subtle), which browsers offer only on secure (https) pages.`;
  }
}
