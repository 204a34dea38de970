import { readFile } from "node:fs/promises";
import type { CustomAppHandler } from "../../server/handler.js";
import { SIGNATURE_HEADER } from "../../protocol/params.js";
import { readServerQuery } from "../../protocol/query-values.js";
import { verifyGoValuesSignature } from "../../protocol/signature.js";

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
    // Read what was signed, as sidecard/server does: never a second parse of the query.
    const query = readServerQuery(new URL(request.url).search);
    if (!query.ok) return json(400, { error: query.message });
    if (secret !== undefined && !(await verifyGoValuesSignature(query.values, request.headers.get(SIGNATURE_HEADER), secret))) {
      return json(401, { error: `Missing or invalid ${SIGNATURE_HEADER}.` });
    }
    const requestType = query.params.get("request_type");
    if (requestType === "verify") return json(200, { code: query.params.get("code") ?? "" });
    if (requestType !== "fetch_data") return json(400, { error: `Unsupported request_type ${JSON.stringify(requestType)}.` });
    try {
      const text = await readFile(path, "utf8");
      return new Response(text, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8" } });
    } catch (error) {
      return json(500, { error: `Could not read ${path}: ${(error as Error).message}` });
    }
  };
}
