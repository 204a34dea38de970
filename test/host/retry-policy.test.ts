import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter, resolveRetry } from "../../src/host/retry-policy.js";

describe("retry policy", () => {
  it("retries network failures, 5xx and 429, and nothing else", () => {
    expect(isRetryable({ kind: "network", message: "" })).toBe(true);
    for (const status of [500, 502, 503, 504, 429]) expect(isRetryable({ kind: "http", status, message: "" })).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422]) expect(isRetryable({ kind: "http", status, message: "" })).toBe(false);
    for (const kind of ["timeout", "too_large", "not_json", "aborted"] as const) expect(isRetryable({ kind, message: "" })).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Tue, 01 Dec 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 09:59:00 GMT", now)).toBe(0);
    for (const bad of [null, "", "-1", "1.5", "soon"]) expect(parseRetryAfter(bad, now)).toBeNull();
  });

  it("draws each wait from 0 up to a doubling ceiling, capped at maxDelayMs (full jitter)", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 350 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([99, 199, 349, 349]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
  });

  it("bounds what a host may ask for", () => {
    expect(resolveRetry(false).attempts).toBe(1);
    expect(resolveRetry(undefined)).toEqual(DEFAULT_RETRY);
    expect(resolveRetry({ attempts: 1e9, maxElapsedMs: Infinity }).attempts).toBe(10);
    expect(resolveRetry({ maxElapsedMs: Infinity }).maxElapsedMs).toBe(DEFAULT_RETRY.maxElapsedMs);
    expect(resolveRetry({ attempts: 0 }).attempts).toBe(1);
  });
});
