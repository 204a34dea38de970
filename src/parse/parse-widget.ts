import type * as z from "zod/mini";
import { diagnostic, type Diagnostic } from "../schema/diagnostic.js";
import {
  BADGE_COLORS,
  COMPONENT_TYPES,
  componentSchemaByType,
  type BadgeColor,
  type CardComponent,
  type ComponentType,
  type LeafComponent,
  type WidgetComponent,
  type WidgetHeader,
  type WidgetPayload,
} from "../schema/widget-schema.js";
import { describeValue, isPlainObject, ownValue, quote } from "./describe-value.js";
import { appendPointer } from "./json-pointer.js";
import { parseRfc3339 } from "./rfc3339.js";
import { checkLinkUrl, DEFAULT_URL_SCHEMES, normalizeScheme, toSafeIconSrc } from "./url-safety.js";

export interface WidgetLimits {
  /** Most components in the whole widget, cards' children included. Default 1000. */
  maxComponents?: number;
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
  path: string;
  /** The wire type when it is one of the seven, otherwise `null`. */
  type: ComponentType | null;
  /** The normalised component, `null` when it has errors of its own. Cards keep only valid children. */
  component: WidgetComponent | null;
  /** Error diagnostics that belong to this component itself (not to a card's children). */
  errors: Diagnostic[];
  /** A card's children, each analysed on its own. */
  children: AnalyzedComponent[];
  /** For cards: errors on the card's own fields; the card still renders its valid children. */
  headerErrors: Diagnostic[];
}

export interface AnalyzedWidget {
  diagnostics: Diagnostic[];
  /** Errors that make the whole widget unrenderable in every mode. */
  rootErrors: Diagnostic[];
  header: WidgetHeader | null;
  headerErrors: Diagnostic[];
  components: AnalyzedComponent[];
  payload: WidgetPayload | null;
}

const ROOT_ERROR_CODES = new Set(["invalid_root", "unsupported_version", "too_many_components"]);
const COMPONENT_TYPE_SET = new Set<string>(COMPONENT_TYPES);
const BADGE_COLOR_SET = new Set<string>(BADGE_COLORS);
const TYPE_LIST = COMPONENT_TYPES.join(", ");
const COLOR_LIST = BADGE_COLORS.join(", ");

const EXPECTED_NAMES: Record<string, string> = {
  string: "a string",
  array: "an array",
  object: "an object",
};

/**
 * Validates a custom-app response against Response Schema 1.0.0 and reports every problem in
 * one pass. Never throws: whatever `input` is, the answer is a result with diagnostics.
 */
export function parseWidget(input: unknown, options: ParseOptions = {}): ParseResult {
  const { diagnostics, payload } = analyzeWidget(input, options);
  return { ok: payload !== null, payload, diagnostics };
}

/** The analysis behind `parseWidget`, kept per component so the renderer can isolate errors. */
export function analyzeWidget(input: unknown, options: ParseOptions = {}): AnalyzedWidget {
  const diagnostics: Diagnostic[] = [];
  const analysis: AnalyzedWidget = {
    diagnostics,
    rootErrors: [],
    header: null,
    headerErrors: [],
    components: [],
    payload: null,
  };
  try {
    analyzeRoot(input, options, analysis);
  } catch (error) {
    // Only exotic inputs get here (throwing getters, proxies); JSON values never do.
    diagnostics.push(
      diagnostic("invalid_root", "", `The payload could not be read (${String(error)}); expected a plain JSON object.`),
    );
  }
  analysis.rootErrors = diagnostics.filter((d) => ROOT_ERROR_CODES.has(d.code));
  if (!diagnostics.some((d) => d.severity === "error")) {
    analysis.payload = {
      version: typeof ownValue(input as Record<string, unknown>, "version") === "string"
        ? (ownValue(input as Record<string, unknown>, "version") as string)
        : "1.0.0",
      header: analysis.header ?? {},
      components: analysis.components.map((c) => c.component as WidgetComponent),
    };
  }
  return analysis;
}

