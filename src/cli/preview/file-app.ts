import { readFile } from "node:fs/promises";
import type { CustomAppHandler } from "../../server/handler.js";
import { SIGNATURE_HEADER } from "../../protocol/params.js";
import { verifySignature } from "../../protocol/signature.js";

/**
 * A custom app that answers the handshake and serves `path` as its payload, re-read on each
 * request so edits show on re-fetch. The file goes out as is, even when it is not valid, so the
 * preview shows its diagnostics.
 */
export function createFileApp(path: string, secret?: string): CustomAppHandler {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

  return async (request) => {
    if (request.method !== "GET") return new Response(null, { status: 405, headers: { Allow: "GET" } });
    const url = new URL(request.url);
    if (secret !== undefined && !(await verifySignature(url.search, request.headers.get(SIGNATURE_HEADER), secret))) {
      return json(401, { error: `Missing or invalid ${SIGNATURE_HEADER}.` });
    }
    const requestType = url.searchParams.get("request_type");
    if (requestType === "verify") return json(200, { code: url.searchParams.get("code") ?? "" });
    if (requestType !== "fetch_data") return json(400, { error: `Unsupported request_type ${JSON.stringify(requestType)}.` });
    try {
      const text = await readFile(path, "utf8");
      return new Response(text, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8" } });
    } catch (error) {
      return json(500, { error: `Could not read ${path}: ${(error as Error).message}` });
    }
  };
}
