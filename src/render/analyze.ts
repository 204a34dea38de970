// The renderer's analysis: parseWidget's checks, kept per component so the renderer can isolate
// errors and reuse what did not change. It runs the parser's own pieces (readRoot, the fast
// path, the component walk), so both always judge a payload alike.

import { cleanComponent } from "../parse/clean-component.js";
import { guardReads, readRoot, type ParseOptions } from "../parse/parse-widget.js";
import { ownValue, readItems } from "../parse/read-input.js";
import { DEFAULT_URL_SCHEMES } from "../parse/url-safety.js";
import { checkComponentFully, componentType, makeCard, NO_DIAGNOSTICS, readCard, type Walk } from "../parse/walk-components.js";
import type { Diagnostic, DiagnosticCode } from "../schema/diagnostic.js";
import type { ComponentType } from "../schema/spec.js";
import type { LeafComponent, WidgetComponent, WidgetHeader } from "../schema/widget-schema.js";
import { sameContent } from "./same-content.js";

/** One component as the renderer needs it: valid content, or the errors that stand in its place. */
export interface AnalyzedComponent {
  /** The payload value this record was made from: a later analysis reuses the record when it meets the same object at the same place. */
  input: unknown;
  path: string;
  /** The wire type when it is one of the known types, otherwise `null`. */
  type: ComponentType | null;
  /** The normalised component (fresh objects of checked values), `null` when it has errors of its own. Cards keep only valid children. */
  component: WidgetComponent | null;
  /** Error diagnostics that belong to this component itself (not to a card's children). */
  errors: readonly Diagnostic[];
  /**
   * A card's children, each analysed on its own — or `null` when every child already is
   * exactly a valid component (the usual case): then the card's `component.components` render
   * as they are, with no record per child.
   */
  children: readonly AnalyzedComponent[] | null;
  /** For cards: errors in the card's header; the card still renders its valid children. */
  headerErrors: readonly Diagnostic[];
  /** For a card whose `children` is `null`: the child input objects, so an update can keep the normalised children of unchanged ones. */
  childInputs: readonly unknown[] | null;
  /** Every diagnostic of this component and its children, warnings included, in document order. */
  diagnostics: readonly Diagnostic[];
}

export interface AnalyzedWidget {
  diagnostics: Diagnostic[];
  /** Errors that make the whole widget unrenderable in every mode. */
  rootErrors: Diagnostic[];
  hasErrors: boolean;
  header: WidgetHeader | null;
  headerErrors: readonly Diagnostic[];
  components: AnalyzedComponent[];
  /** The URL schemes the analysis allowed: records are only reused under the same ones. */
  schemes: readonly string[];
}

const NO_CHILDREN: readonly AnalyzedComponent[] = Object.freeze([]);
const ROOT_ERROR_CODES: ReadonlySet<DiagnosticCode> = new Set(["invalid_root", "unsupported_version", "too_many_components"]);

/**
 * Analyses a payload for rendering. Given the `previous` analysis (of the payload rendered
 * before), a component object found again at the same place keeps its record: an immutable
 * update re-checks only what changed, and React can skip re-rendering the rest. A leaf that is
 * a new object but equal in content to the normalised leaf at the same place before (a
 * refresh: `<CustomApp>` hands over a fresh `JSON.parse`) is checked again, then replaced by
 * that previous normalised object, so the memoised registry entries skip it too. Matching by
 * place needs no lookup table, which on a first mount would cost a hash insertion and an entry
 * per component.
 */
export function analyzeWidget(input: unknown, options: ParseOptions = {}, previous?: AnalyzedWidget | null): AnalyzedWidget {
  const schemes = options.allowedUrlSchemes ?? DEFAULT_URL_SCHEMES;
  const analysis: AnalyzedWidget = { diagnostics: [], rootErrors: [], hasErrors: false, header: null, headerErrors: NO_DIAGNOSTICS, components: [], schemes };
  const before = previous != null && previous.schemes === schemes ? previous.components : null;
  // Nothing is kept from a walk the input threw in: it then returns `undefined`, and nothing
  // of what was read before the throw is shown.
  const read = guardReads(analysis.diagnostics, () => {
    const root = readRoot(input, { ...options, allowedUrlSchemes: schemes }, analysis.diagnostics);
    if (root === null) return null;
    const nodes = new Array<AnalyzedComponent>(root.components.length);
    for (let index = 0; index < nodes.length; index++) nodes[index] = analyzeNode(root.components[index], "/components", index, false, root.walk, before?.[index]);
    return { root, nodes };
  });
  if (read != null) {
    analysis.header = read.root.header;
    analysis.headerErrors = read.root.headerErrors;
    analysis.components = read.nodes;
  }
  for (const d of analysis.diagnostics) {
    if (d.severity !== "error") continue;
    analysis.hasErrors = true;
    if (ROOT_ERROR_CODES.has(d.code)) analysis.rootErrors.push(d);
  }
  return analysis;
}

