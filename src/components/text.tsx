import type { TextComponent } from "../schema/widget-schema.js";
import { renderFieldLabel } from "./field-label.js";

export interface TextProps {
  component: TextComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Label above value; every line of the value keeps its break and is cut with an ellipsis. */
export function Text({ component }: TextProps) {
  const lines = component.value.split(LINE_BREAK);
  return (
    <div className="sc-field" data-sidecard-component="text">
      {renderFieldLabel(component.label, component.icon_url)}
      <div className="sc-value" title={component.value}>
        {lines.map((line, index) => (
          <span className="sc-line sc-truncate" key={index}>
            {line}
          </span>
        ))}
      </div>
    </div>
  );
}
