import type { IncomingMessage, ServerResponse } from "node:http";

// Only types come from node:http, so this module loads (and is tree-shaken away) on edge runtimes.

export type FetchHandler = (request: Request) => Response | Promise<Response>;
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface NodeHandlerOptions {
  /** Called when the handler throws or the response cannot be streamed. Default: `console.error`. */
  onError?: (error: unknown) => void;
  /**
   * The most request-body bytes the handler may read (default 1 MiB). The body is read only as
   * the handler reads it, so a handler that never reads it (custom-app requests are GET) buffers
   * none of it; reading past the limit fails the read and answers 413.
   */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Methods `new Request` refuses (the Fetch API's forbidden methods): answered 405 before one is built. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * How long a connection whose request body was left unread stays open after the answer, so the
 * client can read the answer before the connection is reset.
 */
const UNREAD_BODY_LINGER_MS = 250;

/** The handler read more of the request body than `maxBodyBytes` allows. */
export class RequestBodyTooLargeError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`The request body is larger than the limit of ${limit} bytes.`);
    this.name = "RequestBodyTooLargeError";
    this.limit = limit;
  }
}

/**
 * The request body as a pull stream: nothing is read from the socket until the handler reads,
 * and at most `limit` bytes in all.
 */
function bodyStream(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let received = 0;
  let finished = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause(); // a "data" listener on a paused stream does not start the flow
        req.on("data", (chunk: Buffer) => {
          if (finished) return;
          received += chunk.byteLength;
          if (received > limit) {
            finished = true;
            req.pause();
            controller.error(new RequestBodyTooLargeError(limit));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on("end", () => {
          if (finished) return;
          finished = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
      },
      pull(controller) {
        const declared = Number(req.headers["content-length"]);
        if (Number.isFinite(declared) && declared > limit) {
          finished = true;
          controller.error(new RequestBodyTooLargeError(limit));
          return;
        }
        req.resume();
      },
      cancel() {
        finished = true;
        req.pause();
      },
    },
    // No read-ahead: the socket is read only when the handler asks for a chunk.
    { highWaterMark: 0 },
  );
}

function toRequest(req: IncomingMessage, signal: AbortSignal, maxBodyBytes: number): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const host = req.headers.host ?? "localhost";
  const url = new URL(req.url ?? "/", `${encrypted ? "https" : "http"}://${host}`);

  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    if (name.startsWith(":")) continue; // HTTP/2 pseudo-headers
    headers.append(name, req.rawHeaders[i + 1]);
  }

  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody ? bodyStream(req, maxBodyBytes) : null;
  return new Request(url, { method, headers, body, signal, ...(hasBody ? { duplex: "half" } : {}) });
}

/** The body-limit error, whether the handler let it through as it was or wrapped in a `cause`. */
function bodyTooLarge(error: unknown): RequestBodyTooLargeError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof RequestBodyTooLargeError) return current;
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(JSON.stringify(body));
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
  const maxBodyBytes =
    typeof options.maxBodyBytes === "number" && options.maxBodyBytes >= 0 && Number.isFinite(options.maxBodyBytes)
      ? options.maxBodyBytes
      : DEFAULT_MAX_BODY_BYTES;

  return async function nodeRequestListener(req, res) {
    // Once answered, a body nobody read is not read on: the connection is closed shortly after.
    res.on("finish", () => {
      if (req.complete || req.destroyed) return;
      // Checked again when the time is up: a body that ended meanwhile leaves the connection
      // free for the client's next request.
      setTimeout(() => {
        if (!req.complete) req.destroy();
      }, UNREAD_BODY_LINGER_MS).unref?.();
    });

    const method = req.method ?? "GET";
    if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
      sendJson(res, 405, { error: `Method ${method} is not supported: the Fetch API cannot carry it.` });
      return;
    }

    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    req.on("error", (error) => {
      abort.abort(error);
    });

    let request: Request;
    try {
      request = toRequest(req, abort.signal, maxBodyBytes);
    } catch {
      // The client sent a URL or header the Fetch API cannot carry: its mistake, not the server's.
      sendJson(res, 400, { error: "The request's URL or headers could not be read." });
      return;
    }

    try {
      const response = await handler(request);
      await writeResponse(response, res, request.method);
    } catch (error) {
      const tooLarge = bodyTooLarge(error);
      if (tooLarge && !res.headersSent) {
        sendJson(res, 413, { error: tooLarge.message });
        return;
      }
      onError(error);
      if (!res.headersSent) {
        sendJson(res, 500, { error: "Internal server error." });
      } else {
        res.destroy();
      }
    }
  };
}
