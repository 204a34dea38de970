import type { Diagnostic } from "../../src/index.js";
import { checkMark, chevronMark, copyMark, externalLinkMark, refreshMark } from "../../src/components/marks.js";

/** Splits an RFC 6901 JSON Pointer into its unescaped segments, or `null` when it is malformed. */
export function pointerSegments(pointer: string): string[] | null {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return null;
  const raw = pointer.slice(1).split("/");
  if (raw.some((segment) => /~(?![01])/.test(segment))) return null;
  return raw.map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Own members only: a pointer must never resolve through the prototype chain. */
function child(value: unknown, segment: string): { found: boolean; value: unknown } {
  if (Array.isArray(value)) {
    if (!/^(0|[1-9][0-9]*)$/.test(segment)) return { found: false, value: undefined };
    const index = Number(segment);
    return index < value.length ? { found: true, value: value[index] } : { found: false, value: undefined };
  }
  if (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, segment)) {
    return { found: true, value: (value as Record<string, unknown>)[segment] };
  }
  return { found: false, value: undefined };
}

/**
 * Why a diagnostic's path does not fit the input, or `null` when it does: the pointer must be
 * well formed and resolve in the input, except that its last segment may be missing (a missing
 * field points where it would be) as long as its parent exists and is an object.
 */
export function pathProblem(input: unknown, d: Diagnostic): string | null {
  const segments = pointerSegments(d.path);
  if (segments === null) return `malformed JSON Pointer ${JSON.stringify(d.path)}`;
  let current = input;
  for (let i = 0; i < segments.length; i++) {
    const next = child(current, segments[i]);
    if (!next.found) {
      const isLast = i === segments.length - 1;
      // Only an object member can be missing; an array index must always exist.
      const parentIsObject = current !== null && typeof current === "object" && !Array.isArray(current);
      if (isLast && parentIsObject) return null;
      return `${JSON.stringify(d.path)} (${d.code}) does not resolve: segment ${i} ${JSON.stringify(segments[i])} is missing`;
    }
    current = next.value;
  }
  return null;
}

/** The path shapes SPEC §3 promises per code; returns why a diagnostic breaks them, or `null`. */
export function pathShapeProblem(input: unknown, d: Diagnostic): string | null {
  const segments = pointerSegments(d.path) ?? [];
  const last = segments[segments.length - 1];
  const at = (path: string[]) =>
    path.reduce<unknown>((value, segment) => (value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, segment) ? (value as Record<string, unknown>)[segment] : undefined), input);
  switch (d.code) {
    case "invalid_root":
      return d.path === "" || d.path === "/components" ? null : `invalid_root at ${d.path}`;
    case "too_many_components":
      return d.path === "/components" ? null : `too_many_components at ${d.path}`;
    case "unknown_type": {
      if (last !== "type") return `unknown_type path ${JSON.stringify(d.path)} does not end in /type`;
      const component = at(segments.slice(0, -1));
      return component !== null && typeof component === "object" && !Array.isArray(component) ? null : `unknown_type on a non-object at ${d.path}`;
    }
    case "nested_card": {
      const card = at(segments) as Record<string, unknown> | undefined;
      return segments.length === 4 && segments[0] === "components" && segments[2] === "components" && card?.type === "card" ? null : `nested_card at ${d.path} is not an inner card`;
    }
    case "missing_version":
    case "invalid_version":
    case "unsupported_version":
      return d.path === "/version" ? null : `${d.code} at ${d.path}`;
    case "missing_header":
      return d.path === "/header" ? null : `missing_header at ${d.path}`;
    case "invalid_url":
    case "unsafe_url":
      return last === "url" ? null : `${d.code} at ${d.path}`;
    case "invalid_date_time":
      return last === "value" ? null : `invalid_date_time at ${d.path}`;
    case "unknown_color":
      return last === "color" ? null : `unknown_color at ${d.path}`;
    case "invalid_icon_url":
      return last === "icon_url" ? null : `invalid_icon_url at ${d.path}`;
    case "invalid_value":
      return last === "button_type" ? null : `invalid_value at ${d.path}`;
    case "missing_field":
      return at(segments) === undefined ? null : `missing_field at ${d.path}, but a value is there`;
    default:
      return null;
  }
}

export const ALLOWED_TAGS = new Set([
  "section", "div", "span", "p", "ul", "li", "a", "time", "hr", "img", "code",
  "h1", "h2", "h3", "h4", "h5", "h6",
  // Rows are description lists; disclosure and copy buttons; marks are one <svg> with one <path>.
  "dl", "dt", "dd", "button", "svg", "path",
]);

