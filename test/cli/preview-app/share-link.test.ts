// @vitest-environment node
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  createShareLink,
  decodeSharedPayload,
  encodeSharedPayload,
  MAX_SHARED_BYTES,
  MAX_SHARE_VALUE_LENGTH,
  readSharedPayload,
} from "../../../src/cli/preview-app/share-link.js";

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

describe("share-link codec", () => {
  it("round-trips any text, compressed or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 400 }), fc.boolean(), async (text, compress) => {
        const value = await encodeSharedPayload(text, { compress });
        expect(value).toMatch(/^~?[A-Za-z0-9_-]*$/);
        expect(await decodeSharedPayload(value)).toEqual({ ok: true, text });
      }),
      { numRuns: 150 },
    );
  });

  it("round-trips any JSON payload through a whole link", async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (json) => {
        const link = await createShareLink("http://127.0.0.1:4100/?x=1#old", json);
        expect(link.startsWith("http://127.0.0.1:4100/?x=1#payload=")).toBe(true);
        expect(await readSharedPayload(new URL(link).hash)).toEqual({ ok: true, text: json });
      }),
      { numRuns: 100 },
    );
  });

  it("writes the plain form as base64url of the UTF-8 text, and compresses only when shorter", async () => {
    expect(await encodeSharedPayload('{"a":"é"}', { compress: false })).toBe(Buffer.from('{"a":"é"}').toString("base64url"));
    expect(await encodeSharedPayload("{}")).toBe(Buffer.from("{}").toString("base64url"));
    const repetitive = JSON.stringify({ components: Array.from({ length: 200 }, () => ({ type: "divider" })) });
    const packed = await encodeSharedPayload(repetitive);
    expect(packed.startsWith("~")).toBe(true);
    expect(packed.length).toBeLessThan(repetitive.length / 10);
    // The compressed form is plain deflate-raw, so other tools can make links too.
    expect(packed).toBe("~" + base64url(new Uint8Array(await new Response(new Blob([repetitive]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer())));
  });

  it("refuses to encode a payload over 1 MiB, naming its size", async () => {
    await expect(encodeSharedPayload("x".repeat(MAX_SHARED_BYTES + 1))).rejects.toThrow(/1\.0 MiB; a share link carries at most 1\.0 MiB/);
    await expect(encodeSharedPayload("x".repeat(MAX_SHARED_BYTES))).resolves.toBeTypeOf("string");
  });

  it("refuses a link that inflates past 1 MiB (a small link cannot expand without bound)", async () => {
    const bomb = "~" + base64url(deflateRawSync(Buffer.alloc(MAX_SHARED_BYTES + 1, 0x20)));
    expect(bomb.length).toBeLessThan(2000);
    // Compared field by field: a failure must not diff a megabyte of text.
    const refused = await decodeSharedPayload(bomb);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.message).toBe("The share link's payload decompresses to more than 1.0 MiB.");
    const fits = await decodeSharedPayload("~" + base64url(deflateRawSync(Buffer.alloc(MAX_SHARED_BYTES, 0x20))));
    expect(fits.ok && fits.text.length).toBe(MAX_SHARED_BYTES);
  });

  it("refuses an oversized fragment before decoding it", async () => {
    const result = await decodeSharedPayload("A".repeat(MAX_SHARE_VALUE_LENGTH + 1));
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The share link is \d+ characters long; at most \d+ are read\.$/) as string });
  });

  it.each([
    ["not base64url", "abc$", /not base64url/],
    ["an impossible length", "abcde", /not base64url/],
    ["bytes that are not UTF-8", base64url(new Uint8Array([0xff, 0xfe])), /not UTF-8 text/],
    ["a cut compressed value", "~" + base64url(deflateRawSync(Buffer.from('{"a":1}'))).slice(0, 3), /damaged|not UTF-8/],
  ])("explains %s", async (_name, value, message) => {
    const result = await decodeSharedPayload(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("reads the payload from a fragment with other parameters, and nothing from one without", async () => {
    const value = await encodeSharedPayload('{"x":1}');
    expect(await readSharedPayload(`#theme=dark&payload=${value}`)).toEqual({ ok: true, text: '{"x":1}' });
    expect(await readSharedPayload("#theme=dark")).toBeNull();
    expect(await readSharedPayload("")).toBeNull();
  });
});
