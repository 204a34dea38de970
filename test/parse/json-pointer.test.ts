import { describe, expect, test } from "vitest";
import { appendPointer } from "../../src/parse/json-pointer.js";

describe("appendPointer (RFC 6901)", () => {
  test("appends a name or an index after a slash", () => {
    expect(appendPointer("", "components")).toBe("/components");
    expect(appendPointer("/components", 0)).toBe("/components/0");
    expect(appendPointer("/components/0", "items")).toBe("/components/0/items");
    expect(appendPointer("", "")).toBe("/");
  });

  test("escapes ~ as ~0 and / as ~1, every occurrence, ~ first", () => {
    expect(appendPointer("", "a/b")).toBe("/a~1b");
    expect(appendPointer("", "m~n")).toBe("/m~0n");
    expect(appendPointer("/x", "a/b/c~d~")).toBe("/x/a~1b~1c~0d~0");
    // "~1" as a name is a tilde then a one, not an escaped slash: RFC 6901 section 4's example.
    expect(appendPointer("", "~1")).toBe("/~01");
    expect(appendPointer("", "/")).toBe("/~1");
  });
});
