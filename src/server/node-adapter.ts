import type { IncomingMessage, ServerResponse } from "node:http";

// Only types come from node:http, so this module loads (and is tree-shaken away) on edge runtimes.

export type FetchHandler = (request: Request) => Response | Promise<Response>;
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface NodeHandlerOptions {
  /** Called when the handler throws or the response cannot be streamed. Default: `console.error`. */
  onError?: (error: unknown) => void;
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? "localhost";
  const url = new URL(req.url ?? "/", `${encrypted ? "https" : "http"}://${host}`);

  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    if (name.startsWith(":")) continue; // HTTP/2 pseudo-headers
    headers.append(name, req.rawHeaders[i + 1]!);
  }

  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          req.on("end", () => controller.close());
          req.on("error", (error) => controller.error(error));
        },
        cancel() {
          req.resume();
        },
      })
    : null;

  return new Request(url, { method, headers, body, signal, ...(hasBody ? { duplex: "half" } : {}) } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse, method: string): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);

  if (!response.body || method === "HEAD") {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const settle = () => {
            res.off("drain", settle);
            res.off("close", settle);
            resolve();
          };
          res.on("drain", settle);
          res.on("close", settle);
        });
      }
    }
    res.end();
  } finally {
    reader.releaseLock();
  }
}

/**
 * Adapts a Fetch-API handler (such as `createCustomAppHandler`'s) to `node:http`:
 * `http.createServer(toNodeHandler(handler))`. Streams the response body back; a handler that
 * throws gives a 500 JSON error instead of crashing the server.
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}): NodeRequestListener {
  const onError = options.onError ?? ((error: unknown) => console.error("sidecard: request failed:", error));

  return async function nodeRequestListener(req, res) {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    req.on("error", (error) => {
      abort.abort(error);
    });

    try {
      const request = toRequest(req, abort.signal);
      const response = await handler(request);
      await writeResponse(response, res, request.method);
    } catch (error) {
      onError(error);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
        res.end(JSON.stringify({ error: "Internal server error." }));
      } else {
        res.destroy();
      }
    }
  };
}
