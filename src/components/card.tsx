"use client";

import { useId, useState, type ReactNode } from "react";
import type { CardComponent } from "../schema/widget-schema.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { Header, shownTitle } from "./header.js";

export interface CardProps {
  component: CardComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
  /** The card's components, already rendered by the widget (each behind its own error boundary). */
  children: ReactNode;
}

/**
 * A bordered box with a bold title. A titled card collapses with the chevron after its title
 * (unless the widget has `collapsible={false}`); collapsed content leaves the DOM. The state
 * lives in the card at its place in the payload, so a refresh of the same shape keeps it.
 */
export function Card({ component, children }: CardProps) {
  const { headingLevel, collapsible } = useWidgetSettings();
  const [expanded, setExpanded] = useState(true);
  const bodyId = useId();
  const canCollapse = collapsible && shownTitle(component.header) !== undefined;
  const open = expanded || !canCollapse;
  // The card lays out its title and its components itself (no body wrapper): the disclosure
  // controls the card, whose components leave the DOM when it is collapsed.
  return (
    <div className="sc-card" data-sidecard-component="card" id={canCollapse ? bodyId : undefined}>
      {component.header && (
        <Header
          header={component.header}
          level={headingLevel + 1}
          className="sc-card-header"
          bare
          disclosure={canCollapse ? { expanded, controls: bodyId, onToggle: () => setExpanded((value) => !value) } : undefined}
        />
      )}
      {open && children}
    </div>
  );
}
