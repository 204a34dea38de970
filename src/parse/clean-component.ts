import { BADGE_COLORS, type ComponentType } from "../schema/spec.js";
import type { BadgeItem, CardComponent, LeafComponent, WidgetComponent, WidgetHeader } from "../schema/widget-schema.js";
import { NAMES_READ } from "./component-fields.js";
import { unreadable } from "./read-input.js";
import { isRfc3339 } from "./rfc3339.js";
import { isSafeUrl, toSafeIconSrc } from "./url-safety.js";

// parseWidget's fast path. Nearly every component an app sends already is exactly a valid
// component; this settles that case with reads by literal name, which V8 keeps monomorphic and
// which cost a fraction of the diagnostic walk's table-driven `ownValue` reads. Anything it does
// not accept, valid or not, takes the full walk, so it only has to be right when it accepts:
// `test/parse/clean-component.test.ts` holds it to "accepted ⇒ the walk gives an equal component
// with no diagnostic", and to accepting every clean valid component.
//
// Each member is read once, inside a `try` (a getter or proxy may throw: that is the input's
// fault, see read-input.ts), and the result is a fresh object built from those reads: a getter
// that answers differently later cannot change what is rendered. Keys it does not read are not
// counted: the walk drops unknown keys without a word, and so does a fresh object. A type
// without a check below fails to compile (`FAST_CHECKS`).

/** Object.prototype as the language made it: nothing enumerable, none of the names read here. */
export function isObjectPrototypePristine(): boolean {
  for (const _ in Object.prototype) return false;
  return !NAMES_READ.some((name) => name in Object.prototype);
}

/**
 * True when plain reads (`value.label`) see `value`'s own properties alone: a JSON object
 * whose prototype is null, or a pristine Object.prototype.
 */
function readsOwnOnly(value: unknown, pristine: boolean): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype === Object.prototype ? pristine : prototype === null && !Array.isArray(value);
  } catch (error) {
    return unreadable(error);
  }
}

const COLORS: ReadonlySet<unknown> = new Set(BADGE_COLORS);

const isCleanIcon = (icon: unknown) => icon === undefined || (typeof icon === "string" && toSafeIconSrc(icon) !== null);

function cleanText(c: Record<string, unknown>): LeafComponent | null {
  let label: unknown, value: unknown, icon: unknown;
  try {
    ({ label, value, icon_url: icon } = c);
  } catch (error) {
    return unreadable(error);
  }
  if (typeof label !== "string" || typeof value !== "string" || !isCleanIcon(icon)) return null;
  return icon === undefined ? { type: "text", label, value } : { type: "text", label, value, icon_url: icon as string };
}

function cleanDateTime(c: Record<string, unknown>): LeafComponent | null {
  let label: unknown, value: unknown, icon: unknown;
  try {
    ({ label, value, icon_url: icon } = c);
  } catch (error) {
    return unreadable(error);
  }
  if (typeof label !== "string" || typeof value !== "string" || !isRfc3339(value) || !isCleanIcon(icon)) return null;
  return icon === undefined ? { type: "date_time", label, value } : { type: "date_time", label, value, icon_url: icon as string };
}

function cleanItems(items: unknown, pristine: boolean): BadgeItem[] | null {
  let input: unknown[];
  try {
    if (!Array.isArray(items)) return null;
    input = items.slice();
  } catch (error) {
    return unreadable(error);
  }
  for (let i = 0; i < input.length; i++) {
    const item = input[i];
    if (!readsOwnOnly(item, pristine)) return null;
    let value: unknown, color: unknown;
    try {
      ({ value, color } = item);
    } catch (error) {
      return unreadable(error);
    }
    if (typeof value !== "string" || !COLORS.has(color)) return null;
    input[i] = { value, color: color as BadgeItem["color"] };
  }
  return input as BadgeItem[];
}

function cleanBadge(c: Record<string, unknown>, pristine: boolean): LeafComponent | null {
  let label: unknown, items: unknown;
  try {
    ({ label, items } = c);
  } catch (error) {
    return unreadable(error);
  }
  if (typeof label !== "string") return null;
  const clean = cleanItems(items, pristine);
  return clean === null ? null : { type: "badge", label, items: clean };
}

