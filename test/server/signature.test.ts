// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signaturePayload, signQuery, timingSafeEqual, verifySignature } from "../../src/protocol/signature.js";

interface Vector {
  name: string;
  secret: string;
  query: string;
  payload: string;
  signature: string;
}

// A copy of ../shared/fixtures/signature-vectors.json (made with Go 1.19), kept in the repository.
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/signature-vectors.json", import.meta.url), "utf8"),
) as { vectors: Vector[] };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("signature vectors made with Go", () => {
  it("has vectors to check", () => {
    expect(fixture.vectors.length).toBeGreaterThan(0);
  });

  for (const vector of fixture.vectors) {
    describe(vector.name, () => {
      it("serialises the query exactly like Go", () => {
        expect(text(signaturePayload(vector.query))).toBe(vector.payload);
      });

      it("signs the query string, with or without a leading ?", async () => {
        expect(await signQuery(vector.query, vector.secret)).toBe(vector.signature);
        expect(await signQuery(`?${vector.query}`, vector.secret)).toBe(vector.signature);
      });

      it("signs the same parameters given as URLSearchParams and as a record", async () => {
        const search = new URLSearchParams(vector.query);
        expect(await signQuery(search, vector.secret)).toBe(vector.signature);
        const record: Record<string, string[]> = {};
        for (const [key, value] of search) (record[key] ??= []).push(value);
        expect(await signQuery(record, vector.secret)).toBe(vector.signature);
      });

      it("verifies the Go signature and rejects a changed one", async () => {
        expect(await verifySignature(vector.query, vector.signature, vector.secret)).toBe(true);
        const flipped = vector.signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
        expect(await verifySignature(vector.query, flipped, vector.secret)).toBe(false);
        expect(await verifySignature(vector.query, vector.signature, `${vector.secret}x`)).toBe(false);
      });
    });
  }
});

describe("Go JSON serialisation corners", () => {
  const payload = (params: Parameters<typeof signaturePayload>[0]) => text(signaturePayload(params));

  it("writes an empty query as {}", () => {
    expect(payload("")).toBe("{}");
    expect(payload("?")).toBe("{}");
    expect(payload(new URLSearchParams())).toBe("{}");
    expect(payload({})).toBe("{}");
  });

  it("gives a key without = the empty value and skips empty pairs", () => {
    expect(payload("flag&&a=1&")).toBe('{"a":["1"],"flag":[""]}');
  });

  it("keeps repeated keys together in their original order", () => {
    expect(payload("t=2&x=0&t=1&t=3")).toBe('{"t":["2","1","3"],"x":["0"]}');
    expect(payload({ t: ["2", "1"], a: "z" })).toBe('{"a":["z"],"t":["2","1"]}');
  });

  it("leaves out a record key that has no values, as the query string could not carry it", () => {
    expect(payload({ a: [], b: "1" })).toBe('{"b":["1"]}');
  });

  it("leaves out a record key whose value is undefined or null (a JavaScript caller's missing value)", async () => {
    const params = { a: undefined, b: "1", c: null } as unknown as Record<string, string>;
    expect(payload(params)).toBe('{"b":["1"]}');
    expect(await signQuery(params, "k")).toBe(await signQuery("b=1", "k"));
  });

  it("sorts keys by UTF-8 bytes, not by UTF-16 code units", () => {
    // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16.
    const params = { "\u{1F600}": "emoji", "\uFF21": "fullwidth", a: "ascii", "\u00e9": "latin" };
    expect(payload(params)).toBe('{"a":["ascii"],"é":["latin"],"Ａ":["fullwidth"],"😀":["emoji"]}');
    expect(["\u{1F600}", "\uFF21"].sort()).toEqual(["\u{1F600}", "\uFF21"]); // JS order differs
  });

  it("sorts a key before the longer keys it prefixes", () => {
    expect(payload("ab=2&a=1&a_b=3")).toBe('{"a":["1"],"a_b":["3"],"ab":["2"]}');
  });

  it("escapes HTML-sensitive characters and line/paragraph separators like Go", () => {
    expect(payload({ k: "<a href='x'>&</a>\u2028\u2029" })).toBe(
      '{"k":["\\u003ca href=\'x\'\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u2029"]}',
    );
  });

  it("escapes control characters as \\u00XX except \\n, \\r and \\t (Go 1.19 has no \\b or \\f)", () => {
    expect(payload({ k: "\n\r\t\b\f\u0000\u001f\u007f" })).toBe('{"k":["\\n\\r\\t\\u0008\\u000c\\u0000\\u001f\u007f"]}');
  });

  it("escapes quotes and backslashes, also in keys", () => {
    expect(payload({ 'a"\\': 'b"\\' })).toBe('{"a\\"\\\\":["b\\"\\\\"]}');
  });

  it("writes each byte of invalid UTF-8 in the query as \\ufffd, like Go", () => {
    // %ED%A0%80 is a UTF-16 surrogate encoded as UTF-8: invalid, three bad bytes.
    expect(payload("k=%ED%A0%80")).toBe('{"k":["\\ufffd\\ufffd\\ufffd"]}');
    // Overlong '/' (C0 AF) and a truncated sequence (E2 82) followed by ASCII.
    expect(payload("k=%C0%AFx%E2%82y")).toBe('{"k":["\\ufffd\\ufffdx\\ufffd\\ufffdy"]}');
    // A valid U+FFFD on the wire stays a literal character.
    expect(payload("k=%EF%BF%BD")).toBe('{"k":["\uFFFD"]}');
  });

  it("sends a lone UTF-16 surrogate in a record as U+FFFD, as URLSearchParams puts it on the wire", async () => {
    const lone = { k: "a\uD800b" };
    expect(payload(lone)).toBe('{"k":["a\uFFFDb"]}');
    const wire = new URLSearchParams(lone).toString();
    expect(await signQuery(lone, "s")).toBe(await signQuery(wire, "s"));
  });

  it("skips pairs Go's ParseQuery rejects: a semicolon or a malformed % escape", () => {
    expect(payload("a=1;b=2&c=3")).toBe('{"c":["3"]}');
    expect(payload("a=%zz&b=%4&c=%41")).toBe('{"c":["A"]}');
  });

  it("decodes + as a space and %2B as a plus", () => {
    expect(payload("a=x+y%2Bz")).toBe('{"a":["x y+z"]}');
  });

  it("treats a query string and the same URLSearchParams alike for non-ASCII text", async () => {
    const search = new URLSearchParams({ requester_email: "zoë@exämple.com", "ключ": "значение" });
    expect(await signQuery(search, "k")).toBe(await signQuery(search.toString(), "k"));
  });
});

