// A spec edit the walk cannot honour fails loudly instead of being skipped: only cards hold
// components, so a leaf given a "components" field is a mistake in sidecard, not in a payload.
import { expect, test, vi } from "vitest";

vi.mock("../../src/parse/component-fields.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/parse/component-fields.js")>();
  return {
    ...original,
    COMPONENT_FIELDS: { ...original.COMPONENT_FIELDS, text: [...original.COMPONENT_FIELDS.text, { name: "components", kind: "components", required: false }] },
  };
});

const { parseWidget } = await import("../../src/index.js");

test("a leaf the spec gives a components field makes the walk throw, naming the type", () => {
  // An invalid label keeps the component off the fast path, so the table-driven walk runs.
  const payload = { version: "1.0.0", header: {}, components: [{ type: "text", label: 1, value: "v" }] };
  expect(() => parseWidget(payload)).toThrow(new Error('the spec gives the text component a "components" field; only cards have one'));
});
