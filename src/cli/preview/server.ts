import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { fetchWidget } from "../../host/fetch-widget.js";
import { createVerificationCode, verifyEndpoint } from "../../host/verify-endpoint.js";
import { fetchDataParams, verifyParams, withProtocolParams } from "../../protocol/app-request.js";
import { CONTEXT_PARAMS } from "../../protocol/params.js";
import { DEFAULT_MAX_BYTES, resolveLimit, resolveTimeout } from "../../protocol/request-config.js";
import { resolveEndpointUrl } from "../../protocol/request.js";
import type { CustomAppHandler } from "../../server/handler.js";
import { toNodeHandler } from "../../server/node-adapter.js";
// The one example app: the same as `npm run example` serves (bundled into the CLI at build time).
import { createAccountHealthHandler } from "../../../examples/account-health/app.js";
import { createFileApp } from "./file-app.js";
import { createFileWatch } from "./file-watch.js";
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
  /** An iframe app's URL template to show beside the widget (`--embed`); its origin may be framed. */
  embed?: string;
  /** The built preview page (index.html and assets). Default: found next to the CLI. */
  pageDir?: string;
  /** How long the app may take to answer, body included. Default 10 s, as in the host client. */
  timeoutMs?: number;
  /** Largest answer accepted. Default 1 MiB, as in the host client. */
  maxBytes?: number;
}

export interface PreviewServer {
  url: string;
  /** Where the previewed app is called. */
  appUrl: string;
  close(): Promise<void>;
}

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

/** A mistake in the request itself: answered with `status` (4xx), not as the server failing. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;

async function readJsonBody<T>(req: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, "The request body is larger than 1 MiB; expected a small JSON object.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
  } catch (error) {
    throw new RequestError(400, `The request body is not valid JSON (${(error as Error).message}); expected a JSON object.`);
  }
}

/**
 * The origin an embed template fixes (its variables stand in the path, query or fragment), for the
 * page's `frame-src`. Throws a sentence naming the problem when the template has no http(s) origin.
 */
