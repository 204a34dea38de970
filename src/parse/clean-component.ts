import { BADGE_COLORS } from "../schema/constants.js";
import type { WidgetComponent } from "../schema/widget-schema.js";
import { isRfc3339 } from "./rfc3339.js";
import { isSafeUrl, toSafeIconSrc } from "./url-safety.js";

// parseWidget's fast path. Nearly every component an app sends already is exactly a valid
// component; this settles that case with reads by literal name, which V8 keeps monomorphic and
// which cost a fraction of the diagnostic walk's table-driven `ownValue` reads. Anything it does
// not accept, valid or not, takes the full walk, so it only has to be right when it says yes:
// `test/parse/clean-component.test.ts` holds it to "yes ⇒ the walk returns the object itself
// with no diagnostic", and to saying yes for every clean valid component.

/** The names read here; if Object.prototype defines one, a plain read could see it. */
const NAMES_READ = ["type", "label", "value", "icon_url", "items", "color", "button_type", "url", "header", "title", "components"];

/** Object.prototype as the language made it: nothing enumerable, none of the names read here. */
export function isObjectPrototypePristine(): boolean {
  for (const _ in Object.prototype) return false;
  return !NAMES_READ.some((name) => name in Object.prototype);
}

/**
 * True when plain reads (`value.label`) and `for…in` see `value`'s own properties alone: a
 * JSON object whose prototype is null, or a pristine Object.prototype.
 */
function readsOwnOnly(value: unknown, pristine: boolean): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype ? pristine : prototype === null && !Array.isArray(value);
}

function countKeys(object: object): number {
  let count = 0;
  for (const _ in object) count++;
  return count;
}

const COLORS: ReadonlySet<unknown> = new Set(BADGE_COLORS);

/** `keys` own keys besides an optional `icon_url`, which must then be an image URL. */
function keysWithIcon(component: Record<string, unknown>, keys: number): boolean {
  const icon = component.icon_url;
  if (icon === undefined) return countKeys(component) === keys;
  return typeof icon === "string" && toSafeIconSrc(icon) !== null && countKeys(component) === keys + 1;
}

function cleanItems(items: unknown, pristine: boolean): boolean {
  if (!Array.isArray(items)) return false;
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!readsOwnOnly(item, pristine) || typeof item.value !== "string" || !COLORS.has(item.color) || countKeys(item) !== 2) return false;
  }
  return true;
}

/** A header with nothing to report: an optional string title, an optional image URL, nothing else. */
function cleanHeader(header: unknown, pristine: boolean): boolean {
  if (!readsOwnOnly(header, pristine)) return false;
  const { title, icon_url: icon } = header;
  if (title !== undefined && typeof title !== "string") return false;
  if (icon !== undefined && (typeof icon !== "string" || toSafeIconSrc(icon) === null)) return false;
  return countKeys(header) === (title === undefined ? 0 : 1) + (icon === undefined ? 0 : 1);
}

function cleanCard(card: Record<string, unknown>, schemes: readonly string[], pristine: boolean): boolean {
  const { header, components } = card;
  if (!Array.isArray(components) || countKeys(card) !== (header === undefined ? 2 : 3)) return false;
  if (header !== undefined && !cleanHeader(header, pristine)) return false;
  for (let i = 0; i < components.length; i++) if (!isCleanComponent(components[i], schemes, pristine, true)) return false;
  return true;
}

/**
 * True when `value` already is exactly a valid component (no key missing, extra or invalid;
 * nothing to warn about; for a card, the same of its header and every child), so parseWidget
 * can keep it as it is. `insideCard`: a card there is an error (cards do not nest).
 */
export function isCleanComponent(value: unknown, schemes: readonly string[], pristine: boolean, insideCard: boolean): value is WidgetComponent {
  if (!readsOwnOnly(value, pristine)) return false;
  const c = value;
  switch (c.type) {
    case "text":
      return typeof c.label === "string" && typeof c.value === "string" && keysWithIcon(c, 3);
    case "date_time":
      return typeof c.label === "string" && typeof c.value === "string" && isRfc3339(c.value) && keysWithIcon(c, 3);
    case "badge":
      return typeof c.label === "string" && cleanItems(c.items, pristine) && countKeys(c) === 3;
    case "button":
      return typeof c.label === "string" && c.button_type === "link" && typeof c.url === "string" && isSafeUrl(c.url, schemes) && countKeys(c) === 4;
    case "link":
      return typeof c.label === "string" && typeof c.url === "string" && isSafeUrl(c.url, schemes) && countKeys(c) === 3;
    case "divider":
      return countKeys(c) === 1;
    case "card":
      return !insideCard && cleanCard(c, schemes, pristine);
    default:
      return false;
  }
}
