import { watch, type FSWatcher } from "node:fs";
import { open } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, dirname } from "node:path";
import type { PreviewFileSnapshot } from "./protocol.js";

export interface FileWatch {
  /** Answers `GET /api/watch`: a Server-Sent Events stream, one `payload` event per change. */
  serve(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

/** Open pages (tabs) at once; more get 503 so a runaway client cannot hold unbounded streams. */
export const MAX_WATCH_CLIENTS = 16;
/** Editors save in bursts (truncate, write, rename): read once things are quiet. */
const SETTLE_MS = 40;

/** Reads at most `maxBytes` (+1 to know it is over) so a huge file never fills memory. */
async function readBounded(path: string, maxBytes: number): Promise<PreviewFileSnapshot> {
  let handle;
  try {
    handle = await open(path, "r");
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { text: null, error: `${basename(path)} is larger than ${maxBytes} bytes, the most the preview reads.` };
    return { text: buffer.subarray(0, length).toString("utf8"), error: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "is missing (waiting for it to be saved again)" : `could not be read: ${(error as Error).message}`;
    return { text: null, error: `${basename(path)} ${why}.` };
  } finally {
    await handle?.close();
  }
}

/**
 * One watcher for the payload file, shared by every open page. It watches the folder, not the
 * file: editors that save by writing a new file and renaming it over the old one replace the
 * inode a file watch would follow. Pages get the file's text as it is on disk, so syntax errors
 * are reported at the file's own lines and columns.
 */
export function createFileWatch(path: string, maxBytes: number): FileWatch {
  const clients = new Set<ServerResponse>();
  const name = basename(path);
  let watcher: FSWatcher | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let version = 0;
  let last: PreviewFileSnapshot | null = null;
  let reading: Promise<void> | null = null;

  const sentVersion = new WeakMap<ServerResponse, number>();
  const send = (res: ServerResponse, snapshot: PreviewFileSnapshot) => {
    if (sentVersion.get(res) === version) return;
    sentVersion.set(res, version);
    res.write(`event: payload\nid: ${version}\ndata: ${JSON.stringify({ ...snapshot, version })}\n\n`);
  };

  async function refresh(): Promise<void> {
    const snapshot = await readBounded(path, maxBytes);
    if (last && last.text === snapshot.text && last.error === snapshot.error) return; // a touch, not a change
    last = snapshot;
    version++;
    for (const res of clients) send(res, snapshot);
  }

  // One read at a time; a change during a read schedules one more.
  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (reading) {
        void reading.then(schedule);
        return;
      }
      reading = refresh().finally(() => (reading = null));
    }, SETTLE_MS);
  }

  function start(): void {
    if (watcher) return;
    try {
      watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed === null || changed === name) schedule();
      });
      watcher.on("error", () => stop());
    } catch {
      watcher = null; // the folder vanished: pages keep their last text
    }
  }

  function stop(): void {
    watcher?.close();
    watcher = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return {
    serve(req, res) {
      if (clients.size >= MAX_WATCH_CLIENTS) {
        res.writeHead(503, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: `At most ${MAX_WATCH_CLIENTS} pages can watch ${name} at once.` }));
        return;
      }
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      clients.add(res);
      start();
      // The current text first, read fresh: the page may have been opened long after the last change.
      const first = reading ?? (reading = refresh().finally(() => (reading = null)));
      void first.then(() => {
        if (clients.has(res) && last) send(res, last);
      });
      req.on("close", () => {
        clients.delete(res);
        if (clients.size === 0) stop();
      });
    },
    close() {
      stop();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