describe("verifySignature", () => {
  it("accepts upper-case hex and surrounding whitespace", async () => {
    const signature = await signQuery("a=1", "k");
    expect(await verifySignature("a=1", ` ${signature.toUpperCase()}\n`, "k")).toBe(true);
  });

  it("rejects a missing, empty, truncated or extended signature", async () => {
    const signature = await signQuery("a=1", "k");
    expect(await verifySignature("a=1", null, "k")).toBe(false);
    expect(await verifySignature("a=1", undefined, "k")).toBe(false);
    expect(await verifySignature("a=1", "", "k")).toBe(false);
    expect(await verifySignature("a=1", signature.slice(0, -1), "k")).toBe(false);
    expect(await verifySignature("a=1", `${signature}0`, "k")).toBe(false);
  });

  it("rejects a signature made for other parameters", async () => {
    expect(await verifySignature("a=2", await signQuery("a=1", "k"), "k")).toBe(false);
  });

  it("throws a TypeError naming the missing or empty secret, for signing and verifying alike", async () => {
    const signature = await signQuery("a=1", "k");
    await expect(signQuery("a=1", "")).rejects.toThrow(new TypeError("signQuery needs the app's secret as a non-empty string; got an empty string."));
    await expect(signQuery("a=1", undefined as unknown as string)).rejects.toThrow(new TypeError("signQuery needs the app's secret as a non-empty string; got undefined."));
    await expect(verifySignature("a=1", signature, "")).rejects.toThrow(new TypeError("verifySignature needs the app's secret as a non-empty string; got an empty string."));
    await expect(verifySignature("a=1", null, undefined as unknown as string)).rejects.toThrow(new TypeError("verifySignature needs the app's secret as a non-empty string; got undefined."));
  });
});

describe("timingSafeEqual", () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  it("compares contents and lengths", () => {
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 3))).toBe(true);
    expect(timingSafeEqual(bytes(1, 2, 3), bytes(1, 2, 4))).toBe(false);
    expect(timingSafeEqual(bytes(1, 2), bytes(1, 2, 0))).toBe(false);
    expect(timingSafeEqual(bytes(), bytes())).toBe(true);
    expect(timingSafeEqual(bytes(), bytes(0))).toBe(false);
  });
});
