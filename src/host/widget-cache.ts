import type { FetchWidgetSuccess } from "./fetch-widget.js";

// The last good answer per answer key (app URL, context, credentials' identity, limits — see
// `answerKey`), least recently used first. One cache for the page, so a sidebar that remounts
// per issue still finds the issue it showed a moment ago. It only fills the wait: every mount
// and every context switch still asks the app.

export const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
export const DEFAULT_CACHE_SIZE = 50;
/** However large a host asks for, no more than this many answers are kept. */
export const MAX_CACHE_SIZE = 500;

interface CacheEntry {
  result: FetchWidgetSuccess;
  storedAt: number;
}

const entries = new Map<string, CacheEntry>();

/** The answer stored for `key` within `ttlMs`, marked most recently used; `null` when none. */
export function readCachedWidget(key: string, ttlMs: number, now: number = Date.now()): FetchWidgetSuccess | null {
  const entry = entries.get(key);
  if (!entry) return null;
  entries.delete(key);
  if (!(ttlMs > 0) || now - entry.storedAt > ttlMs) return null;
  entries.set(key, entry);
  return entry.result;
}

/**
 * Stores `result` for `key` and drops the least recently used answers beyond `size`. Only a
 * valid widget is kept, as its normalised payload: what the schema ignores (which may be most of
 * a 1 MiB answer, and far more once parsed) is not kept. An invalid widget is not kept, and the
 * answer before it is dropped: it is no longer the last.
 */
export function storeCachedWidget(key: string, result: FetchWidgetSuccess, size: number, now: number = Date.now()): void {
  const limit = Math.min(MAX_CACHE_SIZE, Math.floor(Number.isFinite(size) ? size : DEFAULT_CACHE_SIZE));
  entries.delete(key);
  if (limit <= 0 || !result.result.ok) return;
  entries.set(key, { result: { ...result, payload: result.result.payload }, storedAt: now });
  for (const oldest of entries.keys()) {
    if (entries.size <= limit) break;
    entries.delete(oldest);
  }
}

/** Forgets every cached answer (say, when the agent signs out). */
export function clearWidgetCache(): void {
  entries.clear();
}

/** How many answers are cached (for tests and diagnostics). */
export function cachedWidgetCount(): number {
  return entries.size;
}