/** One record per component; `before` (the record of the same place in the previous analysis) is reused when it was made from the same object. */
function analyzeNode(value: unknown, base: string, index: number, insideCard: boolean, walk: Walk, before: AnalyzedComponent | undefined): AnalyzedComponent {
  const { out } = walk;
  if (before !== undefined && before.input === value && typeof value === "object" && value !== null) {
    for (const d of before.diagnostics) out.push(d);
    return before;
  }
  const path = `${base}/${index}`;
  const clean = cleanComponent(value, walk.schemes, walk.pristine, insideCard);
  if (clean !== null) {
    if (clean.type !== "card") return cleanNode(value, sameAsBefore(before?.component, clean), path, null);
    // The fast path just read `components` as an array; this second read only pairs the
    // normalised children with their inputs, so unchanged children keep their objects.
    const inputs = readItems(ownValue(value as Record<string, unknown>, "components") as unknown[]);
    if (before?.type === "card") for (let i = 0; i < clean.components.length; i++) clean.components[i] = previousChild(before, i, inputs[i], clean.components[i]);
    return cleanNode(value, clean, path, inputs);
  }
  const start = out.length;
  const type = componentType(value);
  if (type === "card" && !insideCard) return analyzeCard(value as Record<string, unknown>, path, walk, before, start);
  const component = checkComponentFully(value, base, index, insideCard, walk);
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
    childInputs: null,
  };
}

/** A card that is not clean as a whole: its header and `components` checked, each child analysed. */
function analyzeCard(value: Record<string, unknown>, path: string, walk: Walk, before: AnalyzedComponent | undefined, start: number): AnalyzedComponent {
  const { out } = walk;
  const parts = readCard(value, path, walk);
  let component: WidgetComponent | null = null;
  let records: AnalyzedComponent[] | null = null; // stays null while every child is clean
  if (parts.children !== null) {
    const beforeChildren = before?.type === "card" ? (before.children ?? undefined) : undefined;
    const base = `${path}/components`;
    const valid: LeafComponent[] = [];
    for (let index = 0; index < parts.children.length; index++) {
      const child = parts.children[index];
      const clean = records === null ? cleanComponent(child, walk.schemes, walk.pristine, true) : null;
      if (clean !== null) {
        valid.push(before?.type === "card" ? previousChild(before, index, child, clean as LeafComponent) : (clean as LeafComponent));
        continue;
      }
      // The first child that needs a record: the clean ones before it get theirs now.
      records ??= valid.map((kept, i) => cleanNode(parts.children![i], kept, `${base}/${i}`, null));
      const node = analyzeNode(child, base, index, true, walk, beforeChildren?.[index]);
      records.push(node);
      if (node.component !== null) valid.push(node.component as LeafComponent);
    }
    component = makeCard(parts.header, valid);
  }
  return {
    input: value,
    path,
    type: "card",
    component,
    errors: parts.ownErrors,
    // A card whose `components` is not an array has no children to render.
    children: component === null ? NO_CHILDREN : records,
    headerErrors: parts.headerErrors,
    diagnostics: out.length === start ? NO_DIAGNOSTICS : out.slice(start),
    childInputs: records === null ? parts.children : null,
  };
}

/**
 * The child to render at `index` of a card: the normalised child the previous analysis of this
 * card made there, when it came from the very same input object or shows the same content;
 * else `clean`, the one just made.
 */
function previousChild(before: AnalyzedComponent, index: number, input: unknown, clean: LeafComponent): LeafComponent {
  if (before.component?.type !== "card") return clean;
  if (before.childInputs !== null) {
    const kept = before.component.components[index];
    return kept !== undefined && before.childInputs[index] === input && typeof input === "object" && input !== null ? kept : sameAsBefore(kept, clean);
  }
  const record = before.children?.[index];
  if (record === undefined || record.component === null) return clean;
  return record.input === input && typeof input === "object" && input !== null ? (record.component as LeafComponent) : sameAsBefore(record.component, clean);
}

/** `before` when it is a leaf equal in content to the freshly normalised `clean` (a comparison of its few fields), else `clean`. */
function sameAsBefore<T extends WidgetComponent>(before: WidgetComponent | null | undefined, clean: T): T {
  return before != null && before.type !== "card" && clean.type !== "card" && sameContent(before, clean) ? (before as T) : clean;
}

/** The record of a component that already is exactly valid (a card's children then need none). */
function cleanNode(input: unknown, component: WidgetComponent, path: string, childInputs: readonly unknown[] | null): AnalyzedComponent {
  const children = component.type === "card" ? null : NO_CHILDREN;
  return { input, path, type: component.type, component, errors: NO_DIAGNOSTICS, children, headerErrors: NO_DIAGNOSTICS, diagnostics: NO_DIAGNOSTICS, childInputs };
}