export function embedOrigin(template: string): string {
  const schemeAndAuthority = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(template)?.[1] ?? "";
  if (schemeAndAuthority.includes("{{")) throw new Error(`--embed ${JSON.stringify(template)}: the origin must be written out; variables may stand only in the path, query or fragment.`);
  let url: URL;
  try {
    url = new URL(schemeAndAuthority);
  } catch {
    throw new Error(`--embed ${JSON.stringify(template)}: expected an absolute http(s) URL template such as https://app.example.com/issues/{{issue.id}}.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`--embed: the iframe app must be http(s); got ${url.protocol}`);
  return url.origin;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { target, secret } = options;
  const embed = options.embed ?? null;
  const frameSrc = embed === null ? "" : `; frame-src ${embedOrigin(embed)}`;
  const timeoutMs = resolveTimeout(options.timeoutMs);
  const maxBytes = resolveLimit(options.maxBytes, DEFAULT_MAX_BYTES);
  const pageDir = options.pageDir ?? findPageDir();
  if (!pageDir || !existsSync(resolve(pageDir, "index.html"))) {
    throw new Error(
      `The preview page is not built (no index.html in ${pageDir ?? "dist/preview"}); run "npm run build" first.`,
    );
  }
  const pageRoot = resolve(pageDir);

  const app: CustomAppHandler | null =
    target.kind === "example" ? createAccountHealthHandler(secret) : target.kind === "file" ? createFileApp(resolve(target.path), secret) : null;
  const appListener = app ? toNodeHandler(app) : null;
  // Watch mode for a payload file: the page gets the file's text each time it is saved.
  const fileWatch = target.kind === "file" ? createFileWatch(resolve(target.path), maxBytes) : null;

  let origin = "";
  const appUrl = () => (target.kind === "url" ? target.url : `${origin}${APP_PATH}`);

  /** The options a host would call the app with: the page's custom headers, signed when asked. */
  function hostOptions(request: PreviewRequest) {
    const signed = Boolean(request?.sign && secret !== undefined);
    const headers: Array<[string, string]> = [];
    const typed: unknown = request?.headers;
    if (typed && typeof typed === "object") {
      for (const [name, value] of Object.entries(typed as Record<string, unknown>)) {
        // A row the page left blank is no header; anything else goes to the host client's checks.
        if (name.trim()) headers.push([name.trim(), value as string]);
      }
    }
    return { signed, options: { url: appUrl(), headers, secret: signed ? secret : undefined, timeoutMs, maxBytes } };
  }

  /** The URL the host client calls, for the page to show (the same helpers build both). */
  function requestUrlFor(params: Record<string, string>): string {
    const base = resolveEndpointUrl(appUrl());
    return typeof base === "string" ? appUrl() : withProtocolParams(base, params).href;
  }

  /** The handshake, run by the host client itself: the preview says Verified only when a host would. */
  async function verify(request: PreviewRequest): Promise<PreviewVerifyResult> {
    const code = createVerificationCode();
    const { signed, options: host } = hostOptions(request);
    const started = performance.now();
    const result = await verifyEndpoint({ ...host, code });
    const noAnswer = result.failure === "timeout" || result.failure === "network" || result.failure === "config";
    return {
      requestUrl: requestUrlFor(verifyParams(code)),
      signed,
      durationMs: Math.round(performance.now() - started),
      status: result.httpStatus ?? null,
      contentType: result.contentType ?? null,
      body: null,
      truncated: false,
      networkError: noAnswer ? (result.reason ?? null) : null,
      error: result.failure ? { kind: result.failure, message: result.reason ?? "" } : null,
      verified: result.status === "verified",
      reason: result.reason ?? null,
    };
  }

  /** fetch_data through the host client: same redirect refusal, size cap, timeout and signing. */
  async function fetchData(request: PreviewFetchRequest): Promise<PreviewExchange> {
    const { signed, options: host } = hostOptions(request);
    const context: Record<string, string> = {};
    for (const name of CONTEXT_PARAMS) context[name] = String(request?.context?.[name] ?? "");
    const result = await fetchWidget({ ...host, context });
    const exchange = {
      requestUrl: requestUrlFor(fetchDataParams(context)),
      signed,
      durationMs: Math.round(result.durationMs),
    };
    if (result.ok) {
      return {
        ...exchange,
        status: result.status,
        contentType: result.contentType,
        body: JSON.stringify(result.payload),
        truncated: false,
        networkError: null,
        error: null,
      };
    }
    const { error } = result;
    return {
      ...exchange,
      status: error.status ?? error.answeredStatus ?? null,
      contentType: error.contentType ?? null,
      // What the app said, when it said something worth showing (an error answer, text that is not JSON).
      body: error.body ?? null,
      truncated: error.kind === "too_large",
      networkError: error.body === undefined ? error.message : null,
      error: { kind: error.kind, message: error.message },
    };
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let relative: string;
    try {
      relative = pathname === "/" ? "index.html" : decodeURIComponent(pathname.slice(1));
    } catch {
      return sendJson(res, 400, { error: `The path ${JSON.stringify(pathname.slice(0, 80))} has a malformed %-escape; expected %XX sequences of UTF-8.` });
    }
    const file = resolve(pageRoot, relative);
    if (file !== pageRoot && !file.startsWith(pageRoot + sep)) return sendJson(res, 404, { error: "Not found." });
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-store",
        "Content-Security-Policy":
          "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; connect-src 'self'" + frameSrc,
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
          watch: fileWatch !== null,
          embed,
        };
        return sendJson(res, 200, config);
      }
      if (url.pathname === "/api/watch" && req.method === "GET") {
        if (fileWatch) return fileWatch.serve(req, res);
        return sendJson(res, 404, { error: "Only a payload file is watched; the preview calls the URL you gave." });
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
      if (error instanceof RequestError && !res.headersSent) {
        // The body was not read to its end: close instead of reading the rest.
        if (error.status === 413) res.setHeader("Connection", "close");
        sendJson(res, error.status, { error: error.message });
      } else if (!res.headersSent) sendJson(res, 500, { error: `The preview server failed: ${(error as Error).message}` });
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
        fileWatch?.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