function analyzeRoot(input: unknown, options: ParseOptions, analysis: AnalyzedWidget): void {
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
    const header = analyzeHeader(headerValue, "/header", diagnostics);
    analysis.header = header.header;
    analysis.headerErrors = header.errors;
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

  const maxComponents = options.limits?.maxComponents ?? DEFAULT_MAX_COMPONENTS;
  const total = countComponents(components, maxComponents);
  if (total > maxComponents) {
    diagnostics.push(
      diagnostic("too_many_components", "/components", `The widget has ${total > components.length ? "more than " : ""}${total.toLocaleString("en-US")} components; the limit is ${maxComponents.toLocaleString("en-US")}.`),
    );
    return;
  }

  const context: WalkContext = { diagnostics, allowedUrlSchemes: options.allowedUrlSchemes ?? DEFAULT_URL_SCHEMES };
  analysis.components = components.map((value, index) => analyzeComponent(value, appendPointer("/components", index), false, context));
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

function analyzeHeader(value: unknown, path: string, diagnostics: Diagnostic[]): { header: WidgetHeader | null; errors: Diagnostic[] } {
  if (!isPlainObject(value)) {
    const error = diagnostic("invalid_type", path, `Expected "header" to be an object with an optional "title" and "icon_url", but found ${describeValue(value)}.`);
    diagnostics.push(error);
    return { header: null, errors: [error] };
  }
  const header: WidgetHeader = {};
  const errors: Diagnostic[] = [];
  const title = ownValue(value, "title");
  if (typeof title === "string") header.title = title;
  else if (title !== undefined) {
    const error = diagnostic("invalid_type", appendPointer(path, "title"), `Expected "title" to be a string, but found ${describeValue(title)}.`);
    diagnostics.push(error);
    errors.push(error);
  }
  const icon = checkIconUrl(ownValue(value, "icon_url"), appendPointer(path, "icon_url"), (d) => diagnostics.push(d));
  if (icon !== undefined) header.icon_url = icon;
  return { header: errors.length > 0 ? null : header, errors };
}

/** Returns the icon URL to keep, or `undefined` after a warning when it is not an image URL. */
function checkIconUrl(value: unknown, path: string, report: (d: Diagnostic) => void): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && toSafeIconSrc(value) !== null) return value;
  report(diagnostic("invalid_icon_url", path, `Expected "icon_url" to be an absolute http(s) URL or a data:image URL, but found ${describeValue(value)}; the icon is left out.`));
  return undefined;
}

interface WalkContext {
  diagnostics: Diagnostic[];
  allowedUrlSchemes: readonly string[];
}

function analyzeComponent(value: unknown, path: string, insideCard: boolean, context: WalkContext): AnalyzedComponent {
  const node: AnalyzedComponent = { path, type: null, component: null, errors: [], children: [], headerErrors: [] };
  const report = (d: Diagnostic) => {
    context.diagnostics.push(d);
    if (d.severity === "error") node.errors.push(d);
  };

  if (!isPlainObject(value)) {
    report(diagnostic("invalid_type", path, `Expected a component object with a "type", but found ${describeValue(value)}.`));
    return node;
  }
  const type = ownValue(value, "type");
  if (typeof type !== "string" || !COMPONENT_TYPE_SET.has(type)) {
    report(diagnostic("unknown_type", appendPointer(path, "type"), type === undefined
      ? `The component has no "type"; expected one of ${TYPE_LIST}.`
      : `Unknown component type ${typeof type === "string" ? quote(type) : `(${describeValue(type)})`}; expected one of ${TYPE_LIST}.`));
    return node;
  }
  node.type = type as ComponentType;
  if (type === "card" && insideCard) {
    report(diagnostic("nested_card", path, `A card cannot contain another card; move this card to the top level or put its components directly in the outer card.`));
    return node;
  }

  const fieldErrors: Diagnostic[] = [];
  const reportField = (d: Diagnostic) => {
    context.diagnostics.push(d);
    if (d.severity === "error") fieldErrors.push(d);
  };
  checkFields(value, componentSchemaByType[node.type], path, type, reportField);
  checkSemantics(value, node.type, path, context, reportField);

  if (node.type === "card") {
    node.headerErrors = fieldErrors;
    const children = ownValue(value, "components");
    if (children === undefined) {
      report(diagnostic("missing_field", appendPointer(path, "components"), `The card has no "components"; expected an array of components (it may be empty).`));
    } else if (!Array.isArray(children)) {
      report(diagnostic("invalid_type", appendPointer(path, "components"), `Expected "components" to be an array of components, but found ${describeValue(children)}.`));
    } else {
      node.children = children.map((child, index) => analyzeComponent(child, appendPointer(appendPointer(path, "components"), index), true, context));
    }
    if (node.errors.length === 0) {
      const card: CardComponent = { type: "card", components: [] };
      if (fieldErrors.length === 0) {
        const header = ownValue(value, "header");
        if (header !== undefined) card.header = normalizeHeader(header);
      }
      card.components = node.children.filter((c) => c.component !== null).map((c) => c.component as LeafComponent);
      node.component = card;
      // A bad card header or a bad child is still an error of the widget, but isolate mode
      // renders the rest of the card.
    }
    return node;
  }

  node.errors.push(...fieldErrors);
  if (node.errors.length === 0) node.component = normalizeLeaf(value, node.type);
  return node;
}

