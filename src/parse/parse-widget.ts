import { diagnostic, type Diagnostic, type DiagnosticCode } from "../schema/diagnostic.js";
import { BADGE_COLORS, COMPONENT_TYPES } from "../schema/constants.js";
import type {
  BadgeColor,
  BadgeItem,
  CardComponent,
  ComponentType,
  LeafComponent,
  WidgetComponent,
  WidgetHeader,
  WidgetPayload,
} from "../schema/widget-schema.js";
import { COMPONENT_FIELDS, EXPECTED_BY_KIND, type FieldSpec } from "./component-fields.js";
import { describeValue, isPlainObject, ownValue, quote } from "./describe-value.js";
import { isRfc3339 } from "./rfc3339.js";
import { isCleanComponent, isObjectPrototypePristine } from "./clean-component.js";
import { checkLinkUrl, DEFAULT_URL_SCHEMES, normalizeScheme, toSafeIconSrc } from "./url-safety.js";

export interface WidgetLimits {
  /** Most components in the whole widget, cards' children included. Default 1000. */
  maxComponents?: number;
  /** Most lines of one text value drawn; the rest is counted in a "+N more lines" note. Default 50. */
  maxTextLines?: number;
  /** Most items of one badge drawn; the rest is counted in a "+N more" item. Default 50. */
  maxBadgeItems?: number;
}

export interface ParseOptions {
  /** URL schemes buttons and links may use. Default `["https", "http", "mailto", "tel"]`. */
  allowedUrlSchemes?: readonly string[];
  limits?: WidgetLimits;
}

export interface ParseResult {
  ok: boolean;
  payload: WidgetPayload | null;
  diagnostics: Diagnostic[];
}

export const DEFAULT_MAX_COMPONENTS = 1000;

/** One component as the renderer needs it: valid content, or the errors that stand in its place. */
export interface AnalyzedComponent {
  /** The payload value this record was made from: a later analysis reuses the record when it meets the same object at the same place. */
  input: unknown;
  path: string;
  /** The wire type when it is one of the seven, otherwise `null`. */
  type: ComponentType | null;
  /** The normalised component, `null` when it has errors of its own. Cards keep only valid children. */
  component: WidgetComponent | null;
  /** Error diagnostics that belong to this component itself (not to a card's children). */
  errors: readonly Diagnostic[];
  /**
   * A card's children, each analysed on its own — or `null` when every child already is
   * exactly a valid component (the usual case): then the card's `component.components` are the
   * input objects themselves and render as they are, with no record per child.
   */
  children: readonly AnalyzedComponent[] | null;
  /** For cards: errors in the card's header; the card still renders its valid children. */
  headerErrors: readonly Diagnostic[];
  /** Every diagnostic of this component and its children, warnings included, in document order. */
  diagnostics: readonly Diagnostic[];
}

