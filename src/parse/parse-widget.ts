import { diagnostic, type Diagnostic } from "../schema/diagnostic.js";
import type { WidgetComponent, WidgetHeader, WidgetPayload } from "../schema/widget-schema.js";
import { checkHeader, checkVersion } from "./check-values.js";
import { isObjectPrototypePristine } from "./clean-component.js";
import { describeValue } from "./describe-value.js";
import { isArray, isPlainObject, lengthOf, ownValue, readItems, UnreadableInput } from "./read-input.js";
import { DEFAULT_URL_SCHEMES } from "./url-safety.js";
import { checkComponent, errorsSince, hasErrorSince, type Walk } from "./walk-components.js";

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

/** `ok` exactly when no diagnostic is an error; then `payload` is the normalised payload. */
export type ParseResult =
  | { ok: true; payload: WidgetPayload; diagnostics: Diagnostic[] }
  | { ok: false; payload: null; diagnostics: Diagnostic[] };

export const DEFAULT_MAX_COMPONENTS = 1000;

/**
 * Validates a custom-app response against Response Schema 1.0.0 and reports every problem in
 * one pass. Never throws for any input: whatever `input` is, the answer is a result with
 * diagnostics. The payload it returns is built from fresh objects holding the values it checked.
 */
export function parseWidget(input: unknown, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const payload = guardReads(diagnostics, (): WidgetPayload | null => {
    const root = readRoot(input, options, diagnostics);
    if (root === null) return null;
    // `root.components` is already a copy of the input array: the normalised components replace
    // the inputs in place (any error empties the payload, so no slot keeps an input value).
    const components = root.components;
    for (let index = 0; index < components.length; index++) {
      components[index] = checkComponent(components[index], "/components", index, false, root.walk);
    }
    return { version: root.version, header: root.header ?? {}, components: components as WidgetComponent[] };
  });
  if (payload == null || hasErrorSince(diagnostics, 0)) return { ok: false, payload: null, diagnostics };
  return { ok: true, payload, diagnostics };
}

/**
 * Runs a walk over the input and returns what it returns. What the input throws while it is
 * read (a getter, a proxy) becomes an `invalid_root` diagnostic and `undefined`; anything else
 * thrown is a bug in sidecard and propagates.
 */
export function guardReads<T>(diagnostics: Diagnostic[], walk: () => T): T | undefined {
  try {
    return walk();
  } catch (error) {
    if (!(error instanceof UnreadableInput)) throw error;
    diagnostics.push(diagnostic("invalid_root", "", `The payload could not be read (${error.detail}); expected a plain JSON object.`));
    return undefined;
  }
}

/** The root's parts as read once, for the component walk that follows. */
export interface RootParts {
  version: string;
  /** The normalised header, or `null` when it is missing or has errors. */
  header: WidgetHeader | null;
  headerErrors: readonly Diagnostic[];
  /** The top-level components, each read once. */
  components: unknown[];
  walk: Walk;
}

/**
 * Checks the root (object, version, header, `components`, the component limit), reporting to
 * `out`. Returns `null` when there is nothing to walk.
 */
export function readRoot(input: unknown, options: ParseOptions, out: Diagnostic[]): RootParts | null {
  if (!isPlainObject(input)) {
    out.push(diagnostic("invalid_root", "", `Expected the payload to be a JSON object with "version", "header" and "components", but found ${describeValue(input)}.`));
    return null;
  }
  const version = checkVersion(ownValue(input, "version"), out);

  const headerValue = ownValue(input, "header");
  let header: WidgetHeader | null = null;
  let headerErrors: readonly Diagnostic[] = [];
  if (headerValue === undefined) {
    out.push(diagnostic("missing_header", "/header", `The payload has no "header"; expected an object with an optional "title" and "icon_url". The widget renders without a header.`));
  } else {
    const start = out.length;
    const checked = checkHeader(headerValue, "/header", out);
    headerErrors = errorsSince(out, start);
    if (headerErrors.length === 0) header = checked;
  }

  const componentsValue = ownValue(input, "components");
  if (!isArray(componentsValue)) {
    out.push(diagnostic("invalid_root", "/components", componentsValue === undefined
      ? `The payload has no "components"; expected an array of components.`
      : `Expected "components" to be an array of components, but found ${describeValue(componentsValue)}.`));
    return null;
  }
  const components = readItems(componentsValue);

  const requested = options.limits?.maxComponents;
  // A limit that is not a number ≥ 0 (NaN, a string from untyped code) must not mean "no limit".
  const maxComponents = typeof requested === "number" && requested >= 0 ? requested : DEFAULT_MAX_COMPONENTS;
  const total = countComponents(components, maxComponents);
  if (total > maxComponents) {
    out.push(diagnostic("too_many_components", "/components", `The widget has ${total > components.length ? "at least " : ""}${total.toLocaleString("en-US")} components; the limit is ${maxComponents.toLocaleString("en-US")}.`));
    return null;
  }
  const schemes = options.allowedUrlSchemes ?? DEFAULT_URL_SCHEMES;
  return { version, header, headerErrors, components, walk: { out, schemes, pristine: isObjectPrototypePristine() } };
}

/** Counts top-level components plus cards' children, stopping as soon as the limit is passed. */
function countComponents(components: readonly unknown[], limit: number): number {
  let total = components.length;
  for (let i = 0; i < components.length && total <= limit; i++) {
    const item = components[i];
    if (isPlainObject(item) && ownValue(item, "type") === "card") {
      const children = ownValue(item, "components");
      if (isArray(children)) total += lengthOf(children);
    }
  }
  return total;
}
