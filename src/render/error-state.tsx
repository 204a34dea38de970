"use client";

import type { Diagnostic } from "../schema/diagnostic.js";
import { MAX_LISTED_DIAGNOSTICS } from "./render-limits.js";
import { useWidgetSettings } from "./widget-settings.js";

export interface ErrorStateProps {
  /** One short sentence for the viewer. */
  message: string;
  diagnostics: Diagnostic[];
  showDiagnostics: boolean;
}

/** The whole-widget error state: what Pylon shows for a payload it cannot render. */
export function ErrorState({ message, diagnostics, showDiagnostics }: ErrorStateProps) {
  return (
    <div className="sc-error" role="alert" data-sidecard-state="error">
      <p className="sc-error-message">{message}</p>
      {showDiagnostics && diagnostics.length > 0 && <DiagnosticList diagnostics={diagnostics} />}
    </div>
  );
}

export function DiagnosticList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  const { messages } = useWidgetSettings();
  return (
    <ul className="sc-diagnostics">
      {diagnostics.slice(0, MAX_LISTED_DIAGNOSTICS).map((d, index) => (
        <li className="sc-diagnostic" data-severity={d.severity} data-code={d.code} key={index}>
          <code className="sc-diagnostic-path">{d.path === "" ? messages.rootPath : d.path}</code>{" "}
          <span className="sc-diagnostic-message">{d.message}</span>
        </li>
      ))}
      <MoreDiagnostics count={diagnostics.length} />
    </ul>
  );
}

/** "+N more" after the listed diagnostics, when some were left out. */
function MoreDiagnostics({ count }: { count: number }) {
  const { messages } = useWidgetSettings();
  return count > MAX_LISTED_DIAGNOSTICS ? <li className="sc-more">{messages.moreItems(count - MAX_LISTED_DIAGNOSTICS)}</li> : null;
}

export interface InlineErrorProps {
  /** The wire type of the component that could not be shown, when known. */
  type: string | null;
  path: string;
  messages: string[];
  showDiagnostics: boolean;
}

/** Isolate mode: stands in the place of one invalid component; its siblings render normally. */
export function InlineError({ type, path, messages, showDiagnostics }: InlineErrorProps) {
  const words = useWidgetSettings().messages;
  return (
    <div className="sc-inline-error" data-sidecard-invalid={type ?? "unknown"} data-sidecard-path={path}>
      <p className="sc-inline-error-title">{words.componentInvalid(type)}</p>
      {showDiagnostics && (
        <ul className="sc-diagnostics">
          {messages.slice(0, MAX_LISTED_DIAGNOSTICS).map((message, index) => (
            <li className="sc-diagnostic" data-severity="error" key={index}>
              <span className="sc-diagnostic-message">{message}</span>
            </li>
          ))}
          <MoreDiagnostics count={messages.length} />
        </ul>
      )}
    </div>
  );
}
