"use client";

import { forwardRef, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type JSXElementConstructor, type ReactElement, type ReactNode } from "react";
import type { DateTimeFormatOptions } from "../format/format-date-time.js";
import { Header, shownTitle } from "../components/header.js";
import type { WidgetLimits } from "../parse/parse-widget.js";
import { analyzeWidget, type AnalyzedComponent, type AnalyzedWidget } from "./analyze.js";
import { DEFAULT_URL_SCHEMES } from "../parse/url-safety.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { CardProps } from "../components/card.js";
import type { CardComponent, ComponentType, LeafComponent } from "../schema/widget-schema.js";
import { describeError, ErrorBoundary } from "./error-boundary.js";
import { ErrorState, InlineError } from "./error-state.js";
import { boundChars, MAX_TITLE_CHARS, resolveRenderLimits } from "./render-limits.js";
import { isDefaultEntry, resolveComponents, type RenderRegistry, type WidgetComponents } from "./registry.js";
import { WidgetSettingsContext, type WidgetSettings } from "./widget-settings.js";
import { ANNOUNCER_CLASS } from "../components/copy-button.js";
import { englishMessages, type SidecardMessages } from "../messages/messages.js";
import { useMessages, useSidecardSettings } from "../messages/provider.js";
import { rootAttributes, type RootAttributes } from "./root-attributes.js";

export type WidgetMode = "strict" | "isolate";
export type WidgetTheme = "light" | "dark" | "auto";
export type WidgetLayout = "rows" | "stacked";

export interface WidgetProps extends DateTimeFormatOptions, RootAttributes {
  /** The parsed JSON value the endpoint answered. Anything is accepted; bad input gives diagnostics. */
  payload: unknown;
  /** `"strict"` (default, like Pylon): any error shows the error state. `"isolate"`: each invalid component shows an inline error and the rest renders. */
  mode?: WidgetMode;
  /** Default: inherit `data-theme` from an ancestor, else light. `"auto"` follows `prefers-color-scheme`. */
  theme?: WidgetTheme;
  /** List the diagnostics (path and message) in error states. Default `true`. */
  showDiagnostics?: boolean;
  /** Receives every diagnostic, warnings included, once per payload, as the widget commits (before paint). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Replace the React component used for any wire type. */
  components?: Partial<WidgetComponents>;
  /**
   * Default `{ maxComponents: 1000, maxTextLines: 50, maxBadgeItems: 50 }`: the most components,
   * the most lines of one text and the most items of one badge drawn (the rest as "+N more").
   * A negative or non-finite value means the default.
   */
  limits?: WidgetLimits;
  /** `"rows"` (default): label | value, stacked when the widget is narrower than 300 px. `"stacked"`: label above value always. */
  layout?: WidgetLayout;
  /** Cards and the widget header collapse with a chevron after their title. Default `true`. */
  collapsible?: boolean;
  /** Controls at the end of the widget header, e.g. a host's refresh button (`<CustomApp>` puts its own there). */
  headerActions?: ReactNode;
  /** A line under the content, e.g. where the data came from (`<CustomApp appName>`). */
  footer?: ReactNode;
  /** URL schemes buttons and links may use. Default `["https", "http", "mailto", "tel"]`. */
  allowedUrlSchemes?: readonly string[];
  /** Heading level of the widget title (card titles are one below). Default 3. */
  headingLevel?: number;
  /** Extra class names for the widget root. */
  className?: string;
  /**
   * Accessible name of the widget's region, e.g. the app's name. Default: the header title.
   * Without either the root is a plain section, not a landmark (so widgets never compete).
   */
  label?: string;
  /** Replaces any of sidecard's own words (the rest stay English, or the `<SidecardProvider messages>`). */
  messages?: Partial<SidecardMessages>;
}

/**
 * Renders a custom-app payload safely: never crashes the host page, never turns payload text into
 * markup. `id`, `data-*`, `aria-*` and `ref` go to the root `<section>`.
 */
