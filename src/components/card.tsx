import type { ReactNode } from "react";
import type { CardComponent } from "../schema/widget-schema.js";
import { useWidgetSettings } from "../render/widget-settings.js";
import { Header } from "./header.js";

export interface CardProps {
  component: CardComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
  /** The card's components, already rendered by the widget (each behind its own error boundary). */
  children: ReactNode;
}

export function Card({ component, children }: CardProps) {
  const { headingLevel } = useWidgetSettings();
  return (
    <div className="sc-card" data-sidecard-component="card">
      {component.header && <Header header={component.header} level={headingLevel + 1} className="sc-card-header" />}
      <div className="sc-card-body">{children}</div>
    </div>
  );
}
