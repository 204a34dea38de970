/// <reference types="vite/client" />
// The facts behind the docs pages, read from the library itself so the pages cannot drift:
// one example per diagnostic code (run through parseWidget) and every token of tokens.css.
import { parseWidget, type DiagnosticCode } from "../../src/index.js";
import tokensCss from "../../src/styles/tokens.css?raw";

export interface DiagnosticDoc {
  when: string;
  /** A payload that produces this diagnostic; the table shows the real path and message. */
  example: unknown;
}

const v = "1.0.0";
const header = { title: "Example" };

/** One entry per code: TypeScript fails here when a code is added to DIAGNOSTIC_SEVERITY. */
export const DIAGNOSTIC_DOCS = {
  invalid_root: {
    when: "The input is not an object, or `components` is missing or not an array.",
    example: { version: v, header, components: "none" },
  },
  unknown_type: {
    when: "A component has no `type`, or one that is not one of the seven.",
    example: { version: v, header, components: [{ type: "chart", label: "Sales" }] },
  },
  nested_card: {
    when: "A `card` stands inside another card (cards do not nest).",
    example: { version: v, header, components: [{ type: "card", components: [{ type: "text", label: "A", value: "1" }, { type: "card", components: [] }] }] },
  },
  missing_field: {
    when: "A required field is absent, including a badge item's `value`.",
    example: { version: v, header, components: [{ type: "text", value: "Pro" }] },
  },
  invalid_type: {
    when: "A field has the wrong JSON type (a number label, `items` not an array, …).",
    example: { version: v, header, components: [{ type: "text", label: 42, value: "Pro" }] },
  },
  invalid_value: {
    when: '`button_type` is anything other than `"link"`.',
    example: { version: v, header, components: [{ type: "button", label: "Open", button_type: "submit", url: "https://example.com" }] },
  },
  invalid_date_time: {
    when: "`date_time.value` is not an RFC 3339 date-time (a real calendar date, time with seconds, and a zone).",
    example: { version: v, header, components: [{ type: "date_time", label: "Renews", value: "2023-02-29T10:00:00Z" }] },
  },
  invalid_url: {
    when: "A button or link `url` is not an absolute URL (relative, protocol-relative `//x`, empty).",
    example: { version: v, header, components: [{ type: "link", label: "Docs", url: "/docs/billing" }] },
  },
  unsafe_url: {
    when: "A button or link `url` uses a scheme that is not allowed (default: https, http, mailto, tel).",
    example: { version: v, header, components: [{ type: "link", label: "Run", url: " JavaScript:alert(1)" }] },
  },
  unsupported_version: {
    when: "`version` has a major number other than 1.",
    example: { version: "2.0.0", header, components: [] },
  },
  too_many_components: {
    when: "More components in total (cards and their children) than `limits.maxComponents` (default 1000).",
    example: { version: v, header, components: Array.from({ length: 1001 }, () => ({ type: "divider" })) },
  },
  missing_version: {
    when: "There is no `version`.",
    example: { header, components: [] },
  },
  invalid_version: {
    when: "`version` is not `MAJOR.MINOR.PATCH` but its major is 1 or unreadable.",
    example: { version: "1.0", header, components: [] },
  },
  missing_header: {
    when: "There is no root `header`.",
    example: { version: v, components: [] },
  },
  unknown_color: {
    when: "A badge item's `color` is missing or not one of the five; the pill renders gray.",
    example: { version: v, header, components: [{ type: "badge", label: "Tier", items: [{ value: "Gold", color: "yellow" }] }] },
  },
  invalid_icon_url: {
    when: "An `icon_url` is not an absolute http(s) URL or a `data:image/…` URL; the icon is left out.",
    example: { version: v, header: { title: "Example", icon_url: "javascript:alert(1)" }, components: [] },
  },
} satisfies Record<DiagnosticCode, DiagnosticDoc>;

/** What parseWidget really reports for a code's example: the first diagnostic with that code. */
export function exampleDiagnostic(code: DiagnosticCode) {
  return parseWidget(DIAGNOSTIC_DOCS[code].example).diagnostics.find((d) => d.code === code) ?? null;
}

export interface TokenDoc {
  name: string;
  light: string;
  dark: string;
}