export const Widget = forwardRef<HTMLElement, WidgetProps>(function Widget({
  payload,
  mode = "strict",
  theme,
  showDiagnostics = true,
  onDiagnostics,
  components,
  limits,
  allowedUrlSchemes,
  headingLevel = 3,
  className,
  label,
  layout = "rows",
  collapsible = true,
  headerActions,
  footer,
  locale,
  timeZone,
  dateFormat,
  now,
  messages: ownMessages,
  ...rest
}, ref) {
  // A <SidecardProvider> above sets the app-wide defaults; the widget's own props win.
  const app = useSidecardSettings();
  locale ??= app.locale;
  timeZone ??= app.timeZone;
  dateFormat ??= app.dateFormat;
  theme ??= app.theme;
  const messages = useMessages(englishMessages, ownMessages);
  const maxComponents = limits?.maxComponents;
  // Keyed on values, not identities, so inline `limits={{…}}` or `allowedUrlSchemes={[…]}` do
  // not re-validate on every render.
  // The schemes are made from their key, so an equal list keeps the same array.
  const schemesKey = allowedUrlSchemes?.join("\u0000");
  const schemes = useMemo(() => schemesFromKey(schemesKey), [schemesKey]);
  // The last analysis made: component objects that survive an immutable update keep their
  // records (and the memoised components below skip re-rendering them). A cache, not state:
  // whichever analysis it holds, records are only reused for the very same object and place.
  const previous = useRef<AnalyzedWidget | null>(null);
  const analysis = useMemo(
    () => (previous.current = analyzeWidget(payload, { limits: { maxComponents }, allowedUrlSchemes: schemes }, previous.current)),
    [payload, maxComponents, schemes],
  );

  // The latest callback, updated at commit (before the report below reads it), never during render.
  const onDiagnosticsRef = useRef(onDiagnostics);
  useReportingEffect(() => {
    onDiagnosticsRef.current = onDiagnostics;
  });
  const reported = useRef<unknown>(null);
  useReportingEffect(() => {
    if (reported.current === analysis) return; // once per payload, also under StrictMode's double effects
    reported.current = analysis;
    onDiagnosticsRef.current?.(analysis.diagnostics);
  }, [analysis]);

  const maxTextLines = limits?.maxTextLines;
  const maxBadgeItems = limits?.maxBadgeItems;
  const renderLimits = useMemo(() => resolveRenderLimits({ maxTextLines, maxBadgeItems }), [maxTextLines, maxBadgeItems]);
  const [expanded, setExpanded] = useState(true);
  const contentId = useId();

  const nowTime = now?.getTime();
  const settings = useMemo<WidgetSettings>(
    () => ({
      headingLevel,
      dateTime: { locale, timeZone, dateFormat, now: nowTime === undefined ? undefined : new Date(nowTime) },
      allowedUrlSchemes: schemes,
      collapsible,
      limits: renderLimits,
      messages,
    }),
    [headingLevel, locale, timeZone, dateFormat, nowTime, schemes, collapsible, renderLimits, messages],
  );
  const registry = useMemo(() => resolveComponents(components), [components]);
  // A new payload, new overrides or new settings give a component that threw another chance.
  const renderKey = useMemo(() => ({ analysis, registry, settings }), [analysis, registry, settings]);
  const renderContext = useMemo<RenderContext>(
    () => ({ registry, isolate: mode === "isolate", showDiagnostics, messages, renderKey, settings }),
    [registry, mode, showDiagnostics, messages, renderKey, settings],
  );

  const title = shownTitle(analysis.header);
  const canCollapse = collapsible && title !== undefined;
  const open = expanded || !canCollapse;
  let content: ReactNode;
  if (analysis.rootErrors.length > 0 || (mode === "strict" && analysis.hasErrors)) {
    content = (
      <>
        {/* The host's controls (Refresh) stay reachable when the answer cannot be shown. */}
        {headerActions && <Header header={{}} level={headingLevel} className="sc-header" actions={headerActions} />}
        <ErrorState
          message={analysis.rootErrors.length > 0 ? rootErrorMessage(analysis.rootErrors[0], messages) : messages.invalidPayload}
          diagnostics={analysis.diagnostics.filter((d) => d.severity === "error")}
          showDiagnostics={showDiagnostics}
        />
      </>
    );
  } else {
    content = (
      <>
        {/* Outside the boundary: a component that throws leaves the header and its Refresh in place. */}
        {(analysis.header || headerActions) && (
          <Header
            header={analysis.header ?? {}}
            level={headingLevel}
            className="sc-header"
            disclosure={canCollapse ? { expanded, controls: contentId, onToggle: () => setExpanded((value) => !value) } : undefined}
            actions={headerActions}
          />
        )}
        {/* What the disclosure shows and hides (also when a component threw and the error state stands here). */}
        {open && (
          <div className="sc-content" id={contentId}>
            <ErrorBoundary
              resetKey={renderKey}
              fallback={(error) => (
                <ErrorState
                  message={messages.renderFailed(showDiagnostics ? describeError(error) : undefined)}
                  diagnostics={[]}
                  showDiagnostics={false}
                />
              )}
            >
              {analysis.headerErrors.length > 0 && (
                <InlineError type="header" path="/header" messages={analysis.headerErrors.map((d) => d.message)} showDiagnostics={showDiagnostics} />
              )}
              {analysis.components.length === 0 ? (
                <p className="sc-empty" data-sidecard-state="empty">
                  {messages.empty}
                </p>
              ) : (
                <div className="sc-components">{analysis.components.map((node, index) => renderNode(node, index, "/components", renderContext))}</div>
              )}
            </ErrorBoundary>
          </div>
        )}
      </>
    );
  }

  return (
    <section
      className={className ? `sc-widget ${className}` : "sc-widget"}
      data-sidecard="widget"
      data-theme={theme}
      data-layout={layout === "stacked" ? "stacked" : "rows"}
      aria-label={boundChars(label || title || "", MAX_TITLE_CHARS) || undefined}
      {...rootAttributes(rest)}
      ref={ref}
    >
      <WidgetSettingsContext.Provider value={settings}>{content}</WidgetSettingsContext.Provider>
      {/* The widget's one polite live region: the copy buttons write into it (never React). */}
      <span className={`sc-visually-hidden ${ANNOUNCER_CLASS}`} role="status" />
      {footer && <p className="sc-footer">{footer}</p>}
    </section>
  );
});

