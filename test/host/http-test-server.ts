import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach } from "vitest";

/** One request as the test server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  /** The raw query string, as sent (without `?`). */
  rawQuery: string;
  headers: IncomingMessage["headers"];
  /** Resolves when the client's connection closes; `closedAt` is then set (performance.now()). */
  closed: Promise<void>;
  closedAt: number | null;
  /** Bytes the server managed to write to this request's response. */
  bytesWritten: () => number;
}

export type TestHandler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` plus `path`. */
  url: (path?: string) => string;
  requests: SeenRequest[];
  /** Resolves with the next request the server receives (or one already received and not yet taken). */
  nextRequest: () => Promise<SeenRequest>;
  close: () => Promise<void>;
}

/** A real HTTP server on 127.0.0.1, on a free port, that records what it receives. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const waiting: Array<(seen: SeenRequest) => void> = [];
  let taken = 0;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let written = 0;
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === "string") written += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) written += chunk.byteLength;
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    const seen: SeenRequest = {
      method: req.method ?? "",
      url,
      rawQuery: (req.url ?? "").split("?").slice(1).join("?"),
      headers: req.headers,
      closedAt: null,
      closed: new Promise<void>((resolve) => {
        req.socket.once("close", () => {
          seen.closedAt = performance.now();
          resolve();
        });
      }),
      bytesWritten: () => written,
    };
    requests.push(seen);
    const waiter = waiting.shift();
    if (waiter) {
      taken++;
      waiter(seen);
    }
    Promise.resolve(handler(req, res, seen)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path = "/") => `http://127.0.0.1:${port}${path}`,
    requests,
    nextRequest: () =>
      new Promise<SeenRequest>((resolve) => {
        if (taken < requests.length) resolve(requests[taken++]);
        else waiting.push(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * `serve(handler)` for a test file: every server it starts is closed after the test that started
 * it (`scope: "each"`, the default) or after the file's tests (`"all"`, for servers started in
 * `beforeAll`).
 */
export function testServers(scope: "each" | "all" = "each"): (handler: TestHandler) => Promise<TestServer> {
  const open: TestServer[] = [];
  (scope === "each" ? afterEach : afterAll)(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startTestServer(handler);
    open.push(server);
    return server;
  };
}

/** Answers `status` with `body` and `contentType`. */
export function answer(res: ServerResponse, status: number, contentType: string | null, body: string): void {
  const headers: Record<string, string> = {};
  if (contentType !== null) headers["content-type"] = contentType;
  res.writeHead(status, headers);
  res.end(body);
}

/** Writes 16 KiB chunks until the client goes away (or `maxBytes` is reached, as a safety net). */
export function streamForever(res: ServerResponse, contentType: string, maxBytes = 64 * 1024 * 1024): void {
  res.writeHead(200, { "content-type": contentType });
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && sent < maxBytes) {
      sent += chunk.byteLength;
      if (!res.write(chunk)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on("close", () => res.removeListener("drain", pump));
  pump();
}

/** A port nothing listens on (bound, then released). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
