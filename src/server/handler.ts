import type { Diagnostic } from "../schema/diagnostic.js";
import type { WidgetPayload } from "../schema/widget-schema.js";
import { parseWidget, type ParseOptions } from "../parse/parse-widget.js";
import { CONTEXT_PARAMS, SIGNATURE_HEADER, type ContextParam } from "../protocol/params.js";
import { readServerQuery } from "../protocol/query-values.js";
import { verifyGoValuesSignature } from "../protocol/signature.js";


/** What `fetchData` learns about the request. A parameter the host did not send is `""`. */
export type CustomAppContext = { readonly [K in ContextParam]: string } & {
  /**
   * Every query parameter, including ones not named above, in the order sent: exactly the pairs
   * the signature was checked over (Go's `url.ParseQuery` reading). `get` gives the first value,
   * as the named parameters above do.
   */
  readonly query: URLSearchParams;
  /** The request headers, e.g. custom headers the app was configured with in the host. */
  readonly headers: Headers;
  /** The incoming request itself; its `signal` aborts when the client goes away. */
  readonly request: Request;
};


export interface CustomAppHandlerOptions {
  /** The app's secret. When set, every request must carry a valid `X-Pylon-Signature` (else 401). */
  secret?: string;
  /**
   * Serve unsigned requests without the warning printed when the handler is created without a
   * `secret` (local development, tests). The environment variable `SIDECARD_ALLOW_UNSIGNED=1`
   * does the same.
   */
  allowUnsigned?: boolean;
  /** Builds the widget for one issue. Its result is validated with `parseWidget` before it is sent. */
  fetchData: (context: CustomAppContext) => WidgetPayload | Promise<WidgetPayload>;
  /**
   * What to do when `fetchData` returns a payload with error diagnostics: `"error"` (default)
   * answers 500 with the diagnostics; `"pass-through"` sends it anyway (the host shows its error state),
   * unless it is no JSON at all (`undefined`), which is always a 500.
   */
  onInvalidPayload?: "error" | "pass-through";
  /**
   * Called when `fetchData` throws or returns an invalid payload, e.g. to log it. Never sent to
   * the host. Default: `console.error` with the error.
   */
  onError?: (error: unknown, context: CustomAppContext) => void;
  /** Options for validating the payload (URL schemes, limits). */
  parseOptions?: ParseOptions;
}

export type CustomAppHandler = (request: Request) => Promise<Response>;

/** The body of every error response this handler sends. */
export interface CustomAppErrorBody {
  error: string;
  diagnostics?: Diagnostic[];
}

/** Raised to `onError` when `fetchData` returns a payload that does not validate. */
export class InvalidPayloadError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(`fetchData returned an invalid widget payload (${errors.length} error${errors.length === 1 ? "" : "s"}).`);
    this.name = "InvalidPayloadError";
    this.diagnostics = diagnostics;
  }
}

const REQUEST_TYPES = ["verify", "fetch_data"] as const;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return jsonText(status, JSON.stringify(body), headers);
}

function jsonText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** `JSON.stringify`, typed as it behaves: undefined, a function or a symbol give `undefined`. */
function jsonTextOf(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function errorResponse(status: number, error: string, extra: Omit<CustomAppErrorBody, "error"> = {}, headers?: Record<string, string>): Response {
  return json(status, { error, ...extra } satisfies CustomAppErrorBody, headers);
}

function unsignedAllowedByEnvironment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.SIDECARD_ALLOW_UNSIGNED === "1" || env?.SIDECARD_ALLOW_UNSIGNED === "true";
}

function logError(error: unknown): void {
  console.error("sidecard: could not build the widget (fetch_data answered 500):", error);
}

/**
 * A Fetch-API handler for a custom app endpoint: answers the handshake, checks the signature,
 * calls `fetchData` with the typed context and returns the validated widget JSON.
 */
