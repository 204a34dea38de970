// The JSON the preview page and the preview server exchange. Types only: the page imports this too.

import type { ContextParam } from "../../protocol/params.js";

export type PreviewContext = Record<ContextParam, string>;

export interface PreviewConfig {
  /** What is previewed: a URL given on the command line, a payload file served as an app, or the built-in example app. */
  target: { kind: "url" | "file" | "example"; label: string; url: string };
  /** Whether `--secret` was given, so requests can be signed. */
  canSign: boolean;
  defaultContext: PreviewContext;
  /** A payload file is watched: `GET /api/watch` streams its text on every save. */
  watch: boolean;
  /** An iframe app's URL template (`--embed`), shown under the widget with the context's values; null without one. */
  embed: string | null;
}

export interface PreviewRequest {
  /** Sign with `--secret` (ignored without one). */
  sign: boolean;
  /** Custom headers sent to the app, like the ones a host is configured with. */
  headers: Record<string, string>;
}

export interface PreviewFetchRequest extends PreviewRequest {
  context: PreviewContext;
}

/** What the preview server saw when it called the app. */
export interface PreviewExchange {
  requestUrl: string;
  signed: boolean;
  durationMs: number;
  /** HTTP status, or `null` when no answer came (network error, timeout). */
  status: number | null;
  contentType: string | null;
  /** The answer's text (an error answer's first 4 KiB), or `null` without an answer worth showing. */
  body: string | null;
  /** The answer was larger than the host client's limit (1 MiB) and was refused. */
  truncated: boolean;
  /** Why no answer could be used (unreachable, timeout, redirect, too large, bad configuration), when so. */
  networkError: string | null;
  /** The host client's typed failure (`kind` as in `FetchWidgetErrorKind` / `VerificationFailure`), when the request failed. */
  error?: { kind: string; message: string } | null;
}

export interface PreviewVerifyResult extends PreviewExchange {
  verified: boolean;
  /** Why the handshake failed, in one sentence, when it did. */
  reason: string | null;
}

export type PreviewFetchResult = PreviewExchange;

/** The payload file as it is on disk, pushed by `GET /api/watch` (Server-Sent Events, event `payload`). */
export interface PreviewFileSnapshot {
  /** The file's text, or `null` when it cannot be read (missing, too large). */
  text: string | null;
  /** Why there is no text, in one sentence. */
  error: string | null;
  /** Counts changes, from 1. */
  version?: number;
}
