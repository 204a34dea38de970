import type { ComponentType as ReactComponentType } from "react";
import { Badge, type BadgeProps } from "../components/badge.js";
import { Button, type ButtonProps } from "../components/button.js";
import { Card, type CardProps } from "../components/card.js";
import { DateTime, type DateTimeProps } from "../components/date-time.js";
import { Divider, type DividerProps } from "../components/divider.js";
import { Link, type LinkProps } from "../components/link.js";
import { Text, type TextProps } from "../components/text.js";
import type { ComponentType } from "../schema/widget-schema.js";

/** The props the React component for each wire `type` receives. */
export interface ComponentPropsByType {
  card: CardProps;
  text: TextProps;
  date_time: DateTimeProps;
  badge: BadgeProps;
  button: ButtonProps;
  link: LinkProps;
  divider: DividerProps;
}

/** One React component per wire type; a missing or misspelled type fails to compile. */
export type WidgetComponents = { [K in ComponentType]: ReactComponentType<ComponentPropsByType[K]> };

export const defaultComponents = {
  card: Card,
  text: Text,
  date_time: DateTime,
  badge: Badge,
  button: Button,
  link: Link,
  divider: Divider,
} satisfies WidgetComponents;

/** Host overrides merged over the defaults into a fresh object (the defaults never change). */
export function resolveComponents(overrides: Partial<WidgetComponents> | undefined): WidgetComponents {
  if (!overrides) return defaultComponents;
  const merged: WidgetComponents = { ...defaultComponents };
  for (const type of Object.keys(defaultComponents) as ComponentType[]) {
    const override = overrides[type];
    if (typeof override === "function" || (typeof override === "object" && override !== null)) {
      (merged as Record<ComponentType, unknown>)[type] = override;
    }
  }
  return merged;
}
