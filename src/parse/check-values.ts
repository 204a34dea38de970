// The value checks: one field, header, badge item list or version at a time. Each reads its
// input once and returns a fresh normalised value built from those reads (or `undefined`), so
// what is rendered is what was checked, whatever getters or proxies the input holds.

import { diagnostic, type Diagnostic } from "../schema/diagnostic.js";
import { BADGE_COLORS, type FieldKind } from "../schema/spec.js";
import type { BadgeColor, BadgeItem, WidgetHeader } from "../schema/widget-schema.js";
import { EXPECTED_BY_KIND } from "./component-fields.js";
import { describeValue, quote } from "./describe-value.js";
import { isArray, isPlainObject, ownValue, readItems } from "./read-input.js";
import { isRfc3339 } from "./rfc3339.js";
import { checkLinkUrl, normalizeScheme, toSafeIconSrc } from "./url-safety.js";
import { readVersion } from "./version.js";

const BADGE_COLOR_SET: ReadonlySet<unknown> = new Set(BADGE_COLORS);
const COLOR_LIST = BADGE_COLORS.join(", ");

/** Reports a missing, mistyped, unsupported or loosely written version; returns the version string to keep. */
export function checkVersion(version: unknown, out: Diagnostic[]): string {
  if (version === undefined) {
    out.push(diagnostic("missing_version", "/version", `The payload has no "version"; expected "1.0.0". It is read as 1.0.0.`));
    return "1.0.0";
  }
  if (typeof version !== "string") {
    out.push(diagnostic("invalid_type", "/version", `Expected "version" to be a string such as "1.0.0", but found ${describeValue(version)}.`));
    return "1.0.0";
  }
  const { major, semver } = readVersion(version);
  if (major !== null && major !== 1) {
    out.push(diagnostic("unsupported_version", "/version", `Schema version ${quote(version)} is not supported; expected a 1.x version such as "1.0.0".`));
  } else if (!semver) {
    out.push(diagnostic("invalid_version", "/version", `Expected "version" in the form MAJOR.MINOR.PATCH such as "1.0.0", but found ${quote(version)}; it is read as 1.0.0.`));
  }
  return version;
}

/** Checks a widget or card header; returns a fresh normalised header (bad icons left out). */
export function checkHeader(value: unknown, path: string, out: Diagnostic[]): WidgetHeader {
  if (!isPlainObject(value)) {
    out.push(diagnostic("invalid_type", path, `Expected "header" to be ${EXPECTED_BY_KIND.header}, but found ${describeValue(value)}.`));
    return {};
  }
  const header: WidgetHeader = {};
  const title = ownValue(value, "title");
  if (typeof title === "string") header.title = title;
  else if (title !== undefined) out.push(diagnostic("invalid_type", `${path}/title`, `Expected "title" to be a string, but found ${describeValue(title)}.`));
  const icon = checkIconUrl(ownValue(value, "icon_url"), `${path}/icon_url`, out);
  if (icon !== undefined) header.icon_url = icon;
  return header;
}

/** Returns the icon URL to keep, or `undefined` (after a warning when one was given but is no image URL). */
export function checkIconUrl(value: unknown, path: string, out: Diagnostic[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && toSafeIconSrc(value) !== null) return value;
  out.push(diagnostic("invalid_icon_url", path, `Expected "icon_url" to be ${EXPECTED_BY_KIND.icon_url}, but found ${describeValue(value)}; the icon is left out.`));
  return undefined;
}

/** A leaf field's kinds: `components` belongs to cards, which the component walk checks itself. */
export type LeafFieldKind = Exclude<FieldKind, "components">;

/**
 * Checks one field's value (`undefined` when absent), pushing any diagnostic to `out`. Returns
 * the normalised value to keep, or `undefined` to leave the field out (absent, invalid, or an
 * icon that is no image URL).
 */