// Diagnostics are reported in a layout effect: it runs as part of the commit, where a passive
// effect would make React schedule a task of its own for every widget mounted. On the server
// neither runs; `useEffect` there keeps React 18 from warning about layout effects.
const useReportingEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/** `allowedUrlSchemes` back from its key (`undefined`: the defaults; `""`: no scheme at all). */
function schemesFromKey(key: string | undefined): readonly string[] {
  if (key === undefined) return DEFAULT_URL_SCHEMES;
  return key === "" ? [] : key.split("\u0000");
}

function rootErrorMessage(error: Diagnostic, messages: SidecardMessages): string {
  switch (error.code) {
    case "unsupported_version":
      return messages.unsupportedVersion;
    case "too_many_components":
      return messages.tooManyComponents;
    default:
      return messages.notAPayload;
  }
}

interface RenderContext {
  registry: RenderRegistry;
  isolate: boolean;
  showDiagnostics: boolean;
  /** Changes with the payload, the overrides and the settings: each boundary then tries again. */
  renderKey: object;
  messages: SidecardMessages;
  settings: WidgetSettings;
}

/**
 * One component: the registry's (memoised) React component, or in isolate mode an inline error
 * in its place. A function rather than a component of its own, so each payload component costs
 * no extra React fiber; memoisation happens on the registry entries. `base` is the path of the
 * list it stands in (`/components`, or a card's `…/components`).
 */
function renderNode(node: AnalyzedComponent, key: number, base: string, context: RenderContext): ReactNode {
  const { registry, showDiagnostics } = context;
  if (node.component === null || node.type === null) {
    return <InlineError key={key} type={node.type} path={node.path} messages={node.errors.map((d) => d.message)} showDiagnostics={showDiagnostics} />;
  }
  if (node.type !== "card") return renderLeaf(node.component as LeafComponent, base, key, context);
  const card = node.component as CardComponent;
  const Card = registry.card as JSXElementConstructor<Omit<CardProps, "path"> & { path?: string }>;
  const childBase = `${node.path}/components`;
  const children: ReactNode[] =
    node.children === null
      ? card.components.map((child, index) => renderLeaf(child, childBase, index, context))
      : node.children.map((child, index) => renderNode(child, index, childBase, context));
  // The card's children are one flat array: a list nested in another would cost React a fiber more per card.
  if (node.headerErrors.length > 0) {
    children.unshift(<InlineError key="header" type="card header" path={`${node.path}/header`} messages={node.headerErrors.map((d) => d.message)} showDiagnostics={showDiagnostics} />);
  }
  const element = (
    <Card key={key} component={card} path={isDefaultEntry(registry, "card") ? undefined : node.path}>
      {children}
    </Card>
  );
  return guard(element, key, node.type, node.path, context);
}

/**
 * A valid leaf at `${base}/${index}`. That path is only built when something reads it: a host
 * override (sidecard's own components never do) or an isolate-mode error fallback — a string
 * less per component to allocate, keep and compare on updates.
 */
function renderLeaf(component: LeafComponent, base: string, index: number, context: RenderContext): ReactNode {
  const Rendered = context.registry[component.type] as JSXElementConstructor<{ component: LeafComponent; path?: string; settings?: WidgetSettings }>;
  const own = isDefaultEntry(context.registry, component.type);
  // sidecard's own leaves get the settings as a prop (see registry.ts); overrides read the context.
  if (own && !context.isolate) return <Rendered key={index} component={component} settings={context.settings} />;
  const path = `${base}/${index}`;
  return guard(own ? <Rendered key={index} component={component} settings={context.settings} /> : <Rendered key={index} component={component} path={path} />, index, component.type, path, context);
}

/** In isolate mode, an error boundary per component: a component that throws becomes an inline error. */
function guard(element: ReactElement, key: number, type: ComponentType, path: string, context: RenderContext): ReactNode {
  if (!context.isolate) return element;
  return (
    <ErrorBoundary
      key={key}
      resetKey={context.renderKey}
      fallback={(error) => (
        <InlineError type={type} path={path} messages={[context.messages.componentFailed(describeError(error))]} showDiagnostics={context.showDiagnostics} />
      )}
    >
      {element}
    </ErrorBoundary>
  );
}