/**
 * Every public `--sc-…` token of tokens.css with its light and dark default. Sizes are declared
 * as `--sc-x: value`; colors as a private copy `--_sc-x: var(--sc-x, light-dark(light, dark))`.
 */
export function readTokens(css: string = tokensCss): TokenDoc[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const tokens: TokenDoc[] = [];
  const seen = new Set<string>();
  const declarations = /(--_?sc-[a-z0-9-]+)\s*:\s*([^;]+);/g;
  for (const [, declared, raw] of withoutComments.matchAll(declarations)) {
    let name = declared;
    let value = raw.trim().replace(/\s+/g, " ");
    if (declared.startsWith("--_sc-")) {
      const fallback = /^var\(\s*(--sc-[a-z0-9-]+)\s*,\s*(.+)\)$/.exec(value);
      if (!fallback) continue;
      [, name, value] = fallback;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const pair = /^light-dark\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(value);
    tokens.push(pair ? { name, light: pair[1], dark: pair[2] } : { name, light: value, dark: value });
  }
  return tokens;
}

/** What each token styles. A token missing here shows as undocumented on the Theming page. */
export const TOKEN_PURPOSE: Record<string, string> = {
  "--sc-font-family": "Font of all widget text.",
  "--sc-font-family-mono": "Font of diagnostic paths in error states.",
  "--sc-font-size": "Body text: labels, values, links, buttons, card titles.",
  "--sc-font-size-small": "Inline errors, diagnostic lists, \"+N more\" notes, the Copied state and the footer.",
  "--sc-font-size-title": "Widget title.",
  "--sc-font-size-badge": "Badge text.",
  "--sc-line-height": "Line height of widget text; rows, badges and marks line up on it.",
  "--sc-radius": "Corners of buttons and error boxes.",
  "--sc-radius-card": "Corners of cards.",
  "--sc-radius-badge": "Corners of badges (slightly rounded rectangles).",
  "--sc-space": "Widget padding; gap under the widget header.",
  "--sc-space-small": "Gap between an icon and its value, between a link and its copy button.",
  "--sc-row-gap": "Vertical gap between rows and other components.",
  "--sc-row-label-width": "Width of the label column of a row; the value starts after it.",
  "--sc-card-padding-block": "Card padding at top and bottom, and the gap under a card header.",
  "--sc-card-padding-inline": "Card padding at the sides.",
  "--sc-badge-height": "Height of one badge.",
  "--sc-badge-gap": "Gap between badges, across and between their lines.",
  "--sc-icon-size": "Width and height of widget and card header icons.",
  "--sc-value-icon-size": "Width and height of an icon at the start of a value.",
  "--sc-color-background": "Widget and card background.",
  "--sc-color-surface": "Loading skeleton of `<CustomApp>`.",
  "--sc-color-text": "Main text: titles, labels and values.",
  "--sc-color-muted": "Copy, refresh and external-link marks, the empty-widget note, \"+N more\", the Copied state and the footer.",
  "--sc-color-border": "Card borders and dividers.",
  "--sc-color-link": "The URL of a link row and the footer link.",
  "--sc-color-focus": "Keyboard focus ring on links and buttons.",
  "--sc-button-background": "Button background.",
  "--sc-button-background-hover": "Button background on hover.",
  "--sc-button-border": "Button outline.",
  "--sc-button-text": "Button text.",
  "--sc-error-background": "Error state and inline-error background.",
  "--sc-error-border": "Error state and inline-error border.",
  "--sc-error-text": "Error state and inline-error text.",
  "--sc-badge-blue-background": "Background of `blue` badges.",
  "--sc-badge-blue-text": "Text of `blue` badges.",
  "--sc-badge-green-background": "Background of `green` badges.",
  "--sc-badge-green-text": "Text of `green` badges.",
  "--sc-badge-red-background": "Background of `red` badges.",
  "--sc-badge-red-text": "Text of `red` badges.",
  "--sc-badge-orange-background": "Background of `orange` badges.",
  "--sc-badge-orange-text": "Text of `orange` badges.",
  "--sc-badge-gray-background": "Background of `gray` badges and of badges with an unknown color.",
  "--sc-badge-gray-text": "Text of `gray` badges and of badges with an unknown color.",
};
