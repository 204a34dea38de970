import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTEXT_PARAMS, SIGNATURE_HEADER } from "../../protocol/params.js";
import type { CustomAppHandler } from "../../server/handler.js";
import { toNodeHandler } from "../../server/node-adapter.js";
import { signQuery } from "../../protocol/signature.js";
import { createExampleApp } from "./example-app.js";
import { createFileApp } from "./file-app.js";
import type {
  PreviewConfig,
  PreviewContext,
  PreviewExchange,
  PreviewFetchRequest,
  PreviewRequest,
  PreviewVerifyResult,
} from "./protocol.js";

export type PreviewTarget = { kind: "url"; url: string } | { kind: "file"; path: string } | { kind: "example" };

export interface PreviewServerOptions {
  target: PreviewTarget;
  secret?: string;
  /** 0 picks a free port. Default 4100. */
  port?: number;
  /** The built preview page (index.html and assets). Default: found next to the CLI. */
  pageDir?: string;
  /** How long the app may take to answer. Default 10 s. */
  timeoutMs?: number;
}

export interface PreviewServer {
  url: string;
  /** Where the previewed app is called. */
  appUrl: string;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const APP_PATH = "/app";

export const DEFAULT_CONTEXT: PreviewContext = {
  app_id: "app_preview",
  widget_id: "widget_preview",
  issue_id: "issue_1042",
  organization_id: "org_preview",
  account_id: "acc_3",
  requester_id: "user_77",
  requester_email: "jane.doe@example.com",
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** The built page: next to dist/cli.js (published), or dist/preview when running from source. */
export function findPageDir(): string | null {
  const candidates = [new URL("./preview/", import.meta.url), new URL("../../../dist/preview/", import.meta.url)];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(resolve(dir, "index.html"))) return dir;
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readJsonBody<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}

async function readCapped(response: Response): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > MAX_BODY_BYTES) {
      parts.push(value.subarray(0, MAX_BODY_BYTES - size));
      truncated = true;
      await reader.cancel();
      break;
    }
    parts.push(value);
    size += value.length;
  }
  return { text: new TextDecoder().decode(Buffer.concat(parts)), truncated };
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if ((error as Error).name === "TimeoutError") return `the app did not answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `the request failed (${cause?.code ?? cause?.message ?? (error as Error).message})`;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { target, secret, timeoutMs = 10_000 } = options;
  const pageDir = options.pageDir ?? findPageDir();
  if (!pageDir || !existsSync(resolve(pageDir, "index.html"))) {
    throw new Error(
      `The preview page is not built (no index.html in ${pageDir ?? "dist/preview"}); run "npm run build" first.`,
    );
  }
  const pageRoot = resolve(pageDir);

  const app: CustomAppHandler | null =
    target.kind === "example" ? createExampleApp(secret) : target.kind === "file" ? createFileApp(resolve(target.path), secret) : null;
  const appListener = app ? toNodeHandler(app) : null;

  let origin = "";
  const appUrl = () => (target.kind === "url" ? target.url : `${origin}${APP_PATH}`);

  /** Calls the app the way a host does: GET with query parameters, signed when asked. */
  async function callApp(params: URLSearchParams, request: PreviewRequest): Promise<PreviewExchange> {
    const url = new URL(appUrl());
    for (const [name, value] of params) url.searchParams.append(name, value);
    const headers = new Headers({ Accept: "application/json" });
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (name.trim()) headers.set(name.trim(), value);
    }
    const signed = Boolean(request.sign && secret);
    if (signed) headers.set(SIGNATURE_HEADER, await signQuery(url.search, secret!));
    const started = performance.now();
    const exchange: PreviewExchange = {
      requestUrl: url.href,
      signed,
      durationMs: 0,
      status: null,
      contentType: null,
      body: null,
      truncated: false,
      networkError: null,
    };
    try {
      const response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
      exchange.status = response.status;
      exchange.contentType = response.headers.get("content-type");
      const { text, truncated } = await readCapped(response);
      exchange.body = text;
      exchange.truncated = truncated;
    } catch (error) {
      exchange.networkError = describeNetworkError(error, timeoutMs);
    }
    exchange.durationMs = Math.round(performance.now() - started);
    return exchange;
  }

  async function verify(request: PreviewRequest): Promise<PreviewVerifyResult> {
    const code = randomUUID();
    const exchange = await callApp(new URLSearchParams({ request_type: "verify", code }), request);
    const fail = (reason: string): PreviewVerifyResult => ({ ...exchange, verified: false, reason });
    if (exchange.networkError) return fail(`The app could not be reached: ${exchange.networkError}.`);
    if (exchange.status !== 200) return fail(`The app answered HTTP ${exchange.status}; the handshake needs 200.`);
    const type = (exchange.contentType ?? "").split(";")[0]!.trim().toLowerCase();
    const body = exchange.body ?? "";
    if (type === "application/json") {
      let echoed: unknown;
      try {
        echoed = (JSON.parse(body) as { code?: unknown } | null)?.code;
      } catch {
        return fail("The app answered application/json that is not valid JSON.");
      }
      return echoed === code
        ? { ...exchange, verified: true, reason: null }
        : fail(`The app answered code ${JSON.stringify(echoed)}; expected {"code": "${code}"}.`);
    }
    if (type === "text/plain") {
      return body === code ? { ...exchange, verified: true, reason: null } : fail(`The app answered ${JSON.stringify(body.slice(0, 80))}; expected the code "${code}".`);
    }
    return fail(`The app answered Content-Type ${JSON.stringify(exchange.contentType)}; expected application/json or text/plain.`);
  }

  function fetchData(request: PreviewFetchRequest): Promise<PreviewExchange> {
    const params = new URLSearchParams({ request_type: "fetch_data" });
    for (const name of CONTEXT_PARAMS) params.set(name, String(request.context?.[name] ?? ""));
    return callApp(params, request);
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === "/" ? "index.html" : decodeURIComponent(pathname.slice(1));
    const file = resolve(pageRoot, relative);
    if (file !== pageRoot && !file.startsWith(pageRoot + sep)) return sendJson(res, 404, { error: "Not found." });
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
        "Content-Security-Policy":
          "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; connect-src 'self'",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      sendJson(res, 404, { error: `Not found: ${pathname}` });
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Only this machine's own page may drive the preview (no DNS rebinding, no cross-site POSTs).
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    if (host !== "127.0.0.1" && host !== "localhost") return sendJson(res, 403, { error: "The preview only answers on 127.0.0.1." });

    if (url.pathname === APP_PATH || url.pathname.startsWith(`${APP_PATH}/`)) {
      if (appListener) return appListener(req, res);
      return sendJson(res, 404, { error: "No app is served here; the preview calls the URL you gave." });
    }
    if (url.pathname.startsWith("/api/")) {
      if (url.pathname === "/api/config" && req.method === "GET") {
        const config: PreviewConfig = {
          target: {
            kind: target.kind,
            label: target.kind === "url" ? target.url : target.kind === "file" ? target.path : "built-in example app",
            url: appUrl(),
          },
          canSign: secret !== undefined,
          defaultContext: DEFAULT_CONTEXT,
        };
        return sendJson(res, 200, config);
      }
      if (req.method !== "POST") return sendJson(res, 405, { error: `${req.method} is not allowed here.` });
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        return sendJson(res, 415, { error: "Send JSON (Content-Type: application/json)." });
      }
      const body = await readJsonBody<PreviewFetchRequest>(req);
      if (url.pathname === "/api/verify") return sendJson(res, 200, await verify(body));
      if (url.pathname === "/api/fetch") return sendJson(res, 200, await fetchData(body));
      return sendJson(res, 404, { error: `No API ${url.pathname}.` });
    }
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: `${req.method} is not allowed here.` });
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    return servePage(req, res, url.pathname);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: `The preview server failed: ${(error as Error).message}` });
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4100, "127.0.0.1", () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    appUrl: appUrl(),
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