/** Runs the type's zod schema and turns each issue into a diagnostic with a JSON Pointer. */
function checkFields(
  value: Record<string, unknown>,
  schema: z.ZodMiniType,
  path: string,
  type: string,
  report: (d: Diagnostic) => void,
): void {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return;
  for (const issue of result.error.issues) {
    const segments = issue.path.map((s) => (typeof s === "symbol" ? String(s) : s));
    const issuePath = segments.reduce<string>((p, s) => appendPointer(p, s), path);
    const field = String(segments[segments.length - 1] ?? type);
    const found = readPath(value, segments);

    if (field === "icon_url") {
      // Icons are decorative: a wrong one is a warning and the icon is left out.
      if (found.present) report(diagnostic("invalid_icon_url", issuePath, `Expected "icon_url" to be an absolute http(s) URL or a data:image URL, but found ${describeValue(found.value)}; the icon is left out.`));
      continue;
    }
    if (field === "color" && segments[0] === "items") {
      report(diagnostic("unknown_color", issuePath, found.present
        ? `Unknown badge color ${typeof found.value === "string" ? quote(found.value) : `(${describeValue(found.value)})`}; expected one of ${COLOR_LIST}. It renders gray.`
        : `The badge item has no "color"; expected one of ${COLOR_LIST}. It renders gray.`));
      continue;
    }
    const owner = segments.length > 1 && segments[0] === "items" ? "badge item" : `${type} component`;
    if (issue.code === "invalid_value") {
      const expected = issue.values.map((v) => JSON.stringify(v)).join(" or ");
      if (!found.present) {
        report(diagnostic("missing_field", issuePath, `The ${owner} has no "${field}"; expected ${expected}.`));
      } else if (typeof found.value !== "string") {
        report(diagnostic("invalid_type", issuePath, `Expected "${field}" to be the string ${expected}, but found ${describeValue(found.value)}.`));
      } else {
        report(diagnostic("invalid_value", issuePath, `Expected "${field}" to be ${expected}, but found ${describeValue(found.value)}.`));
      }
      continue;
    }
    if (issue.code === "invalid_type") {
      if (!found.present) {
        report(diagnostic("missing_field", issuePath, `The ${owner} has no "${field}"; expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}.`));
      } else if (typeof segments[segments.length - 1] === "number") {
        report(diagnostic("invalid_type", issuePath, `Expected each badge item to be an object with "value" and "color", but found ${describeValue(found.value)}.`));
      } else {
        report(diagnostic("invalid_type", issuePath, `Expected "${field}" to be ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, but found ${describeValue(found.value)}.`));
      }
      continue;
    }
    report(diagnostic("invalid_type", issuePath, `${issue.message} at "${field}".`));
  }
}

