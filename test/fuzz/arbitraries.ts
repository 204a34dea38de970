import fc from "fast-check";
import { BADGE_COLORS, COMPONENT_SPEC, COMPONENT_TYPES, HEADER_SPEC, LEAF_TYPES, type ComponentType, type FieldKind, type FieldSpec } from "../../src/schema/spec.js";

/**
 * Fuzz settings. Fixed seed so `npm test` is reproducible; run longer or with another seed with
 * `FUZZ_RUNS=20000 FUZZ_SEED=7 npx vitest run test/fuzz`. A failure prints its seed and path;
 * replay it with the same FUZZ_SEED (fast-check also prints `path` for `fc.assert` options).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20240715);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
export const fuzzParams = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS } as const;

/** Test timeout that grows with FUZZ_RUNS so long runs are not cut off. */
export const fuzzTimeout = Math.max(30_000, FUZZ_RUNS * 200);

const CONTROL_CHARS = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(i)); // U+0000–U+0020

/** `javascript:` spelled every way a browser still reads as the scheme `javascript`. */
export const javascriptUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...CONTROL_CHARS, "\uFEFF"), { maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    fc.array(fc.constantFrom("", "", "", "\t", "\n", "\r"), { minLength: 11, maxLength: 11 }),
    fc.constantFrom("alert(1)", "alert(document.cookie)", "//%0aalert(1)", "void(0)"),
  )
  .map(([lead, upper, inserts, body]) => {
    const scheme = [..."javascript"].map((c, i) => inserts[i] + (upper[i] ? c.toUpperCase() : c)).join("");
    return `${lead.join("")}${scheme}${inserts[10]}:${body}`;
  });

/** Strings a hostile endpoint might send to break out of text or into an attribute. */
export const HOSTILE_STRINGS: readonly string[] = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "\tjava\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "\u0000javascript:alert(1)",
  "\u0001\u001fjavascript:alert(1)",
  "\uFEFFjavascript:alert(1)",
  "javascript&colon;alert(1)",
  "jav&#x09;ascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "file:///etc/passwd",
  "blob:https://example.com/uuid",
  "//evil.example/x",
  "/relative/path",
  "",
  " ",
  "https://ok.example/?q=<script>alert(1)</script>",
  'https://ok.example/"><svg onload=alert(1)>',
  "mailto:a@example.com?body=<script>alert(1)</script>",
  "tel:+1<script>",
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "'><svg/onload=alert(1)>",
  '" onmouseover="alert(1)',
  "' style='x:expression(alert(1))",
  "<style>*{display:none}</style>",
  "<a href=\"javascript:alert(1)\">x</a>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;",
  "<!--",
  "]]>",
  "\u2028\u2029",
  "\u202Egnp.exe",
  "\u202Dltr\u202Crtl\u2066iso\u2069",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "\uD800",
  "\uDFFF\uD800",
  "a\r\nb\rc\nd",
  "\n\n\n",
  "2024-07-15T12:34:56Z",
  "https://example.com",
  "card",
  "link",
];

const hugeString = fc.constantFrom("x".repeat(100_000), "<script>".repeat(12_500), "a\n".repeat(50_000));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: javascriptUrl },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

const plainText = fc.string({ unit: "grapheme", maxLength: 30 });
const multiLine = fc.array(plainText, { minLength: 1, maxLength: 4 }).map((lines) => lines.join("\n"));
const iconUrl = fc.oneof(fc.webUrl(), fc.constant("data:image/png;base64,iVBORw0KGgo="));
const linkUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.emailAddress().map((e) => `mailto:${e}`),
  fc.stringMatching(/^\+?[0-9]{3,12}$/).map((n) => `tel:${n}`),
);
const rfc3339 = fc
  .tuple(
    fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }),
    fc.constantFrom("Z", "z", "+00:00", "+05:30", "-08:00", "+14:00"),
    fc.boolean(),
  )
  .map(([date, zone, fraction]) => {
    const iso = date.toISOString(); // 2024-07-15T12:34:56.789Z
    return `${fraction ? iso.slice(0, 23) : iso.slice(0, 19)}${zone}`;
  });
const color = fc.constantFrom(...BADGE_COLORS);

