import { useEffect, useId, useMemo, useState } from "react";
import { parseJsonText, type JsonSyntaxError } from "../../src/cli/json-position.js";
import { createShareLink, readSharedPayload } from "../../src/cli/preview-app/share-link.js";
import { parseWidget, type Diagnostic, type WidgetMode } from "../../src/index.js";
import { SidebarFrame, StoryWidget, useStoryGlobals } from "../story-widget.js";
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

/**
 * The page a share link should point at, and the fragment to read one from: Storybook's own
 * address (the manager, `?path=/story/…`) when the story runs inside it, else this frame's.
 */
function storybookLocation(): Location {
  try {
    if (window.top && window.top !== window && window.top.location.search.includes("path=")) return window.top.location;
  } catch {
    // a cross-origin parent: use this frame's address
  }
  return window.location;
}

/** Paste or edit a payload; it renders live with its diagnostics. Invalid JSON shows where it breaks. */
export function Playground({ initialText, initialMode = "strict" }: PlaygroundProps) {
  const id = useId();
  const { theme } = useStoryGlobals();
  const [text, setText] = useState(initialText);
  const [mode, setMode] = useState<WidgetMode>(initialMode);
  const [share, setShare] = useState<{ link: string | null; message: string } | null>(null);
  const json = useMemo(() => parseJsonText(text), [text]);

  // A share link (#payload=…, the same format as `sidecard preview`) opens with its payload.
  useEffect(() => {
    let cancelled = false;
    const hash = window.location.hash || storybookLocation().hash;
    void readSharedPayload(hash).then((shared) => {
      if (cancelled || shared === null) return;
      if (shared.ok) setText(shared.text);
      setShare({ link: null, message: shared.ok ? "Opened the payload from the share link." : shared.message });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const copyShareLink = async () => {
    try {
      const link = await createShareLink(storybookLocation().href, text);
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        // no clipboard permission (an embedded frame): the field below holds the link to copy
      }
      setShare({ link, message: copied ? "Share link copied. The payload is in the link itself; nothing is uploaded." : "Copy the share link below." });
    } catch (error) {
      setShare({ link: null, message: (error as Error).message });
    }
  };
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
          <button type="button" className="sb-playground-button" onClick={() => void copyShareLink()}>
            Copy share link
          </button>
        </div>
        {share && (
          <div className="sb-playground-share">
            <p aria-live="polite">{share.message}</p>
            {share.link && (
              <>
                <label htmlFor={`${id}-share`}>Share link</label>
                <input id={`${id}-share`} className="sb-playground-share-link" readOnly value={share.link} onFocus={(event) => event.target.select()} />
              </>
            )}
          </div>
        )}
        <div id={`${id}-status`} className="sb-playground-status" role="status">
          {json.ok ? <DiagnosticsSummary diagnostics={diagnostics} /> : <JsonError text={text} error={json.error} />}
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

function JsonError({ text, error }: { text: string; error: JsonSyntaxError }) {
  const lineText = (text.split("\n")[error.line - 1] ?? "").replace(/\r$/, "");
  return (
    <div className="sb-playground-bad">
      <p>
        Invalid JSON at line {error.line}, column {error.column}: {error.message}
      </p>
      <pre className="sb-playground-snippet" aria-hidden="true">
        {`${lineText}\n${" ".repeat(Math.max(0, error.column - 1))}^`}
      </pre>
    </div>
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