export function createCustomAppHandler(options: CustomAppHandlerOptions): CustomAppHandler {
  const { secret, fetchData, onInvalidPayload = "error", onError = logError, parseOptions } = options;
  if (typeof fetchData !== "function") {
    throw new TypeError("createCustomAppHandler needs a fetchData function that returns the widget payload.");
  }
  if (secret !== undefined && (typeof secret !== "string" || secret === "")) {
    throw new TypeError("createCustomAppHandler: secret must be a non-empty string when given.");
  }
  if (secret === undefined && options.allowUnsigned !== true && !unsignedAllowedByEnvironment()) {
    console.warn(
      "sidecard: createCustomAppHandler was created without a secret, so it answers unsigned requests from anyone. " +
        "Pass the app's secret to require X-Pylon-Signature, or allowUnsigned: true (or SIDECARD_ALLOW_UNSIGNED=1) to silence this locally.",
    );
  }

  return async function handleCustomAppRequest(request: Request): Promise<Response> {
    if (request.method !== "GET") {
      return errorResponse(405, `Method ${request.method} is not allowed; custom app requests use GET.`, {}, { Allow: "GET" });
    }

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(400, `The request URL ${JSON.stringify(request.url)} could not be parsed.`);
    }

    // One parse, Go's, for the signature and everything the handler reads.
    const read = readServerQuery(url.search);
    if (!read.ok) return errorResponse(400, read.message);

    if (secret !== undefined) {
      const signature = request.headers.get(SIGNATURE_HEADER);
      if (signature === null || signature.trim() === "") {
        return errorResponse(401, `Missing ${SIGNATURE_HEADER} header; this app requires signed requests.`);
      }
      if (!(await verifyGoValuesSignature(read.values, signature, secret))) {
        return errorResponse(401, `Invalid ${SIGNATURE_HEADER}: it does not match the query parameters signed with this app's secret.`);
      }
    }

    const query = read.params;
    const requestType = query.get("request_type");
    const expected = REQUEST_TYPES.map((t) => `"${t}"`).join(" or ");

    if (requestType === "verify") {
      const code = query.get("code");
      if (code === null) {
        return errorResponse(400, `A verify request needs a "code" query parameter to echo back; none was sent.`);
      }
      return json(200, { code });
    }

    if (requestType === "fetch_data") {
      const context = {
        ...(Object.fromEntries(CONTEXT_PARAMS.map((name) => [name, query.get(name) ?? ""])) as Record<ContextParam, string>),
        query,
        headers: request.headers,
        request,
      } satisfies CustomAppContext;

      const report = (error: unknown) => {
        try {
          onError(error, context);
        } catch {
          // A failing error hook must not turn a clean 500 into a crash.
        }
      };

      let result: unknown;
      try {
        result = await fetchData(context);
      } catch (error) {
        report(error);
        return errorResponse(500, "fetchData failed while building the widget; see the app's logs.");
      }

      // Validate the JSON that is sent, not the object: toJSON and undefined members change it.
      let body: string | undefined;
      try {
        body = jsonTextOf(result);
      } catch (error) {
        report(error);
        return errorResponse(500, "fetchData returned a value that cannot be serialised as JSON.");
      }
      const parsed = parseWidget(body === undefined ? undefined : (JSON.parse(body) as unknown), parseOptions);
      // No JSON at all (undefined, a function): there is nothing to pass through.
      if (body === undefined || (!parsed.ok && onInvalidPayload === "error")) {
        report(new InvalidPayloadError(parsed.diagnostics));
        return errorResponse(
          500,
          "fetchData returned a widget payload that does not match Response Schema 1.0.0; see diagnostics.",
          { diagnostics: parsed.diagnostics },
        );
      }
      return jsonText(200, body);
    }

    const received = requestType === null ? "no request_type parameter" : `request_type ${JSON.stringify(requestType)}`;
    return errorResponse(400, `Unsupported request: got ${received}; expected request_type ${expected}.`);
  };
}