/** A valid value of each field kind; `components` is a card's list of leaf components. */
function kindValue(kind: FieldKind): fc.Arbitrary<unknown> {
  switch (kind) {
    case "string":
      return fc.oneof(plainText, multiLine);
    case "date_time":
      return rfc3339;
    case "url":
      return linkUrl;
    case "icon_url":
      return iconUrl;
    case "button_type":
      return fc.constant("link");
    case "badge_items":
      return fc.array(fc.record({ value: plainText, color }), { maxLength: 5 });
    case "header":
      return header;
    case "components":
      return fc.array(leafComponent, { maxLength: 8 });
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): never {
  throw new Error(`no arbitrary for the field kind ${String(kind)}`);
}

/** An object with the spec's fields: required ones always, optional ones sometimes. */
function fieldsOf(fields: Readonly<Record<string, FieldSpec>>, extra: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const arbitraries: Record<string, fc.Arbitrary<unknown>> = { ...extra };
  for (const [name, field] of Object.entries(fields)) arbitraries[name] = kindValue(field.kind);
  const requiredKeys = [...Object.keys(extra), ...Object.entries(fields).filter(([, field]) => field.required).map(([name]) => name)];
  return fc.record(arbitraries, { requiredKeys });
}

const componentOf = (type: ComponentType) => fieldsOf(COMPONENT_SPEC[type], { type: fc.constant(type) });

const header: fc.Arbitrary<Record<string, unknown>> = fieldsOf(HEADER_SPEC);

/** Every type that may stand inside a card, valid. */
export const leafComponent: fc.Arbitrary<Record<string, unknown>> = fc.oneof(...LEAF_TYPES.map(componentOf));

export const card: fc.Arbitrary<Record<string, unknown>> = componentOf("card");

/** A payload that follows Response Schema 1.0.0 exactly (parseWidget must accept it). */
export const validPayload: fc.Arbitrary<Record<string, unknown>> = fc.record({
  version: fc.constantFrom("1.0.0", "1.2.3"),
  header,
  components: fc.array(fc.oneof(leafComponent, card), { maxLength: 12 }),
});

type Json = unknown;

/** One edit to a JSON tree; `at` picks the node (modulo the number of nodes). */
export type Mutation =
  | { kind: "remove"; at: number }
  | { kind: "retype"; at: number; value: Json }
  | { kind: "hostile"; at: number; value: string }
  | { kind: "swap"; at: number; with: number }
  | { kind: "copy"; at: number; with: number }
  | { kind: "protoKey"; at: number; key: string; value: Json }
  | { kind: "setType"; at: number; value: string };

const retypeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, "", [], {}, [[]], { type: "card" }, { type: "card", components: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("retype" as const), at: fc.nat(), value: retypeValue }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("hostile" as const), at: fc.nat(), value: hostileString }) },
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("copy" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant("protoKey" as const),
    at: fc.nat(),
    key: fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"),
    value: retypeValue,
  }),
  fc.record({
    kind: fc.constant("setType" as const),
    at: fc.nat(),
    value: fc.constantFrom(...COMPONENT_TYPES, "datetime", "Text", "", "__proto__"),
  }),
);

interface Slot {
  parent: Record<string, Json> | Json[];
  key: string | number;
}

/** Every member of every object and array in the tree, in document order. */
function slots(root: Json): Slot[] {
  const found: Slot[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        found.push({ parent: value, key: index });
        visit(item);
      });
    } else if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value)) {
        found.push({ parent: value as Record<string, Json>, key });
        visit((value as Record<string, Json>)[key]);
      }
    }
  };
  visit(root);
  return found;
}

function objects(root: Json): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (value: Json) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      found.push(value as Record<string, Json>);
      Object.values(value).forEach(visit);
    }
  };
  visit(root);
  return found;
}

/** Sets an own, enumerable member even for `__proto__` (as JSON.parse does). */
function define(object: Record<string, Json>, key: string, value: Json) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function read(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

function write(slot: Slot, value: Json) {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else define(slot.parent, slot.key as string, value);
}

/**
 * Applies the mutations to a deep copy and returns the result as JSON text parsed back, so the
 * value is exactly what an endpoint could send (own `__proto__` members included).
 */
export function mutate(payload: Json, mutations: Mutation[]): Json {
  const root: Json = JSON.parse(JSON.stringify(payload));
  for (const m of mutations) {
    if (m.kind === "protoKey" || m.kind === "setType") {
      const targets = objects(root);
      if (targets.length === 0) continue;
      const target = targets[m.at % targets.length];
      if (m.kind === "protoKey") define(target, m.key, m.value);
      else define(target, "type", m.value);
      continue;
    }
    const all = slots(root);
    if (all.length === 0) continue;
    const slot = all[m.at % all.length];
    switch (m.kind) {
      case "remove":
        if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else delete slot.parent[slot.key as string];
        break;
      case "retype":
        write(slot, structuredClone(m.value));
        break;
      case "hostile":
        write(slot, m.value);
        break;
      case "swap":
      case "copy": {
        const other = all[m.with % all.length];
        if (other.parent === slot.parent && other.key === slot.key) break;
        const a = read(slot);
        const b = read(other);
        // Copy with JSON round trips so the tree stays a tree (no cycles, no shared nodes).
        write(slot, JSON.parse(JSON.stringify(b ?? null)));
        if (m.kind === "swap" && !contains(b, slot.parent) && !contains(a, other.parent)) write(other, JSON.parse(JSON.stringify(a ?? null)));
        break;
      }
    }
  }
  return JSON.parse(JSON.stringify(root));
}

function contains(tree: Json, node: Json): boolean {
  if (tree === node) return true;
  if (tree === null || typeof tree !== "object") return false;
  return Object.values(tree).some((child) => contains(child, node));
}

/** Valid payloads with one to six random edits. */
export const mutatedPayload: fc.Arbitrary<Json> = fc
  .tuple(validPayload, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([payload, mutations]) => mutate(payload, mutations));
