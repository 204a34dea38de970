import { memo, type ComponentType as ReactComponentType, type JSXElementConstructor, type ReactNode } from "react";
import { Badge, renderBadge, type BadgeProps } from "../components/badge.js";
import { Button, renderButton, type ButtonProps } from "../components/button.js";
import { Card, type CardProps } from "../components/card.js";
import { DateTime, renderDateTimeRow, type DateTimeProps } from "../components/date-time.js";
import { Divider, type DividerProps } from "../components/divider.js";
import { Link, renderLink, type LinkProps } from "../components/link.js";
import { Text, renderText, type TextProps } from "../components/text.js";
import type { BadgeComponent, ButtonComponent, ComponentType, DateTimeComponent, LinkComponent, TextComponent } from "../schema/widget-schema.js";
import type { WidgetSettings } from "./widget-settings.js";

/** Props as a host override receives them: `path` is always given. */
type WithPath<P extends { path?: string }> = Omit<P, "path"> & { path: string };

/** The props the React component for each wire `type` receives when a host overrides it (`path` always given). */
export interface ComponentPropsByType {
  card: WithPath<CardProps>;
  text: WithPath<TextProps>;
  date_time: WithPath<DateTimeProps>;
  badge: WithPath<BadgeProps>;
  button: WithPath<ButtonProps>;
  link: WithPath<LinkProps>;
  divider: WithPath<DividerProps>;
}

/** One React component per wire type; a missing or misspelled type fails to compile. */
export type WidgetComponents = { [K in ComponentType]: ReactComponentType<ComponentPropsByType[K]> };

/** sidecard's own components: rendered without `path` (their Props say `path?: string`). */
type DefaultComponents = {
  [K in ComponentType]: ReactComponentType<Omit<ComponentPropsByType[K], "path">>;
};

export const defaultComponents = {
  card: Card,
  text: Text,
  date_time: DateTime,
  badge: Badge,
  button: Button,
  link: Link,
  divider: Divider,
} satisfies DefaultComponents & WidgetComponents;

/**
 * What the widget renders with: every entry memoised, so an unchanged component object skips
 * re-rendering. A refresh (a fresh `JSON.parse`, no identity kept) still hits: the analysis
 * hands over the previous normalised object of a leaf equal in content at the same place
 * (render/analyze.ts, `sameContent`). That keeps these plain `memo`s, one fiber per leaf; a
 * comparator (`memo(c, sameLeafProps)`) would make React keep two. `path` is optional here because the widget gives it exactly to the entries that
 * are host overrides (`isDefaultEntry` tells which), never to sidecard's own.
 */
export type RenderRegistry = { [K in ComponentType]: JSXElementConstructor<Omit<ComponentPropsByType[K], "path"> & { path?: string }> };

// One memo wrapper per component function, ever: a host that writes `components={{ text: X }}`
// inline passes a new object each render, and a new wrapper would be a new component type —
// React would remount every overridden component on every render.
const memoized = new WeakMap<object, unknown>();
function memoOnce(component: ReactComponentType<object>): unknown {
  let wrapper = memoized.get(component);
  if (wrapper === undefined) {
    wrapper = memo(component);
    memoized.set(component, wrapper);
  }
  return wrapper;
}

function memoizeAll(components: WidgetComponents): RenderRegistry {
  const registry = {} as Record<ComponentType, unknown>;
  for (const type of Object.keys(components) as ComponentType[]) registry[type] = memoOnce(components[type] as ReactComponentType<object>);
  return registry as RenderRegistry;
}

/**
 * What the widget renders its own leaves with: the same render functions as `defaultComponents`,
 * handed the widget's settings as a prop instead of reading them from context. A context read
 * costs every leaf fiber a dependency record, kept as long as it is mounted (issue 13: JS heap);
 * as a prop the settings object is one shared reference, and `memo` still re-renders the leaves
 * when it changes.
 */
interface OwnProps<C> {
  component: C;
  settings: WidgetSettings;
}
const own = <C,>(name: string, render: (component: C, settings: WidgetSettings) => ReactNode) => {
  const Own = ({ component, settings }: OwnProps<C>) => render(component, settings);
  Own.displayName = name;
  return Own;
};
const ownComponents = {
  ...defaultComponents,
  text: own<TextComponent>("Text", renderText),
  date_time: own<DateTimeComponent>("DateTime", renderDateTimeRow),
  badge: own<BadgeComponent>("Badge", renderBadge),
  button: own<ButtonComponent>("Button", renderButton),
  link: own<LinkComponent>("Link", renderLink),
};

const memoizedDefaults = memoizeAll(ownComponents as unknown as WidgetComponents);

/** Host overrides merged over the defaults into a fresh object (the defaults never change). */
export function resolveComponents(overrides: Partial<WidgetComponents> | undefined): RenderRegistry {
  if (!overrides) return memoizedDefaults;
  const merged = { ...memoizedDefaults } as Record<ComponentType, unknown>;
  for (const type of Object.keys(defaultComponents) as ComponentType[]) {
    const override = overrides[type];
    if (typeof override === "function" || (typeof override === "object" && override !== null)) {
      merged[type] = memoOnce(override as ReactComponentType<object>);
    }
  }
  return merged as RenderRegistry;
}

/** Whether the registry renders `type` with sidecard's own component (no host override). */
export function isDefaultEntry(registry: RenderRegistry, type: ComponentType): boolean {
  return registry[type] === memoizedDefaults[type];
}