export const ALLOWED_ATTRIBUTES = new Set([
  "class", "title", "href", "target", "rel", "datetime", "src", "alt", "width", "height", "loading",
  "decoding", "referrerpolicy", "role", "aria-label",
  "data-sidecard", "data-sidecard-component", "data-sidecard-state", "data-sidecard-invalid",
  "data-sidecard-path", "data-theme", "data-color", "data-severity", "data-code", "data-disabled",
  "data-layout", "type", "id", "aria-expanded", "aria-controls", "aria-hidden", "viewbox", "d",
]);

/** The path data of every mark sidecard draws (src/components/marks.tsx). */
const MARK_PATHS = new Set(
  [chevronMark, copyMark, checkMark, externalLinkMark, refreshMark].map((mark) => (mark.props as { children: { props: { d: string } } }).children.props.d),
);

export const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };

/** Decodes the character references React writes in attribute values. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") return String.fromCodePoint(ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

// React's server output escapes `<` in text and `"` in attribute values, so every `<` starts a
// real tag and every tag matches this grammar; anything else is a finding in itself.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
const VOID_TAGS = new Set(["img", "hr", "br"]);

/**
 * Every way rendered HTML could carry markup from the payload: unknown elements, unknown or
 * event-handler attributes, inline styles, scripts, and links or images with other schemes.
 * A strict scanner over React's output (far faster than jsdom's DOMParser, which the fuzz
 * loop cannot afford). Returns the problems found (empty when the HTML is safe).
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push("contains <script");
  if (/<style/i.test(html)) problems.push("contains <style");
  const open: string[] = [];
  let roots = 0;
  let index = html.indexOf("<");
  if (index !== 0) problems.push("text before the widget root");
  while (index !== -1) {
    TAG.lastIndex = index;
    const match = TAG.exec(html);
    if (!match) {
      problems.push(`unparseable markup at ${index}: ${JSON.stringify(html.slice(index, index + 60))}`);
      break;
    }
    const [, closing, rawTag, attributes, selfClosing] = match;
    const tag = rawTag.toLowerCase();
    if (closing) {
      if (open.pop() !== tag) problems.push(`unbalanced </${tag}>`);
    } else {
      if (open.length === 0) roots++;
      if (!ALLOWED_TAGS.has(tag)) problems.push(`unexpected element <${tag}>`);
      const seen = new Map<string, string>();
      for (const [, rawName, rawValue] of attributes.matchAll(ATTRIBUTE)) {
        const name = rawName.toLowerCase();
        seen.set(name, decodeAttribute(rawValue ?? ""));
        if (name.startsWith("on")) problems.push(`event handler attribute ${name} on <${tag}>`);
        else if (name === "style") problems.push(`style attribute on <${tag}>`);
        else if (!ALLOWED_ATTRIBUTES.has(name)) problems.push(`unexpected attribute ${name} on <${tag}>`);
      }
      // <svg> and <path> only as sidecard's own marks: class sc-mark, one of the known paths.
      if (tag === "svg" && !/^sc-mark( |$)/.test(seen.get("class") ?? "")) problems.push("an <svg> that is not one of sidecard's marks");
      if (tag === "path" && (open[open.length - 1] !== "svg" || !MARK_PATHS.has(seen.get("d") ?? ""))) problems.push("a <path> that is not one of sidecard's marks");
      if (seen.has("d") && tag !== "path") problems.push(`d on <${tag}>`);
      const href = seen.get("href");
      if (href !== undefined) {
        let protocol: string | null = null;
        try {
          protocol = new URL(href).protocol;
        } catch {
          // not absolute
        }
        if (protocol === null || !LINK_PROTOCOLS.has(protocol)) problems.push(`href ${JSON.stringify(href.slice(0, 80))} is not http(s), mailto or tel`);
        if (tag !== "a") problems.push(`href on <${tag}>`);
      }
      const src = seen.get("src");
      if (src !== undefined) {
        let ok = false;
        try {
          const url = new URL(src);
          ok = url.protocol === "https:" || url.protocol === "http:" || (url.protocol === "data:" && /^image\//i.test(url.pathname));
        } catch {
          ok = false;
        }
        if (!ok) problems.push(`img src ${JSON.stringify(src.slice(0, 80))} is not an http(s) or data:image URL`);
        if (tag !== "img") problems.push(`src on <${tag}>`);
      }
      if (tag === "section" && open.length === 0 && seen.get("data-sidecard") !== "widget") problems.push("the root is not data-sidecard=widget");
      if (!VOID_TAGS.has(tag) && !selfClosing) open.push(tag);
    }
    index = html.indexOf("<", TAG.lastIndex);
  }
  if (open.length > 0) problems.push(`unclosed <${open.join("> <")}>`);
  if (roots !== 1) problems.push(`expected one widget root, found ${roots}`);
  if (!html.startsWith('<section') || !html.endsWith("</section>")) problems.push("the markup is not one <section> widget root");
  return problems;
}
