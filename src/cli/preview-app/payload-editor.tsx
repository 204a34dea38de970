import { useMemo, useRef } from "react";
import type { JsonTextPosition } from "../json-position.js";
import { MAX_LISTED_PROBLEMS, plural, type PayloadAnalysis } from "./payload-problems.js";

/** Above this many lines the gutter is one text node (no per-line marks): bounded DOM. */
const MAX_MARKED_LINES = 5000;

export interface PayloadEditorProps {
  text: string;
  onChange: (text: string) => void;
  analysis: PayloadAnalysis;
}

/**
 * A plain textarea with line numbers (no editor dependency): Tab leaves it, as everywhere else
 * on the page, so keyboard users are never trapped. Problems below it jump to their place.
 */
export function PayloadEditor({ text, onChange, analysis }: PayloadEditorProps) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);

  const lineCount = useMemo(() => {
    let lines = 1;
    for (let k = text.indexOf("\n"); k !== -1; k = text.indexOf("\n", k + 1)) lines++;
    return lines;
  }, [text]);

  // Lines with a problem, marked in the gutter like an editor's squiggle.
  const problemLines = useMemo(() => {
    const lines = new Map<number, "error" | "warning">();
    if (analysis.kind === "syntax") lines.set(analysis.error.line, "error");
    if (analysis.kind === "parsed") {
      for (const d of analysis.diagnostics) {
        if (d.position && lines.get(d.position.line) !== "error") lines.set(d.position.line, d.severity);
      }
    }
    return lines;
  }, [analysis]);

  const goTo = (position: JsonTextPosition) => {
    const area = textarea.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(position.offset, position.offset);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (position.line - 1) * lineHeight - area.clientHeight / 2);
    if (gutter.current) gutter.current.scrollTop = area.scrollTop;
  };

  const invalid = analysis.kind === "syntax" || (analysis.kind === "parsed" && analysis.errors > 0);
  const errors = analysis.kind === "syntax" ? 1 : analysis.kind === "parsed" ? analysis.errors : 0;
  const warnings = analysis.kind === "parsed" ? analysis.warnings : 0;

  return (
    <>
      <div className="pv-editor" data-invalid={invalid || undefined}>
        <pre className="pv-gutter" ref={gutter} aria-hidden="true">
          {lineCount > MAX_MARKED_LINES
            ? Array.from({ length: lineCount }, (_, k) => k + 1).join("\n")
            : Array.from({ length: lineCount }, (_, k) => (
                <span key={k} className="pv-gutter-line" data-problem={problemLines.get(k + 1)}>
                  {k + 1}
                </span>
              ))}
        </pre>
        <textarea
          ref={textarea}
          className="pv-textarea"
          aria-label="Payload JSON"
          aria-describedby="pv-problems-summary"
          aria-invalid={invalid}
          data-testid="editor"
          value={text}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>

      <section className="pv-problems" aria-labelledby="pv-problems-heading">
        <h3 id="pv-problems-heading" className="pv-problems-heading">
          Problems{" "}
          <span id="pv-problems-summary" className="pv-count" data-testid="diagnostic-count" data-errors={errors}>
            {plural(errors, "error")}, {plural(warnings, "warning")}
          </span>
        </h3>
        {analysis.kind === "empty" && <p className="pv-muted">Nothing to check yet: type or paste a payload.</p>}
        {analysis.kind === "syntax" && (
          <ul className="pv-problem-list" data-testid="diagnostics">
            <li className="pv-problem-item" data-severity="error" data-testid="json-error">
              <button type="button" className="pv-location" onClick={() => goTo(analysis.error)}>
                Line {analysis.error.line}, column {analysis.error.column}
              </button>{" "}
              <span className="pv-severity">Invalid JSON</span> <span className="pv-problem-message">{analysis.error.message}</span>
              <Snippet text={text} position={analysis.error} />
            </li>
          </ul>
        )}
        {analysis.kind === "parsed" &&
          (analysis.diagnostics.length === 0 ? (
            <p className="pv-ok">Valid payload: no diagnostics.</p>
          ) : (
            <ul className="pv-problem-list" data-testid="diagnostics">
              {analysis.diagnostics.slice(0, MAX_LISTED_PROBLEMS).map((d, index) => (
                <li key={index} className="pv-problem-item" data-severity={d.severity} data-code={d.code}>
                  {d.position ? (
                    <button type="button" className="pv-location" onClick={() => goTo(d.position!)}>
                      Line {d.position.line}, column {d.position.column}
                    </button>
                  ) : (
                    <span className="pv-location">—</span>
                  )}{" "}
                  <span className="pv-severity">{d.severity}</span> <code className="pv-path">{d.path === "" ? "(root)" : d.path}</code>{" "}
                  <span className="pv-problem-message">
                    {d.message} <span className="pv-code">[{d.code}]</span>
                  </span>
                </li>
              ))}
              {analysis.diagnostics.length > MAX_LISTED_PROBLEMS && (
                <li className="pv-muted">…and {analysis.diagnostics.length - MAX_LISTED_PROBLEMS} more.</li>
              )}
            </ul>
          ))}
      </section>
    </>
  );
}

/** The broken line with a caret under the column, like a compiler prints it. */
function Snippet({ text, position }: { text: string; position: JsonTextPosition }) {
  const start = text.lastIndexOf("\n", position.offset - 1) + 1;
  const end = text.indexOf("\n", position.offset);
  const line = text.slice(start, end === -1 ? undefined : end).replace(/\r$/, "");
  // Long (minified) lines: show the 80 characters around the column.
  const from = Math.max(0, position.column - 41);
  const shown = line.slice(from, from + 80);
  return (
    <pre className="pv-snippet" aria-hidden="true">
      {`${from > 0 ? "…" : ""}${shown}\n${" ".repeat(position.column - 1 - from + (from > 0 ? 1 : 0))}^`}
    </pre>
  );
}
