import { useId, useMemo, useState } from "react";
import { parseWidget, type Diagnostic, type WidgetMode } from "../../src/index.js";
import { SidebarFrame, StoryWidget, useStoryGlobals } from "../story-widget.js";
import { parseJsonText, type JsonErrorLocation } from "./json-error-location.js";
import "./playground.css";

export interface PlaygroundProps {
  /** The JSON text the editor starts with. */
  initialText: string;
  /** Default `"strict"`. */
  initialMode?: WidgetMode;
}

const MODES: { value: WidgetMode; label: string }[] = [
  { value: "strict", label: "Strict (Pylon)" },
  { value: "isolate", label: "Isolate" },
];

/** Paste or edit a payload; it renders live with its diagnostics. Invalid JSON shows where it breaks. */
export function Playground({ initialText, initialMode = "strict" }: PlaygroundProps) {
  const id = useId();
  const { theme } = useStoryGlobals();
  const [text, setText] = useState(initialText);
  const [mode, setMode] = useState<WidgetMode>(initialMode);
  const json = useMemo(() => parseJsonText(text), [text]);
  const diagnostics = useMemo(() => (json.ok ? parseWidget(json.value).diagnostics : []), [json]);

  const format = () => {
    if (json.ok) setText(JSON.stringify(json.value, null, 2));
  };

  return (
    <div className="sb-playground" data-theme={theme}>
      <div className="sb-playground-editor">
        <label className="sb-playground-label" htmlFor={`${id}-json`}>
          Payload JSON
        </label>
        <textarea
          id={`${id}-json`}
          className="sb-playground-textarea"
          value={text}
          onChange={(event) => setText(event.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={`${id}-status`}
          aria-invalid={!json.ok}
          rows={24}
        />
        <div className="sb-playground-controls">
          <fieldset className="sb-playground-modes">
            <legend>Mode</legend>
            {MODES.map((option) => (
              <label key={option.value}>
                <input type="radio" name={`${id}-mode`} value={option.value} checked={mode === option.value} onChange={() => setMode(option.value)} />{" "}
                {option.label}
              </label>
            ))}
          </fieldset>
          <button type="button" className="sb-playground-button" onClick={format} disabled={!json.ok}>
            Format JSON
          </button>
          <button type="button" className="sb-playground-button" onClick={() => setText(initialText)}>
            Reset
          </button>
        </div>
        <div id={`${id}-status`} className="sb-playground-status" role="status">
          {json.ok ? <DiagnosticsSummary diagnostics={diagnostics} /> : <JsonError text={text} message={json.message} location={json.location} />}
        </div>
        {json.ok && diagnostics.length > 0 && <DiagnosticsTable diagnostics={diagnostics} />}
      </div>
      <div className="sb-playground-preview">
        <h2 className="sb-playground-heading">Preview</h2>
        <SidebarFrame>
          {json.ok ? (
            <StoryWidget payload={json.value} mode={mode} />
          ) : (
            <p className="sb-playground-note">Fix the JSON to see the widget.</p>
          )}
        </SidebarFrame>
      </div>
    </div>
  );
}

function DiagnosticsSummary({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) return <p className="sb-playground-ok">Valid payload: no diagnostics.</p>;
  return (
    <p className={errors > 0 ? "sb-playground-bad" : "sb-playground-warn"}>
      {plural(errors, "error")}, {plural(warnings, "warning")}.
    </p>
  );
}

function DiagnosticsTable({ diagnostics }: { diagnostics: Diagnostic[] }) {
  return (
    <table className="sb-playground-diagnostics">
      <caption>Diagnostics</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Path</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {diagnostics.map((diagnostic, index) => (
          <tr key={index} data-severity={diagnostic.severity} data-code={diagnostic.code}>
            <td>{diagnostic.severity}</td>
            <td>
              <code>{diagnostic.path === "" ? "(root)" : diagnostic.path}</code>
            </td>
            <td>{diagnostic.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function JsonError({ text, message, location }: { text: string; message: string; location: JsonErrorLocation | null }) {
  if (!location) {
    return <p className="sb-playground-bad">Invalid JSON: {message}</p>;
  }
  const lineText = text.split(/\r\n|\r|\n/)[location.line - 1] ?? "";
  return (
    <div className="sb-playground-bad">
      <p>
        Invalid JSON at line {location.line}, column {location.column}: {message}
      </p>
      <pre className="sb-playground-snippet" aria-hidden="true">
        {`${lineText}\n${" ".repeat(Math.max(0, location.column - 1))}^`}
      </pre>
    </div>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