/** Rules the JSON types alone do not express: RFC 3339 dates, URL safety, icon URLs. */
function checkSemantics(
  value: Record<string, unknown>,
  type: ComponentType,
  path: string,
  context: WalkContext,
  report: (d: Diagnostic) => void,
): void {
  const icon = ownValue(value, "icon_url");
  if (typeof icon === "string" && type !== "card") checkIconUrl(icon, appendPointer(path, "icon_url"), report);
  if (type === "card") {
    const header = ownValue(value, "header");
    if (isPlainObject(header)) {
      const headerIcon = ownValue(header, "icon_url");
      if (typeof headerIcon === "string") checkIconUrl(headerIcon, appendPointer(appendPointer(path, "header"), "icon_url"), report);
    }
  }
  if (type === "date_time") {
    const date = ownValue(value, "value");
    if (typeof date === "string" && parseRfc3339(date) === null) {
      report(diagnostic("invalid_date_time", appendPointer(path, "value"), `Expected "value" to be an RFC 3339 date-time such as "2024-07-15T12:34:56Z", but found ${quote(date)}.`));
    }
  }
  if (type === "button" || type === "link") {
    const url = ownValue(value, "url");
    if (typeof url === "string") {
      const check = checkLinkUrl(url, context.allowedUrlSchemes);
      if (!check.ok && check.reason === "invalid") {
        report(diagnostic("invalid_url", appendPointer(path, "url"), `Expected "url" to be an absolute URL such as "https://example.com/admin", but found ${quote(url)}.`));
      } else if (!check.ok) {
        report(diagnostic("unsafe_url", appendPointer(path, "url"), `The URL uses the scheme "${check.scheme}", which is not allowed; expected one of ${context.allowedUrlSchemes.map(normalizeScheme).join(", ")}.`));
      }
    }
  }
}

function readPath(value: unknown, segments: (string | number)[]): { present: boolean; value: unknown } {
  let current: unknown = value;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === "number") {
      if (segment >= current.length) return { present: false, value: undefined };
      current = current[segment];
    } else if (isPlainObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment as string];
    } else {
      return { present: false, value: undefined };
    }
  }
  return { present: true, value: current };
}

function normalizeHeader(value: unknown): WidgetHeader {
  const header: WidgetHeader = {};
  if (!isPlainObject(value)) return header;
  const title = ownValue(value, "title");
  if (typeof title === "string") header.title = title;
  const icon = ownValue(value, "icon_url");
  if (typeof icon === "string" && toSafeIconSrc(icon) !== null) header.icon_url = icon;
  return header;
}

function withIcon<T extends object>(component: T, value: Record<string, unknown>): T & { icon_url?: string } {
  const icon = ownValue(value, "icon_url");
  return typeof icon === "string" && toSafeIconSrc(icon) !== null ? { ...component, icon_url: icon } : component;
}

/** Builds a fresh component holding only the fields the schema names (unknown ones are ignored). */
function normalizeLeaf(value: Record<string, unknown>, type: Exclude<ComponentType, "card">): LeafComponent {
  const label = ownValue(value, "label") as string;
  switch (type) {
    case "text":
      return withIcon({ type, label, value: ownValue(value, "value") as string }, value);
    case "date_time":
      return withIcon({ type, label, value: ownValue(value, "value") as string }, value);
    case "badge":
      return {
        type,
        label,
        items: (ownValue(value, "items") as Record<string, unknown>[]).map((item) => {
          const color = ownValue(item, "color");
          return {
            value: ownValue(item, "value") as string,
            color: (typeof color === "string" && BADGE_COLOR_SET.has(color) ? color : "gray") as BadgeColor,
          };
        }),
      };
    case "button":
      return { type, label, button_type: "link", url: ownValue(value, "url") as string };
    case "link":
      return { type, label, url: ownValue(value, "url") as string };
    case "divider":
      return { type };
  }
}
