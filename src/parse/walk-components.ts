// The component walk: one component (or card part) at a time, reporting every problem with its
// JSON Pointer. parseWidget runs it over a payload; the renderer's analysis (render/analyze.ts)
// runs the same pieces to keep a record per component.

import { diagnostic, type Diagnostic } from "../schema/diagnostic.js";
import { COMPONENT_TYPES, type ComponentType, type LeafType } from "../schema/spec.js";
import type { CardComponent, LeafComponent, WidgetComponent, WidgetHeader } from "../schema/widget-schema.js";
import { checkField, checkHeader } from "./check-values.js";
import { cleanComponent } from "./clean-component.js";
import { COMPONENT_FIELDS } from "./component-fields.js";
import { describeValue, quote } from "./describe-value.js";
import { isArray, isPlainObject, ownValue, readItems } from "./read-input.js";

export interface Walk {
  /** Every diagnostic, in document order. */
  out: Diagnostic[];
  schemes: readonly string[];
  /** See `isObjectPrototypePristine`: read once per walk. */
  pristine: boolean;
}

const COMPONENT_TYPE_SET: ReadonlySet<unknown> = new Set(COMPONENT_TYPES);
const TYPE_LIST = COMPONENT_TYPES.join(", ");
export const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

export function hasErrorSince(out: readonly Diagnostic[], start: number): boolean {
  for (let i = start; i < out.length; i++) if (out[i].severity === "error") return true;
  return false;
}

export function errorsSince(out: readonly Diagnostic[], start: number): readonly Diagnostic[] {
  return hasErrorSince(out, start) ? out.slice(start).filter((d) => d.severity === "error") : NO_DIAGNOSTICS;
}

/** The wire type of a component object, or `null` for anything that is not one. */
export function componentType(value: unknown): ComponentType | null {
  if (!isPlainObject(value)) return null;
  const type = ownValue(value, "type");
  return COMPONENT_TYPE_SET.has(type) ? (type as ComponentType) : null;
}

/**
 * Checks the component at `${base}/${index}`, reporting to `walk.out`. Returns a fresh
 * normalised component, or `null` when it has errors of its own. Paths are only built for
 * diagnostics.
 */
export function checkComponent(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk): WidgetComponent | null {
  // The common case, an object that already is exactly a valid component, in one cheap check.
  return cleanComponent(value, walk.schemes, walk.pristine, insideCard) ?? checkComponentFully(value, base, index, insideCard, walk);
}

/** `checkComponent` for a value the fast path did not settle: every diagnostic, and a normalised copy. */
export function checkComponentFully(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk): WidgetComponent | null {
  const path = `${base}/${index}`;
  if (!isPlainObject(value)) {
    walk.out.push(diagnostic("invalid_type", path, `Expected a component object with a "type", but found ${describeValue(value)}.`));
    return null;
  }
  const type = ownValue(value, "type");
  if (!COMPONENT_TYPE_SET.has(type)) {
    walk.out.push(diagnostic("unknown_type", `${path}/type`, type === undefined
      ? `The component has no "type"; expected one of ${TYPE_LIST}.`
      : `Unknown component type ${typeof type === "string" ? quote(type) : `(${describeValue(type)})`}; expected one of ${TYPE_LIST}.`));
    return null;
  }
  if (type !== "card") return checkLeaf(value, type as LeafType, path, walk);
  if (insideCard) {
    walk.out.push(diagnostic("nested_card", path, `A card cannot contain another card; move this card to the top level or put its components directly in the outer card.`));
    return null;
  }
  const card = readCard(value, path, walk);
  if (card.children === null) return null;
  const components: LeafComponent[] = [];
  const childBase = `${path}/components`;
  for (let i = 0; i < card.children.length; i++) {
    const child = checkComponent(card.children[i], childBase, i, true, walk);
    if (child !== null) components.push(child as LeafComponent);
  }
  return makeCard(card.header, components);
}

/** A leaf as a fresh object of the values its fields' checks kept; `null` when one has an error. */
function checkLeaf(value: Record<string, unknown>, type: LeafType, path: string, walk: Walk): LeafComponent | null {
  const { out } = walk;
  const start = out.length;
  const component: Record<string, unknown> = { type };
  for (const field of COMPONENT_FIELDS[type]) {
    const kind = field.kind;
    if (kind === "components") throw new Error(`the spec gives the ${type} component a "components" field; only cards have one`);
    const checked = checkField(ownValue(value, field.name), field.name, kind, field.required, type, `${path}/${field.name}`, walk.schemes, out);
    if (checked !== undefined) component[field.name] = checked;
  }
  return hasErrorSince(out, start) ? null : (component as LeafComponent);
}

/** A card's own parts: its header (kept only without errors) and its children as read. */
export interface CardParts {
  header: WidgetHeader | undefined;
  /** Errors in the header: the card still renders its valid children. */
  headerErrors: readonly Diagnostic[];
  /** The children, each read once; `null` when `components` is missing or not an array. */
  children: unknown[] | null;
  /** The error about `components` itself, when `children` is `null`. */
  ownErrors: readonly Diagnostic[];
}

export function readCard(value: Record<string, unknown>, path: string, walk: Walk): CardParts {
  const { out } = walk;
  const parts: CardParts = { header: undefined, headerErrors: NO_DIAGNOSTICS, children: null, ownErrors: NO_DIAGNOSTICS };
  const headerValue = ownValue(value, "header");
  if (headerValue !== undefined) {
    const start = out.length;
    const header = checkHeader(headerValue, `${path}/header`, out);
    parts.headerErrors = errorsSince(out, start);
    if (parts.headerErrors.length === 0) parts.header = header;
  }
  const children = ownValue(value, "components");
  if (!isArray(children)) {
    const error = children === undefined
      ? diagnostic("missing_field", `${path}/components`, `The card has no "components"; expected an array of components (it may be empty).`)
      : diagnostic("invalid_type", `${path}/components`, `Expected "components" to be an array of components, but found ${describeValue(children)}.`);
    out.push(error);
    parts.ownErrors = [error];
    return parts;
  }
  parts.children = readItems(children);
  return parts;
}

export function makeCard(header: WidgetHeader | undefined, components: LeafComponent[]): CardComponent {
  return header === undefined ? { type: "card", components } : { type: "card", header, components };
}
