// React blocks for the MDX docs pages: widget examples and the tables built from doc-data.ts.
import { Source, Unstyled } from "@storybook/addon-docs/blocks";
import type { ReactNode } from "react";
import { DIAGNOSTIC_SEVERITY, Widget, type DiagnosticCode, type WidgetProps } from "../../src/index.js";
import { DIAGNOSTIC_DOCS, exampleDiagnostic, readTokens, TOKEN_PURPOSE } from "./doc-data.js";
import "./docs.css";

/** A widget in a 280 px sidebar frame, outside Storybook's docs typography. */
export function DocWidget({ caption, ...props }: WidgetProps & { caption?: string }) {
  return (
    <Unstyled>
      <figure className="sc-doc-figure">
        {caption && <figcaption className="sc-doc-caption">{caption}</figcaption>}
        <div className="sc-doc-frame" data-theme={props.theme === "dark" ? "dark" : undefined}>
          <Widget locale="en-US" timeZone="UTC" {...props} />
        </div>
      </figure>
    </Unstyled>
  );
}

/** The JSON of a payload beside the widget it renders. */
export function WidgetExample({ payload, ...props }: WidgetProps) {
  return (
    <div className="sc-doc-example">
      <div className="sc-doc-example-source">
        <Source language="json" code={JSON.stringify(payload, null, 2)} />
      </div>
      <DocWidget payload={payload} {...props} />
    </div>
  );
}

/** Several widgets side by side (e.g. light and dark). */
export function DocFrames({ children }: { children: ReactNode }) {
  return <div className="sc-doc-frames">{children}</div>;
}

/** Inline `code` spans and **bold** in the short sentences of the tables. */
function withCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, index) =>
    part.startsWith("`") ? <code key={index}>{part.slice(1, -1)}</code> : part.startsWith("**") ? <strong key={index}>{part.slice(2, -2)}</strong> : part,
  );
}

/**
 * A table from rows of short strings (backticks become code). Storybook's MDX has no GFM, so
 * Markdown pipe tables would render as text; the docs pages use this instead.
 */
export function DocTable({ head, rows }: { head: string[]; rows: string[][] }) {
  return (
    <table className="sc-doc-table">
      <thead>
        <tr>
          {head.map((cell) => (
            <th scope="col" key={cell}>
              {withCode(cell)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, cellIndex) =>
              cellIndex === 0 ? (
                <th scope="row" key={cellIndex}>
                  {withCode(cell)}
                </th>
              ) : (
                <td key={cellIndex}>{withCode(cell)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/** Every diagnostic code, in the order of DIAGNOSTIC_SEVERITY, with a real example path and message. */
export function DiagnosticTable() {
  const codes = Object.keys(DIAGNOSTIC_SEVERITY) as DiagnosticCode[];
  return (
    <table className="sc-doc-table" data-doc-table="diagnostics">
      <thead>
        <tr>
          <th scope="col">code</th>
          <th scope="col">severity</th>
          <th scope="col">when</th>
          <th scope="col">example path and message</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((code) => {
          const found = exampleDiagnostic(code);
          return (
            <tr key={code} data-code={code}>
              <th scope="row">
                <code>{code}</code>
              </th>
              <td>{DIAGNOSTIC_SEVERITY[code]}</td>
              <td>{withCode(DIAGNOSTIC_DOCS[code].when)}</td>
              <td>
                {found ? (
                  <>
                    <code data-doc-path>{found.path === "" ? '"" (root)' : found.path}</code>
                    <br />
                    {found.message}
                  </>
                ) : (
                  <span className="sc-doc-missing">The documented example no longer produces this code.</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// Tokens

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A color sample drawn with an SVG fill attribute: a presentation attribute, not an inline style. */
function Swatch({ color }: { color: string }) {
  if (!HEX_COLOR.test(color)) return null;
  return (
    <svg className="sc-doc-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <rect x="0.5" y="0.5" width="13" height="13" rx="3" fill={color} />
    </svg>
  );
}

function TokenValue({ value }: { value: string }) {
  return (
    <span className="sc-doc-value">
      <Swatch color={value} />
      <code>{value}</code>
    </span>
  );
}

/** Every token of tokens.css: light value, dark value, what it styles. */
export function TokenTable() {
  const tokens = readTokens();
  return (
    <table className="sc-doc-table" data-doc-table="tokens">
      <thead>
        <tr>
          <th scope="col">token</th>
          <th scope="col">light</th>
          <th scope="col">dark</th>
          <th scope="col">styles</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name} data-token={token.name}>
            <th scope="row">
              <code>{token.name}</code>
            </th>
            <td>
              <TokenValue value={token.light} />
            </td>
            <td>{token.dark === token.light ? "same" : <TokenValue value={token.dark} />}</td>
            <td>{TOKEN_PURPOSE[token.name] ? withCode(TOKEN_PURPOSE[token.name]) : <span className="sc-doc-missing">Undocumented token.</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
