// @vitest-environment node
import { describe, expect, it } from "vitest";
import { marshalGoValues } from "../../src/protocol/go-json.js";

/** json.Marshal(url.Values{"k": {value}}) as Go writes it, for a value given as bytes. */
function marshalOne(value: number[]): Buffer {
  return Buffer.from(marshalGoValues([[Buffer.from("k"), [Uint8Array.from(value)]]]));
}

/** What Go writes: `{"k":["` + the parts (byte arrays kept raw, strings as ASCII) + `"]}`. */
function goOutput(...parts: Array<number[] | string>): Buffer {
  return Buffer.concat([Buffer.from('{"k":["'), ...parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))), Buffer.from('"]}')]);
}

const BAD = "\\ufffd";

describe("marshalGoValues: UTF-8 as Go's utf8.DecodeRune reads it", () => {
  it("keeps valid 2-byte runes at both ends of the lead-byte range", () => {
    expect(marshalOne([0xc2, 0x80])).toEqual(goOutput([0xc2, 0x80]));
    expect(marshalOne([0xdf, 0xbf])).toEqual(goOutput([0xdf, 0xbf]));
  });

  it("replaces a 2-byte lead without a continuation byte, one \\ufffd per bad byte", () => {
    expect(marshalOne([0xc2, 0x41])).toEqual(goOutput(BAD, "A"));
    expect(marshalOne([0x41, 0xc2])).toEqual(goOutput("A", BAD));
  });

  it("keeps valid 3-byte runes and refuses the overlong E0 80 80", () => {
    expect(marshalOne([0xe0, 0xa0, 0x80])).toEqual(goOutput([0xe0, 0xa0, 0x80]));
    expect(marshalOne([0xe0, 0x80, 0x80])).toEqual(goOutput(BAD, BAD, BAD));
  });

  it("keeps valid 4-byte runes from U+10000 to U+10FFFF", () => {
    expect(marshalOne([0xf0, 0x90, 0x80, 0x80])).toEqual(goOutput([0xf0, 0x90, 0x80, 0x80]));
    expect(marshalOne([0xf1, 0x80, 0x80, 0x80])).toEqual(goOutput([0xf1, 0x80, 0x80, 0x80]));
    expect(marshalOne([0xf4, 0x8f, 0xbf, 0xbf])).toEqual(goOutput([0xf4, 0x8f, 0xbf, 0xbf]));
  });

  it("refuses overlong, out-of-range, non-UTF-8 lead and broken 4-byte sequences", () => {
    expect(marshalOne([0xf0, 0x80, 0x80, 0x80])).toEqual(goOutput(BAD, BAD, BAD, BAD));
    expect(marshalOne([0xf4, 0x90, 0x80, 0x80])).toEqual(goOutput(BAD, BAD, BAD, BAD));
    expect(marshalOne([0xf5, 0x80, 0x80, 0x80])).toEqual(goOutput(BAD, BAD, BAD, BAD));
    expect(marshalOne([0xf0, 0x90, 0x80, 0x41])).toEqual(goOutput(BAD, BAD, BAD, "A"));
    expect(marshalOne([0xf0, 0x90, 0x80])).toEqual(goOutput(BAD, BAD, BAD));
    expect(marshalOne([0xf0, 0x90, 0x41, 0x80])).toEqual(goOutput(BAD, BAD, "A", BAD));
    expect(marshalOne([0x80, 0x80, 0x80, 0x80])).toEqual(goOutput(BAD, BAD, BAD, BAD));
  });

  it("goes on escaping after a valid multi-byte rune", () => {
    expect(marshalOne([0xc2, 0x80, 0x3c])).toEqual(goOutput([0xc2, 0x80], "\\u003c"));
    expect(marshalOne([0xf0, 0x90, 0x80, 0x80, 0x3c])).toEqual(goOutput([0xf0, 0x90, 0x80, 0x80], "\\u003c"));
  });

  it("writes values far longer than its initial buffer", () => {
    const long = new Array<number>(1000).fill(0x61);
    expect(marshalOne(long)).toEqual(goOutput("a".repeat(1000)));
  });
});