export interface AnalyzedWidget {
  diagnostics: Diagnostic[];
  /** Errors that make the whole widget unrenderable in every mode. */
  rootErrors: Diagnostic[];
  hasErrors: boolean;
  header: WidgetHeader | null;
  headerErrors: Diagnostic[];
  components: AnalyzedComponent[];
  payload: WidgetPayload | null;
  /** The URL schemes the analysis allowed: records are only reused under the same ones. */
  schemes: readonly string[];
  /** parseWidget's components while walking (the renderer's walk keeps `components` instead). */
  normalized?: WidgetComponent[];
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const NO_CHILDREN: readonly AnalyzedComponent[] = Object.freeze([]);
const ROOT_ERROR_CODES: ReadonlySet<DiagnosticCode> = new Set(["invalid_root", "unsupported_version", "too_many_components"]);
const COMPONENT_TYPE_SET: ReadonlySet<string> = new Set(COMPONENT_TYPES);
const BADGE_COLOR_SET: ReadonlySet<string> = new Set(BADGE_COLORS);
const TYPE_LIST = COMPONENT_TYPES.join(", ");
const COLOR_LIST = BADGE_COLORS.join(", ");

/**
 * Validates a custom-app response against Response Schema 1.0.0 and reports every problem in
 * one pass. Never throws: whatever `input` is, the answer is a result with diagnostics.
 */
export function parseWidget(input: unknown, options: ParseOptions = {}): ParseResult {
  const { diagnostics, payload } = walkWidget(input, options, null, false);
  return { ok: payload !== null, payload, diagnostics };
}

/**
 * The analysis behind `parseWidget`, kept per component so the renderer can isolate errors.
 * Given the `previous` analysis (of the payload rendered before), a component object found
 * again at the same place keeps its record: an immutable update re-checks only what changed,
 * and React can skip re-rendering the rest. Matching by place needs no lookup table, which on
 * a first mount would cost a hash insertion and an entry per component.
 */
export function analyzeWidget(input: unknown, options: ParseOptions = {}, previous?: AnalyzedWidget | null): AnalyzedWidget {
  return walkWidget(input, options, previous ?? null, true);
}

function walkWidget(input: unknown, options: ParseOptions, previous: AnalyzedWidget | null, nodes: boolean): AnalyzedWidget {
  const schemes = options.allowedUrlSchemes ?? DEFAULT_URL_SCHEMES;
  const analysis: AnalyzedWidget = {
    diagnostics: [],
    rootErrors: [],
    hasErrors: false,
    header: null,
    headerErrors: [],
    components: [],
    payload: null,
    schemes,
  };
  try {
    analyzeRoot(input, options, analysis, previous !== null && previous.schemes === schemes ? previous.components : null, nodes);
  } catch (error) {
    // Only exotic inputs get here (throwing getters, proxies); JSON values never do.
    analysis.diagnostics.push(
      diagnostic("invalid_root", "", `The payload could not be read (${String(error)}); expected a plain JSON object.`),
    );
    analysis.components = [];
  }
  for (const d of analysis.diagnostics) {
    if (d.severity !== "error") continue;
    analysis.hasErrors = true;
    if (ROOT_ERROR_CODES.has(d.code)) analysis.rootErrors.push(d);
  }
  if (!analysis.hasErrors) {
    const version = ownValue(input as Record<string, unknown>, "version");
    analysis.payload = {
      version: typeof version === "string" ? version : "1.0.0",
      header: analysis.header ?? {},
      components: analysis.normalized ?? analysis.components.map((c) => c.component as WidgetComponent),
    };
  }
  delete analysis.normalized;
  return analysis;
}

function analyzeRoot(input: unknown, options: ParseOptions, analysis: AnalyzedWidget, before: readonly AnalyzedComponent[] | null, nodes: boolean): void {
  const { diagnostics } = analysis;
  if (!isPlainObject(input)) {
    diagnostics.push(
      diagnostic("invalid_root", "", `Expected the payload to be a JSON object with "version", "header" and "components", but found ${describeValue(input)}.`),
    );
    return;
  }

  checkVersion(ownValue(input, "version"), diagnostics);

  const headerValue = ownValue(input, "header");
  if (headerValue === undefined) {
    diagnostics.push(diagnostic("missing_header", "/header", `The payload has no "header"; expected an object with an optional "title" and "icon_url". The widget renders without a header.`));
  } else {
    const headerDiagnostics: Diagnostic[] = [];
    const header = checkHeader(headerValue, "/header", "header", headerDiagnostics);
    diagnostics.push(...headerDiagnostics);
    analysis.headerErrors = headerDiagnostics.filter((d) => d.severity === "error");
    analysis.header = analysis.headerErrors.length === 0 ? header : null;
  }

  const components = ownValue(input, "components");
  if (!Array.isArray(components)) {
    diagnostics.push(
      diagnostic("invalid_root", "/components", components === undefined
        ? `The payload has no "components"; expected an array of components.`
        : `Expected "components" to be an array of components, but found ${describeValue(components)}.`),
    );
    return;
  }

  const requested = options.limits?.maxComponents;
  // A limit that is not a number ≥ 0 (NaN, a string from untyped code) must not mean "no limit".
  const maxComponents = typeof requested === "number" && requested >= 0 ? requested : DEFAULT_MAX_COMPONENTS;
  const total = countComponents(components, maxComponents);
  if (total > maxComponents) {
    diagnostics.push(
      diagnostic("too_many_components", "/components", `The widget has ${total > components.length ? "at least " : ""}${total.toLocaleString("en-US")} components; the limit is ${maxComponents.toLocaleString("en-US")}.`),
    );
    return;
  }

  const walk: Walk = { out: diagnostics, schemes: analysis.schemes, pristine: isObjectPrototypePristine() };
  if (nodes) {
    const analyzed: AnalyzedComponent[] = new Array(components.length);
    for (let index = 0; index < components.length; index++) {
      analyzed[index] = analyzeNode(components[index], "/components", index, false, walk, before?.[index]);
    }
    analysis.components = analyzed;
  } else {
    // parseWidget: no per-component records, and nothing copied for components already clean.
    let normalized: WidgetComponent[] | null = null;
    for (let index = 0; index < components.length; index++) {
      const component = checkComponent(components[index], "/components", index, false, walk);
      if (component !== components[index] && normalized === null) normalized = components.slice(0, index) as WidgetComponent[];
      if (normalized !== null) normalized.push(component as WidgetComponent);
    }
    analysis.normalized = normalized ?? (components as WidgetComponent[]);
  }
}

/** Counts top-level components plus cards' children, stopping as soon as the limit is passed. */
function countComponents(components: unknown[], limit: number): number {
  let total = components.length;
  for (let i = 0; i < components.length && total <= limit; i++) {
    const item = components[i];
    if (isPlainObject(item) && ownValue(item, "type") === "card") {
      const children = ownValue(item, "components");
      if (Array.isArray(children)) total += children.length;
    }
  }
  return total;
}

function checkVersion(version: unknown, diagnostics: Diagnostic[]): void {
  if (version === undefined) {
    diagnostics.push(diagnostic("missing_version", "/version", `The payload has no "version"; expected "1.0.0". It is read as 1.0.0.`));
    return;
  }
  if (typeof version !== "string") {
    diagnostics.push(diagnostic("invalid_type", "/version", `Expected "version" to be a string such as "1.0.0", but found ${describeValue(version)}.`));
    return;
  }
  const semver = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  const major = semver ? Number(semver[1]) : readMajor(version);
  if (major !== null && major !== 1) {
    diagnostics.push(diagnostic("unsupported_version", "/version", `Schema version ${quote(version)} is not supported; expected a 1.x version such as "1.0.0".`));
  } else if (!semver) {
    diagnostics.push(diagnostic("invalid_version", "/version", `Expected "version" in the form MAJOR.MINOR.PATCH such as "1.0.0", but found ${quote(version)}; it is read as 1.0.0.`));
  }
}

function readMajor(version: string): number | null {
  const match = /^\s*[vV]?(\d+)(?:$|[.\s-])/.exec(version);
  return match ? Number(match[1]) : null;
}

/** Checks a widget or card header; returns it normalised (bad icons left out). */
function checkHeader(value: unknown, path: string, name: string, out: Diagnostic[]): WidgetHeader {
  if (!isPlainObject(value)) {
    out.push(diagnostic("invalid_type", path, `Expected "${name}" to be ${EXPECTED_BY_KIND.header}, but found ${describeValue(value)}.`));
    return {};
  }
  const title = ownValue(value, "title");
  const titleValid = title === undefined || typeof title === "string";
  if (!titleValid) out.push(diagnostic("invalid_type", `${path}/title`, `Expected "title" to be a string, but found ${describeValue(title)}.`));
  const iconValue = ownValue(value, "icon_url");
  const icon = iconValue === undefined ? undefined : checkIconUrl(iconValue, `${path}/icon_url`, out);
  // Already exactly a header: keep the input object. A new one is built only when something
  // differs, so the common case allocates nothing (and optimised code keeps no map that dies).
  const kept = (typeof title === "string" ? 1 : 0) + (icon === undefined ? 0 : 1);
  if (titleValid && icon === iconValue && countOwnKeys(value) === kept) return value as WidgetHeader;
  const header: WidgetHeader = {};
  if (typeof title === "string") header.title = title;
  if (icon !== undefined) header.icon_url = icon;
  return header;
}

/** Returns the icon URL to keep, or `undefined` (after a warning when one was given but is no image URL). */
function checkIconUrl(value: unknown, path: string, out: Diagnostic[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && toSafeIconSrc(value) !== null) return value;
  out.push(diagnostic("invalid_icon_url", path, `Expected "icon_url" to be ${EXPECTED_BY_KIND.icon_url}, but found ${describeValue(value)}; the icon is left out.`));
  return undefined;
}

interface Walk {
  /** Every diagnostic, in document order. */
  out: Diagnostic[];
  schemes: readonly string[];
  /** See `isObjectPrototypePristine`: read once per walk. */
  pristine: boolean;
}

function hasErrorSince(out: readonly Diagnostic[], start: number): boolean {
  for (let i = start; i < out.length; i++) if (out[i].severity === "error") return true;
  return false;
}

function errorsSince(out: readonly Diagnostic[], start: number): readonly Diagnostic[] {
  return hasErrorSince(out, start) ? out.slice(start).filter((d) => d.severity === "error") : NO_DIAGNOSTICS;
}

/** The wire type of a component object, or `null` for anything that is not one. */
function componentType(value: unknown): ComponentType | null {
  if (!isPlainObject(value)) return null;
  const type = ownValue(value, "type");
  return typeof type === "string" && COMPONENT_TYPE_SET.has(type) ? (type as ComponentType) : null;
}

/**
 * Checks the component at `${base}/${index}`, reporting to `walk.out`. Returns the normalised
 * component, or `null` when it has errors of its own. Paths are only built for diagnostics.
 */
function checkComponent(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk): WidgetComponent | null {
  // The common case, an object that already is exactly a valid component, in one cheap check.
  return isCleanComponent(value, walk.schemes, walk.pristine, insideCard) ? value : checkComponentFully(value, base, index, insideCard, walk);
}

/** `checkComponent` for a value the fast path did not settle: every diagnostic, and a normalised copy. */
function checkComponentFully(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk): WidgetComponent | null {
  if (!isPlainObject(value)) {
    walk.out.push(diagnostic("invalid_type", `${base}/${index}`, `Expected a component object with a "type", but found ${describeValue(value)}.`));
    return null;
  }
  const type = ownValue(value, "type");
  if (typeof type !== "string" || !COMPONENT_TYPE_SET.has(type)) {
    walk.out.push(diagnostic("unknown_type", `${base}/${index}/type`, type === undefined
      ? `The component has no "type"; expected one of ${TYPE_LIST}.`
      : `Unknown component type ${typeof type === "string" ? quote(type) : `(${describeValue(type)})`}; expected one of ${TYPE_LIST}.`));
    return null;
  }
  if (type === "card") {
    if (insideCard) {
      walk.out.push(diagnostic("nested_card", `${base}/${index}`, `A card cannot contain another card; move this card to the top level or put its components directly in the outer card.`));
      return null;
    }
    return checkCard(value, `${base}/${index}`, walk, null);
  }
  return checkLeaf(value, type as Exclude<ComponentType, "card">, base, index, walk);
}

function checkLeaf(value: Record<string, unknown>, type: Exclude<ComponentType, "card">, base: string, index: number, walk: Walk): LeafComponent | null {
  const fields = COMPONENT_FIELDS[type];
  const { out } = walk;
  const start = out.length;
  // The input object itself is the normalised component when every value passes unchanged
  // and it has no other keys (the common case: nothing is copied).
  let unchanged = true;
  let present = 1;
  for (let i = 0; i < fields.length; i++) {
    const original = ownValue(value, fields[i].name);
    const checked = checkField(original, fields[i], type, base, index, walk.schemes, out);
    values[i] = checked;
    if (original !== undefined) present++;
    if (checked !== original) unchanged = false;
  }
  if (out.length === start && unchanged && countOwnKeys(value) === present) return value as LeafComponent;
  return hasErrorSince(out, start) ? null : buildComponent(type, fields);
}

/** Where a card's details go when the renderer's walk needs them. */
interface CardDetails {
  /** Stays `null` while every child is clean (see `AnalyzedComponent.children`). */
  children: AnalyzedComponent[] | null;
  /** The children's records from the previous analysis of this place, for reuse. */
  before: readonly AnalyzedComponent[] | undefined;
  headerErrors: readonly Diagnostic[];
  ownErrors: readonly Diagnostic[];
}

/**
 * Checks a card: its header, its `components`, and each child (through `analyzeNode` when
 * `details` asks for per-child records). Returns the normalised card with its valid children,
 * or `null` when `components` itself is missing or not an array.
 */
function checkCard(value: Record<string, unknown>, path: string, walk: Walk, details: CardDetails | null): CardComponent | null {
  const { out } = walk;
  const headerValue = ownValue(value, "header");
  let header: WidgetHeader | undefined;
  if (headerValue !== undefined) {
    const start = out.length;
    header = checkHeader(headerValue, `${path}/header`, "header", out);
    const headerErrors = errorsSince(out, start);
    if (headerErrors.length > 0) {
      header = undefined;
      if (details) details.headerErrors = headerErrors;
    }
  }
  const children = ownValue(value, "components");
  if (!Array.isArray(children)) {
    const error = children === undefined
      ? diagnostic("missing_field", `${path}/components`, `The card has no "components"; expected an array of components (it may be empty).`)
      : diagnostic("invalid_type", `${path}/components`, `Expected "components" to be an array of components, but found ${describeValue(children)}.`);
    out.push(error);
    if (details) details.ownErrors = [error];
    return null;
  }
  const base = `${path}/components`;
  let valid: LeafComponent[] | null = null; // copied only once a child differs from its input
  for (let index = 0; index < children.length; index++) {
    let component: WidgetComponent | null;
    if (details) {
      const child: unknown = children[index];
      if (details.children === null && isCleanComponent(child, walk.schemes, walk.pristine, true)) {
        component = child;
      } else {
        // The first child that needs a record: the clean ones before it get theirs now.
        details.children ??= (children.slice(0, index) as LeafComponent[]).map((clean, i) => cleanNode(clean, `${base}/${i}`));
        const node = analyzeNode(child, base, index, true, walk, details.before?.[index]);
        details.children.push(node);
        component = node.component;
      }
    } else {
      component = checkComponent(children[index], base, index, true, walk);
    }
    if (component !== children[index] && valid === null) valid = children.slice(0, index) as LeafComponent[];
    if (valid !== null && component !== null) valid.push(component as LeafComponent);
  }
  const clean = valid === null && header === headerValue && countOwnKeys(value) === (headerValue === undefined ? 2 : 3);
  if (clean) return value as CardComponent;
  const card: CardComponent = { type: "card", components: valid ?? (children as LeafComponent[]) };
  if (header !== undefined) card.header = header;
  return card;
}

/** The renderer's walk: one record per component; `before` (the record of the same place in the previous analysis) is reused when it was made from the same object. */
function analyzeNode(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk, before: AnalyzedComponent | undefined): AnalyzedComponent {
  const { out } = walk;
  if (before !== undefined && before.input === value && typeof value === "object" && value !== null) {
    for (const d of before.diagnostics) out.push(d);
    return before;
  }
  const path = `${base}/${index}`;
  if (isCleanComponent(value, walk.schemes, walk.pristine, insideCard)) return cleanNode(value, path);
  const start = out.length;
  const type = componentType(value);
  if (type === "card" && !insideCard) {
    const details: CardDetails = { children: null, before: before?.type === "card" ? (before.children ?? undefined) : undefined, headerErrors: NO_DIAGNOSTICS, ownErrors: NO_DIAGNOSTICS };
    const card = checkCard(value as Record<string, unknown>, path, walk, details);
    return {
      input: value,
      path,
      type,
      component: card,
      errors: details.ownErrors,
      // A card whose `components` is not an array has no children to render.
      children: card === null ? NO_CHILDREN : details.children,
      headerErrors: details.headerErrors,
      diagnostics: out.length === start ? NO_DIAGNOSTICS : out.slice(start),
    };
  }
  const component = checkComponentFully(value, base, index, insideCard, walk); // the fast path said no above
  const diagnostics = out.length === start ? NO_DIAGNOSTICS : out.slice(start);
  return {
    input: value,
    path,
    type,
    component,
    errors: component === null ? diagnostics.filter((d) => d.severity === "error") : NO_DIAGNOSTICS,
    children: NO_CHILDREN,
    headerErrors: NO_DIAGNOSTICS,
    diagnostics,
  };
}

/** The record of a component that already is exactly valid (a card's children then need none). */
function cleanNode(component: WidgetComponent, path: string): AnalyzedComponent {
  const children = component.type === "card" ? null : NO_CHILDREN;
  return { input: component, path, type: component.type, component, errors: NO_DIAGNOSTICS, children, headerErrors: NO_DIAGNOSTICS, diagnostics: NO_DIAGNOSTICS };
}

// Reused between leaves (the walk is synchronous and leaves do not nest) to spare allocations.
const values: unknown[] = [];

/** A fresh component with the checked values of the fields that are kept. */
function buildComponent(type: Exclude<ComponentType, "card">, fields: readonly FieldSpec[]): LeafComponent {
  const component: Record<string, unknown> = { type };
  for (let i = 0; i < fields.length; i++) if (values[i] !== undefined) component[fields[i].name] = values[i];
  return component as LeafComponent;
}

function countOwnKeys(object: Record<string, unknown>): number {
  let count = 0;
  for (const key in object) if (Object.prototype.hasOwnProperty.call(object, key)) count++;
  return count;
}

/**
 * Checks one field's value (`undefined` when absent), pushing any diagnostic to `out`. Returns the normalised value to keep, or
 * `undefined` to leave the field out (absent, invalid, or an icon that is no image URL).
 */
function checkField(value: unknown, field: FieldSpec, type: string, base: string, index: number, schemes: readonly string[], out: Diagnostic[]): unknown {
  if (value === undefined) {
    if (field.required) out.push(diagnostic("missing_field", `${base}/${index}/${field.name}`, `The ${type.replace("_", " ")} component has no "${field.name}"; expected ${EXPECTED_BY_KIND[field.kind]}.`));
    return undefined;
  }
  switch (field.kind) {
    case "icon_url":
      return checkIconUrl(value, `${base}/${index}/${field.name}`, out);
    case "badge_items":
      return checkBadgeItems(value, `${base}/${index}/${field.name}`, out);
    case "header":
      // Card headers are checked by analyzeCard; the table lists them for completeness.
      return undefined;
  }
  if (typeof value !== "string") {
    out.push(diagnostic("invalid_type", `${base}/${index}/${field.name}`, `Expected "${field.name}" to be ${EXPECTED_BY_KIND[field.kind]}, but found ${describeValue(value)}.`));
    return undefined;
  }
  switch (field.kind) {
    case "date_time":
      if (isRfc3339(value)) return value;
      out.push(diagnostic("invalid_date_time", `${base}/${index}/${field.name}`, `Expected "${field.name}" to be an RFC 3339 date-time such as "2024-07-15T12:34:56Z", but found ${quote(value)}.`));
      return undefined;
    case "button_type":
      if (value === "link") return value;
      out.push(diagnostic("invalid_value", `${base}/${index}/${field.name}`, `Expected "button_type" to be "link" (the only kind of button), but found ${quote(value)}.`));
      return undefined;
    case "url": {
      const check = checkLinkUrl(value, schemes);
      if (check.ok) return value;
      out.push(check.reason === "invalid"
        ? diagnostic("invalid_url", `${base}/${index}/${field.name}`, `Expected "url" to be an absolute URL such as "https://example.com/admin", but found ${quote(value)}.`)
        : diagnostic("unsafe_url", `${base}/${index}/${field.name}`, `The URL uses the scheme "${check.scheme}", which is not allowed; expected one of ${schemes.map(normalizeScheme).join(", ")}.`));
      return undefined;
    }
  }
  return value;
}

function checkBadgeItems(value: unknown, path: string, out: Diagnostic[]): BadgeItem[] | undefined {
  if (!Array.isArray(value)) {
    out.push(diagnostic("invalid_type", path, `Expected "items" to be ${EXPECTED_BY_KIND.badge_items}, but found ${describeValue(value)}.`));
    return undefined;
  }
  let items: BadgeItem[] | null = null; // copied only once an item needs normalising
  let readable = true;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (!isPlainObject(item)) {
      readable = false;
      out.push(diagnostic("invalid_type", `${path}/${index}`, `Expected each badge item to be an object with "value" and "color", but found ${describeValue(item)}.`));
      continue;
    }
    const text = ownValue(item, "value");
    if (text === undefined) {
      out.push(diagnostic("missing_field", `${path}/${index}/value`, `The badge item has no "value"; expected a string.`));
    } else if (typeof text !== "string") {
      out.push(diagnostic("invalid_type", `${path}/${index}/value`, `Expected "value" to be a string, but found ${describeValue(text)}.`));
    }
    const color = ownValue(item, "color");
    const known = typeof color === "string" && BADGE_COLOR_SET.has(color);
    if (!known) {
      out.push(diagnostic("unknown_color", `${path}/${index}/color`, color === undefined
        ? `The badge item has no "color"; expected one of ${COLOR_LIST}. It renders gray.`
        : `Unknown badge color ${typeof color === "string" ? quote(color) : `(${describeValue(color)})`}; expected one of ${COLOR_LIST}. It renders gray.`));
    }
    if (known && typeof text === "string" && countOwnKeys(item) === 2) {
      if (items !== null) items.push(item as BadgeItem);
    } else {
      items ??= (value as BadgeItem[]).slice(0, index);
      items.push({ value: text as string, color: (known ? color : "gray") as BadgeColor });
    }
  }
  // An item that is no object is an error that drops the component: no items to keep.
  return readable ? (items ?? (value as BadgeItem[])) : undefined;
}