function cleanButton(c: Record<string, unknown>, schemes: readonly string[]): LeafComponent | null {
  let label: unknown, buttonType: unknown, url: unknown;
  try {
    ({ label, button_type: buttonType, url } = c);
  } catch (error) {
    return unreadable(error);
  }
  if (typeof label !== "string" || buttonType !== "link" || typeof url !== "string" || !isSafeUrl(url, schemes)) return null;
  return { type: "button", label, button_type: "link", url };
}

function cleanLink(c: Record<string, unknown>, schemes: readonly string[]): LeafComponent | null {
  let label: unknown, url: unknown;
  try {
    ({ label, url } = c);
  } catch (error) {
    return unreadable(error);
  }
  if (typeof label !== "string" || typeof url !== "string" || !isSafeUrl(url, schemes)) return null;
  return { type: "link", label, url };
}

function cleanDivider(): LeafComponent {
  return { type: "divider" };
}

/** A header with nothing to report: an optional string title, an optional image URL, nothing else. */
function cleanHeader(header: unknown, pristine: boolean): WidgetHeader | null {
  if (!readsOwnOnly(header, pristine)) return null;
  let title: unknown, icon: unknown;
  try {
    ({ title, icon_url: icon } = header);
  } catch (error) {
    return unreadable(error);
  }
  if ((title !== undefined && typeof title !== "string") || !isCleanIcon(icon)) return null;
  // Each shape from a literal of its own: no property added after creation, no map transition.
  if (title === undefined) return icon === undefined ? {} : { icon_url: icon as string };
  return icon === undefined ? { title } : { title, icon_url: icon as string };
}

function cleanCard(c: Record<string, unknown>, schemes: readonly string[], pristine: boolean): CardComponent | null {
  let header: unknown, components: unknown, children: unknown[];
  try {
    ({ header, components } = c);
    if (!Array.isArray(components)) return null;
    children = components.slice();
  } catch (error) {
    return unreadable(error);
  }
  const cleanHeaderValue = header === undefined ? undefined : cleanHeader(header, pristine);
  if (cleanHeaderValue === null) return null;
  for (let i = 0; i < children.length; i++) {
    const child = cleanComponent(children[i], schemes, pristine, true);
    if (child === null) return null;
    children[i] = child;
  }
  // Two literals rather than a property added later: every card of a shape shares one map.
  return cleanHeaderValue === undefined
    ? { type: "card", components: children as LeafComponent[] }
    : { type: "card", header: cleanHeaderValue, components: children as LeafComponent[] };
}

/** One fast check per type: adding a type to the spec fails to compile here until it has one. */
const FAST_CHECKS = {
  card: (c, schemes, pristine) => cleanCard(c, schemes, pristine),
  text: (c) => cleanText(c),
  date_time: (c) => cleanDateTime(c),
  badge: (c, _schemes, pristine) => cleanBadge(c, pristine),
  button: (c, schemes) => cleanButton(c, schemes),
  link: (c, schemes) => cleanLink(c, schemes),
  divider: () => cleanDivider(),
} satisfies { [K in ComponentType]: (c: Record<string, unknown>, schemes: readonly string[], pristine: boolean) => WidgetComponent | null };

/**
 * `value` as a fresh normalised component when it already is a valid one (no field missing or
 * invalid; nothing to warn about; for a card, the same of its header and every child), else
 * `null`. `insideCard`: a card there is an error (cards do not nest).
 */
export function cleanComponent(value: unknown, schemes: readonly string[], pristine: boolean, insideCard: boolean): WidgetComponent | null {
  if (!readsOwnOnly(value, pristine)) return null;
  let type: unknown;
  try {
    type = value.type;
  } catch (error) {
    return unreadable(error);
  }
  // A switch on literals with direct calls is what keeps this fast (no call through a table);
  // FAST_CHECKS names every type for the compiler.
  switch (type) {
    case "text":
      return cleanText(value);
    case "date_time":
      return cleanDateTime(value);
    case "badge":
      return cleanBadge(value, pristine);
    case "button":
      return cleanButton(value, schemes);
    case "link":
      return cleanLink(value, schemes);
    case "divider":
      return cleanDivider();
    case "card":
      return insideCard ? null : cleanCard(value, schemes, pristine);
    default:
      // A type added to the spec without a case above still gets its fast check, by lookup.
      return typeof type === "string" && Object.prototype.hasOwnProperty.call(FAST_CHECKS, type) ? FAST_CHECKS[type as ComponentType](value, schemes, pristine) : null;
  }
}
