// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkHeaders,
  checkRequestConfig,
  checkSecret,
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  headerPairs,
  headersKey,
  resolveLimit,
  resolveTimeout,
  type ConfigCheck,
} from "../../src/protocol/request-config.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

function pairsOf(check: ConfigCheck<Headers>): Array<[string, string]> {
  if (!check.ok) throw new Error(`expected ok headers, got: ${check.message}`);
  return [...check.value.entries()];
}

function messageOf(check: ConfigCheck<unknown>): string {
  if (check.ok) throw new Error("expected a config failure");
  return check.message;
}

describe("resolveLimit / resolveTimeout", () => {
  it("keeps a positive finite number and falls back for anything else", () => {
    expect(resolveLimit(7, 5)).toBe(7);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, "10", null, undefined]) expect(resolveLimit(bad, 5)).toBe(5);
  });

  it("caps a timeout at 2^31 - 1 ms", () => {
    expect(resolveTimeout(2 ** 40)).toBe(2 ** 31 - 1);
    expect(resolveTimeout(undefined)).toBe(DEFAULT_TIMEOUT_MS);
  });
});

describe("checkHeaders", () => {
  it("accepts no headers as an empty set", () => {
    expect(pairsOf(checkHeaders(undefined))).toEqual([]);
    expect(pairsOf(checkHeaders(null))).toEqual([]);
  });

  it("accepts a Headers object as it is", () => {
    expect(pairsOf(checkHeaders(new Headers({ "X-Api-Key": "k1", Accept: "application/json" })))).toEqual([
      ["accept", "application/json"],
      ["x-api-key", "k1"],
    ]);
  });

  it("accepts [name, value] pairs, and nothing more", () => {
    expect(pairsOf(checkHeaders([["X-B", "2"]]))).toEqual([["x-b", "2"]]);
    expect(pairsOf(checkHeaders([]))).toEqual([]);
  });

  it("accepts a number value as its text", () => {
    expect(pairsOf(checkHeaders({ "X-Tenant": 42 }))).toEqual([["x-tenant", "42"]]);
  });

  it("names an invalid header name", () => {
    expect(messageOf(checkHeaders({ "Bad Name": "x" }))).toBe(
      "The app's custom header name \"Bad Name\" is not a valid header name; expected letters, digits and !#$%&'*+-.^_`|~ only.",
    );
  });

  it("refuses a [name, value] pair whose name is no string, even one that would read as a valid name", () => {
    expect(messageOf(checkHeaders([[42, "x"]]))).toBe(
      "The app's custom header name \"42\" is not a valid header name; expected letters, digits and !#$%&'*+-.^_`|~ only.",
    );
  });

  it("names a null value as null and others by their type", () => {
    expect(messageOf(checkHeaders({ "X-A": null }))).toBe('The app\'s custom header "X-A" has a null value; expected a string.');
    expect(messageOf(checkHeaders({ "X-A": true }))).toBe('The app\'s custom header "X-A" has a boolean value; expected a string.');
  });

  it("reports what the runtime's Headers refuses beyond its own checks", () => {
    vi.stubGlobal(
      "Headers",
      class {
        append(): void {
          throw new TypeError("refused by this runtime");
        }
      },
    );
    expect(checkHeaders({ "X-A": "1" })).toEqual({ ok: false, message: "The app's custom headers cannot be sent (refused by this runtime)." });
  });
});

describe("checkSecret", () => {
  it("treats a null secret as no secret", () => {
    expect(checkSecret(null)).toEqual({ ok: true, value: undefined });
  });
});

describe("checkRequestConfig", () => {
  it("uses the default body limit when the caller gives no defaults", () => {
    const check = checkRequestConfig({ url: "https://app.example/w" });
    expect(check.ok && check.value.maxBytes).toBe(DEFAULT_MAX_BYTES);
  });

  it("names the type of a URL that is not a string or URL", () => {
    expect(messageOf(checkRequestConfig({ url: 42 }))).toBe("The app URL is number; expected an http(s) URL string.");
  });

  it("accepts a real AbortSignal and refuses anything shaped otherwise", () => {
    expect(checkRequestConfig({ url: "https://app.example/w", signal: new AbortController().signal }).ok).toBe(true);
    const refused = "The signal option is not an AbortSignal; expected one from an AbortController, or none.";
    const notSignals: unknown[] = [
      null,
      "signal",
      { aborted: false },
      { addEventListener: () => {} },
      Object.assign(() => {}, { aborted: false, addEventListener: () => {} }),
    ];
    for (const signal of notSignals) expect(messageOf(checkRequestConfig({ url: "https://app.example/w", signal }))).toBe(refused);
  });
});

describe("headerPairs / headersKey", () => {
  it("describes unsendable headers as one pair naming the problem", () => {
    expect(headerPairs({ "X-A": null })).toEqual([["(invalid headers)", 'The app\'s custom header "X-A" has a null value; expected a string.']]);
  });

  it("keys headers by their sorted, case-folded pairs", () => {
    expect(headersKey({ "X-B": "2", "x-a": "1" })).toBe('[["x-a","1"],["x-b","2"]]');
  });
});