export function checkField(value: unknown, name: string, kind: LeafFieldKind, required: boolean, type: string, path: string, schemes: readonly string[], out: Diagnostic[]): unknown {
  if (value === undefined) {
    if (required) out.push(diagnostic("missing_field", path, `The ${type.replace("_", " ")} component has no "${name}"; expected ${EXPECTED_BY_KIND[kind]}.`));
    return undefined;
  }
  switch (kind) {
    case "icon_url":
      return checkIconUrl(value, path, out);
    case "badge_items":
      return checkBadgeItems(value, path, out);
    case "header":
      return checkHeader(value, path, out);
    case "string":
    case "date_time":
    case "button_type":
    case "url":
      if (typeof value === "string") return checkString(value, kind, name, path, schemes, out);
      out.push(diagnostic("invalid_type", path, `Expected "${name}" to be ${EXPECTED_BY_KIND[kind]}, but found ${describeValue(value)}.`));
      return undefined;
    default:
      return unhandledKind(kind);
  }
}

function checkString(value: string, kind: "string" | "date_time" | "button_type" | "url", name: string, path: string, schemes: readonly string[], out: Diagnostic[]): string | undefined {
  switch (kind) {
    case "string":
      return value;
    case "date_time":
      if (isRfc3339(value)) return value;
      out.push(diagnostic("invalid_date_time", path, `Expected "${name}" to be an RFC 3339 date-time such as "2024-07-15T12:34:56Z", but found ${quote(value)}.`));
      return undefined;
    case "button_type":
      if (value === "link") return value;
      out.push(diagnostic("invalid_value", path, `Expected "button_type" to be "link" (the only kind of button), but found ${quote(value)}.`));
      return undefined;
    case "url": {
      const check = checkLinkUrl(value, schemes);
      if (check.ok) return value;
      out.push(check.reason === "invalid"
        ? diagnostic("invalid_url", path, `Expected "${name}" to be an absolute URL such as "https://example.com/admin", but found ${quote(value)}.`)
        : diagnostic("unsafe_url", path, `The URL uses the scheme "${check.scheme}", which is not allowed; expected one of ${schemes.map(normalizeScheme).join(", ")}.`));
      return undefined;
    }
    default:
      return unhandledKind(kind);
  }
}

function unhandledKind(kind: never): never {
  throw new Error(`sidecard has no check for the field kind ${String(kind)}`);
}

/** Badge items as fresh `{ value, color }` objects; unknown colors become gray (with a warning). */
export function checkBadgeItems(value: unknown, path: string, out: Diagnostic[]): BadgeItem[] | undefined {
  if (!isArray(value)) {
    out.push(diagnostic("invalid_type", path, `Expected "items" to be ${EXPECTED_BY_KIND.badge_items}, but found ${describeValue(value)}.`));
    return undefined;
  }
  const input = readItems(value);
  const items: BadgeItem[] = [];
  let readable = true;
  for (let index = 0; index < input.length; index++) {
    const item = input[index];
    if (!isPlainObject(item)) {
      readable = false;
      out.push(diagnostic("invalid_type", `${path}/${index}`, `Expected each badge item to be an object with "value" and "color", but found ${describeValue(item)}.`));
      continue;
    }
    const text = ownValue(item, "value");
    if (text === undefined) {
      readable = false;
      out.push(diagnostic("missing_field", `${path}/${index}/value`, `The badge item has no "value"; expected a string.`));
    } else if (typeof text !== "string") {
      readable = false;
      out.push(diagnostic("invalid_type", `${path}/${index}/value`, `Expected "value" to be a string, but found ${describeValue(text)}.`));
    }
    const color = ownValue(item, "color");
    const known = BADGE_COLOR_SET.has(color);
    if (!known) {
      out.push(diagnostic("unknown_color", `${path}/${index}/color`, color === undefined
        ? `The badge item has no "color"; expected one of ${COLOR_LIST}. It renders gray.`
        : `Unknown badge color ${typeof color === "string" ? quote(color) : `(${describeValue(color)})`}; expected one of ${COLOR_LIST}. It renders gray.`));
    }
    if (typeof text === "string") items.push({ value: text, color: (known ? color : "gray") as BadgeColor });
  }
  // An item that is no object, or has no string value, is an error that drops the component.
  return readable ? items : undefined;
}
