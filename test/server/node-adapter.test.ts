// @vitest-environment node
import { fork, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCustomAppHandler, text, toNodeHandler, widget, type FetchHandler, type NodeHandlerOptions } from "../../src/server/index.js";
import { testServers } from "../host/http-test-server.js";

const MiB = 1024 * 1024;

const serveNode = testServers();

/** `toNodeHandler(handler, options)` on a test server (closed after the test); its origin. */
async function serve(handler: FetchHandler, options?: NodeHandlerOptions): Promise<string> {
  return (await serveNode(toNodeHandler(handler, options))).url("");
}

/** `total` bytes of body, made chunk by chunk from one reused buffer (never allocated whole). */
function generatedBody(total: number, onChunk?: (sent: number) => void): Readable {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      onChunk?.(sent);
      this.push(piece);
    },
  });
}

interface PostOutcome {
  status: number | null;
  body: string;
  error: NodeJS.ErrnoException | null;
  sent: number;
}

/**
 * A raw node:http POST that streams all `total` bytes whatever the server answers (an early 405
 * does not stop it, as it would not stop a hostile client); resolves once everything was sent and
 * answered, or the server hung up.
 */
function post(url: string, total: number, progress?: (sent: number) => void): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | null = null;
    let body = "";
    let answered = false;
    let uploaded = false;
    let settled = false;
    const settle = (error: NodeJS.ErrnoException | null) => {
      if (settled) return;
      settled = true;
      source.destroy();
      resolve({ status, body, error, sent });
    };
    const source = generatedBody(total, (n) => {
      sent = n;
      progress?.(n);
    });
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/octet-stream", "content-length": String(total) } });
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.setEncoding("utf8");
      res.on("data", (part: string) => (body += part));
      res.on("end", () => {
        answered = true;
        if (uploaded) settle(null);
      });
      res.on("error", (error) => settle(error));
    });
    req.on("finish", () => {
      uploaded = true;
      if (answered) settle(null);
    });
    req.on("error", (error) => settle(error));
    req.on("close", () => setTimeout(() => settle(null), 50));
    source.pipe(req);
  });
}

describe("toNodeHandler and request bodies", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill();
    child = undefined;
  });

  it("keeps a server's memory growth under 100 MB while a client streams a 1 GiB POST, and hangs up", async () => {
    child = fork(fileURLToPath(new URL("./fixtures/memory-server.ts", import.meta.url)), {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ask = <T>(type: string): Promise<T> =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== type) return;
          child!.off("message", onMessage);
          resolve(message as T);
        };
        child!.on("message", onMessage);
        if (type !== "listening") child!.send({ type });
      });
    const { port } = await ask<{ port: number }>("listening");
    const base = `http://127.0.0.1:${port}/?request_type=verify&code=1`;

    // Warm up (first request loads code), then measure from a settled baseline.
    expect((await fetch(base)).status).toBe(200);
    const { rss: baseline } = await ask<{ rss: number }>("reset-peak");

    // Stream the GiB; the busy handler answers once the client stalls (the server reads nothing)
    // or got everything out (the server buffered it).
    let sent = 0;
    let lastProgress = Date.now();
    const uploading = post(base, 1024 * MiB, (n) => {
      sent = n;
      lastProgress = Date.now();
    });
    while (sent < 1024 * MiB && Date.now() - lastProgress < 1000) await new Promise((resolve) => setTimeout(resolve, 50));
    await ask("answer");
    const outcome = await uploading;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { peak, rss } = await ask<{ peak: number; rss: number }>("rss");

    expect(peak - baseline, `RSS grew from ${baseline / MiB | 0} MiB to a peak of ${peak / MiB | 0} MiB`).toBeLessThan(100 * 1000 * 1000);
    expect(rss - baseline).toBeLessThan(100 * 1000 * 1000);
    // The server read none of it: the client got no further than what socket buffers hold.
    expect(outcome.sent).toBeLessThan(64 * MiB);
    // Whoever wins the race, the client saw the 405 or a reset connection, never a hang.
    if (outcome.status !== null) expect(outcome.status).toBe(405);
    else expect(outcome.error?.code).toMatch(/ECONNRESET|EPIPE/);

    // And the server still serves.
    expect((await fetch(base)).status).toBe(200);
    child.send({ type: "stop" });
  }, 60_000);

  it("bounds what a handler that reads the body may read (413 past maxBodyBytes) and gives it the body within it", async () => {
    const base = await serve(async (request) => new Response(`read ${(await request.arrayBuffer()).byteLength}`), {
      maxBodyBytes: MiB,
      onError: () => {},
    });
    const within = await post(base, MiB);
    expect(within.status).toBe(200);
    expect(within.body).toBe(`read ${MiB}`);

    const beyond = await post(base, 4 * MiB);
    if (beyond.status !== null) {
      expect(beyond.status).toBe(413);
      expect(JSON.parse(beyond.body)).toEqual({ error: `The request body is larger than the limit of ${MiB} bytes.` });
    } else expect(beyond.error?.code).toMatch(/ECONNRESET|EPIPE/);
  });

  it("stops reading a body the handler read only partly once it answered, without buffering the rest", async () => {
    let chunksRead = 0;
    const base = await serve(async (request) => {
      const reader = request.body!.getReader();
      const first = await reader.read();
      if (!first.done) chunksRead++;
      return new Response("enough");
    }, { maxBodyBytes: 512 * MiB });
    const started = Date.now();
    const outcome = await post(base, 256 * MiB);
    expect(chunksRead).toBe(1);
    expect(outcome.sent).toBeLessThan(256 * MiB);
    // Hung up soon after answering, not left open until the keep-alive timeout (5 s).
    expect(Date.now() - started).toBeLessThan(3000);
  }, 30_000);
});

describe("toNodeHandler and methods the Fetch API cannot carry", () => {
  function raw(url: string, method: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (part: string) => (body += part));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  // (TRACK and lower-case methods never reach the listener: Node's parser answers 400 itself.)
  it("answers TRACE with 405, and a Host header no URL can be made of with 400, logging nothing", async () => {
    const onError = vi.fn();
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = createCustomAppHandler({ allowUnsigned: true, fetchData: () => widget({ title: "T" }, [text("a", "b")]) });
    const base = await serve(handler, { onError });
    try {
      const trace = await raw(`${base}/?request_type=verify&code=1`, "TRACE");
      expect(trace.status).toBe(405);
      expect(JSON.parse(trace.body)).toEqual({ error: "Method TRACE is not supported: the Fetch API cannot carry it." });
      const badHost = await raw(`${base}/?request_type=verify&code=1`, "GET", { Host: "exa mple" });
      expect(badHost.status).toBe(400);
      expect(JSON.parse(badHost.body)).toEqual({ error: "The request's URL or headers could not be read." });
      expect(onError).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
      expect((await raw(`${base}/?request_type=verify&code=1`, "GET")).status).toBe(200);
    } finally {
      consoleError.mockRestore();
    }
  });
});
