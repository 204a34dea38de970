import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLatest } from "../../host/use-latest.js";
import { Widget, type WidgetMode } from "../../render/widget.js";
import { CONTEXT_PARAMS } from "../../protocol/params.js";
import type { PreviewConfig, PreviewContext, PreviewFetchResult, PreviewFileSnapshot, PreviewVerifyResult } from "../preview/protocol.js";
import { analyzeExchange } from "./analyze-exchange.js";
import { EmbeddedApp } from "../../embed/embedded-app.js";
import { IssueView } from "./issue-view.js";
import { PayloadEditor } from "./payload-editor.js";
import { analyzePayloadText, plural } from "./payload-problems.js";
import { fetchAppData, loadConfig, verifyApp } from "./preview-api.js";
import { createShareLink, readSharedPayload } from "./share-link.js";
import { useFileWatch } from "./use-file-watch.js";
import { WidgetMatrix } from "./widget-matrix.js";

const WIDTHS = [280, 360, 420] as const;
type Width = (typeof WIDTHS)[number];
type Theme = "light" | "dark";
type View = "issue" | "matrix";
type Connection =
  | { state: "verifying" }
  | { state: "verified"; result: PreviewVerifyResult }
  | { state: "unverified"; reason: string; result: PreviewVerifyResult | null }
  | { state: "disconnected" };

const CONNECTION_LABEL: Record<Connection["state"], string> = {
  verifying: "Verifying…",
  verified: "Verified",
  unverified: "Unverified",
  disconnected: "Disconnected",
};

/** Where the editor's text came from; the newest text from there is kept to revert to. */
interface Source {
  kind: "none" | "app" | "file" | "share";
  text: string;
  /** When it arrived, for "saved 10:02:13". */
  at: Date | null;
}

/** "Name: value" lines → headers. */
function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const timeOf = (date: Date) => date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function PreviewApp() {
  const [config, setConfig] = useState<PreviewConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [context, setContext] = useState<PreviewContext | null>(null);
  const [headerText, setHeaderText] = useState("");
  const [sign, setSign] = useState(true);
  const [connection, setConnection] = useState<Connection>({ state: "verifying" });
  const [exchange, setExchange] = useState<PreviewFetchResult | null>(null);
  const [fetchProblem, setFetchProblem] = useState<string | null>(null);
  const [fetching, setFetching] = useState(false);
  const [width, setWidth] = useState<Width>(360);
  const [theme, setTheme] = useState<Theme>("light");
  const [mode, setMode] = useState<WidgetMode>("strict");
  const [view, setView] = useState<View>("issue");
  const [editorOpen, setEditorOpen] = useState(true);

  // The editor. `source` is what it was loaded from; a newer text from the source replaces the
  // editor's only while the editor still holds the source's text (edits are never overwritten).
  const [text, setText] = useState("");
  const [source, setSource] = useState<Source>({ kind: "none", text: "", at: null });
  const [pending, setPending] = useState<Source | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [share, setShare] = useState<{ message: string; link: string | null; tone: "ok" | "error" } | null>(null);
  const latestRef = useLatest({ text, source });

  const offer = useCallback((next: Source) => {
    const { text: current, source: from } = latestRef.current;
    // A shared payload stays until the person chooses another; so do edits.
    const keep = from.kind === "share" || (from.kind !== "none" && current !== from.text);
    if (keep && next.text !== current) {
      setPending(next);
      return;
    }
    setPending(null);
    setSource(next);
    setText(next.text);
  }, [latestRef]);

  const loadPending = () => {
    if (!pending) return;
    setSource(pending);
    setText(pending.text);
    setPending(null);
  };

  const latestFetch = useRef(0);
  const request = useCallback(() => ({ sign, headers: parseHeaderLines(headerText) }), [sign, headerText]);
  const followsFile = config?.watch ?? false;

  const fetchData = useCallback(
    async (ctx: PreviewContext) => {
      const id = ++latestFetch.current;
      setFetching(true);
      try {
        const result = await fetchAppData({ ...request(), context: ctx });
        if (id !== latestFetch.current) return; // a newer fetch was started: never show a stale answer
        const answer = analyzeExchange(result);
        setExchange(result);
        setFetchProblem(answer.problem);
        // A watched file reaches the editor as it is on disk (its own lines); an app's answer pretty-printed.
        if (!followsFile && answer.payload) offer({ kind: "app", text: answer.raw, at: new Date() });
      } catch (error) {
        if (id !== latestFetch.current) return;
        setExchange(null);
        setFetchProblem((error as Error).message);
      } finally {
        if (id === latestFetch.current) setFetching(false);
      }
    },
    [request, followsFile, offer],
  );

  const connect = useCallback(
    async (ctx: PreviewContext) => {
      setConnection({ state: "verifying" });
      try {
        const result = await verifyApp(request());
        if (result.verified) {
          setConnection({ state: "verified", result });
          await fetchData(ctx);
        } else {
          setConnection({ state: "unverified", reason: result.reason ?? "The handshake failed.", result });
        }
      } catch (error) {
        setConnection({ state: "unverified", reason: (error as Error).message, result: null });
      }
    },
    [request, fetchData],
  );

  // A share link (#payload=…) opens with its payload, before anything the app sends.
  useEffect(() => {
    let cancelled = false;
    void readSharedPayload(window.location.hash).then((shared) => {
      if (cancelled || shared === null) return;
      if (shared.ok) {
        setSource({ kind: "share", text: shared.text, at: new Date() });
        setText(shared.text);
      } else setShare({ message: shared.message, link: null, tone: "error" });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    loadConfig().then(
      (loaded) => {
        if (cancelled) return;
        setConfig(loaded);
        setSign(loaded.canSign);
        setContext(loaded.defaultContext);
      },
      (error: Error) => !cancelled && setConfigError(error.message),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // Handshake once the configuration (and so the context) is known.
  const started = useRef(false);
  useEffect(() => {
    if (context && !started.current) {
      started.current = true;
      void connect(context);
    }
  }, [context, connect]);

  const watchState = useFileWatch(followsFile, (snapshot: PreviewFileSnapshot) => {
    setFileError(snapshot.error);
    if (snapshot.text !== null) offer({ kind: "file", text: snapshot.text, at: new Date() });
  });

  // Parsing follows typing without blocking it; the widget keeps the last valid payload while the JSON is broken.
  const deferredText = useDeferredValue(text);
  const analysis = useMemo(() => analyzePayloadText(deferredText), [deferredText]);
  // Kept across renders as state adjusted while rendering (React's pattern for "what it was before").
  const [lastValid, setLastValid] = useState<{ value: unknown } | null>(null);
  if (analysis.kind === "parsed" && lastValid?.value !== analysis.value) setLastValid({ value: analysis.value });
  if (analysis.kind === "empty" && lastValid !== null) setLastValid(null);

  const copyShareLink = async () => {
    try {
      const link = await createShareLink(window.location.href, text);
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        // no clipboard permission: the field shows the link to copy by hand
      }
      const size = link.length > 2048 ? `${Math.round(link.length / 1024)} K characters` : `${link.length} characters`;
      setShare({
        message: `${copied ? "Link copied" : "Copy the link below"} (${size}). The payload is inside the link's #fragment: nothing is uploaded, and the page at this address opens it.`,
        link,
        tone: "ok",
      });
    } catch (error) {
      setShare({ message: (error as Error).message, link: null, tone: "error" });
    }
  };

  if (configError) return <p role="alert">The preview could not start: {configError}</p>;
  if (!config || !context) return <p>Loading…</p>;

  const verified = connection.state === "verified";
  const dirty = source.kind !== "none" && text !== source.text;
  const appLabel =
    config.target.kind === "example" ? "Example app" : config.target.kind === "file" ? config.target.label.split(/[\\/]/).pop()! : config.target.label;

  /** What one widget frame shows: the widget, or why there is none. */
  const widgetFor = (frameTheme: Theme, key: string): ReactNode => {
    if (analysis.kind === "empty") {
      return (
        <p className="pv-placeholder">
          {source.kind === "none" && !verified ? "The widget appears once the app is verified." : "Type or paste a payload to see it here."}
        </p>
      );
    }
    // The app's own answer is shown only while the host would show it; drafts and shared payloads always.
    if (source.kind === "app" && !dirty && !verified) {
      return <p className="pv-placeholder">{CONNECTION_LABEL[connection.state]}: a host shows no widget now.</p>;
    }
    const payload = analysis.kind === "parsed" ? { value: analysis.value } : lastValid;
    if (!payload) return <p className="pv-placeholder">Fix the JSON to see the widget.</p>;
    return (
      <div className="pv-widget-slot" data-stale={analysis.kind === "syntax" || undefined} key={key}>
        {analysis.kind === "syntax" && <p className="pv-stale-note">Last valid JSON — the text has an error.</p>}
        <Widget payload={payload.value} theme={frameTheme} mode={mode} headingLevel={4} />
      </div>
    );
  };

  const sourceLine = (() => {
    const edited = dirty ? " · edited" : "";
    switch (source.kind) {
      case "file":
        return `${config.target.label} · ${watchState === "watching" ? "watching" : watchState}${source.at ? ` · loaded ${timeOf(source.at)}` : ""}${edited}`;
      case "app":
        return `The app's answer${source.at ? ` · ${timeOf(source.at)}` : ""}${edited}`;
      case "share":
        return `From a share link${edited}`;
      default:
        return followsFile ? `${config.target.label} · ${watchState}` : "Waiting for the app's answer";
    }
  })();

  return (
    <div className="pv-page sc-host" data-theme={theme} data-view={view} data-editor={editorOpen ? "open" : "closed"}>
      <header className="pv-topbar">
        <h1 className="pv-title">sidecard preview</h1>
        <span className="pv-target" title={config.target.url}>
          {config.target.label}
        </span>
        <span className="pv-status" data-testid="connection-status" data-state={connection.state} role="status">
          {CONNECTION_LABEL[connection.state]}
        </span>
        {connection.state === "unverified" || connection.state === "disconnected" ? (
          <button type="button" className="pv-button" onClick={() => void connect(context)}>
            Retry connection
          </button>
        ) : (
          <button type="button" className="pv-button" disabled={!verified} onClick={() => setConnection({ state: "disconnected" })}>
            Disconnect
          </button>
        )}
        <span className="pv-spacer" />
        <button type="button" className="pv-button" data-variant="primary" onClick={() => void copyShareLink()} disabled={text === ""}>
          Copy share link
        </button>
      </header>

      <div className="pv-toolbar" role="group" aria-label="Display">
        <Segmented<View> label="View" name="view" value={view} onChange={setView} options={[["issue", "Issue view"], ["matrix", "Matrix"]]} />
        <Segmented<Width>
          label="Width"
          name="width"
          value={width}
          onChange={setWidth}
          disabled={view === "matrix"}
          options={WIDTHS.map((w) => [w, `${w} px`] as const)}
        />
        <Segmented<Theme> label="Theme" name="theme" value={theme} onChange={setTheme} options={[["light", "Light"], ["dark", "Dark"]]} />
        <Segmented<WidgetMode> label="Mode" name="mode" value={mode} onChange={setMode} options={[["strict", "strict"], ["isolate", "isolate"]]} />
      </div>

      {connection.state === "unverified" && (
        <p className="pv-banner" data-tone="error" data-testid="connection-problem">
          {connection.reason}
        </p>
      )}
      {share && (
        <div className="pv-banner" data-tone={share.tone} data-testid="share-status">
          <p aria-live="polite">{share.message}</p>
          <button type="button" className="pv-button" onClick={() => setShare(null)}>
            Dismiss
          </button>
          {share.link && (
            <label className="pv-share-field">
              <span>Share link</span>
              <input readOnly value={share.link} onFocus={(event) => event.target.select()} data-testid="share-link" />
            </label>
          )}
        </div>
      )}

      <main className="pv-layout">
        {!editorOpen ? (
          <section className="pv-pane pv-rail" aria-label="Payload (hidden)">
            <button type="button" className="pv-button" aria-expanded="false" onClick={() => setEditorOpen(true)}>
              Show payload
            </button>
            <span className="pv-rail-count" data-errors={analysis.kind === "syntax" ? 1 : analysis.kind === "parsed" ? analysis.errors : 0}>
              {analysis.kind === "syntax" ? "Invalid JSON" : analysis.kind === "parsed" ? `${plural(analysis.errors, "error")}, ${plural(analysis.warnings, "warning")}` : ""}
            </span>
          </section>
        ) : (
        <section className="pv-pane pv-payload" aria-labelledby="pv-payload-heading">
          <div className="pv-pane-head">
            <h2 id="pv-payload-heading" className="pv-pane-title">
              Payload
            </h2>
            <span className="pv-source" data-testid="payload-source" data-kind={source.kind} title={sourceLine}>
              {sourceLine}
            </span>
            <button type="button" className="pv-button" aria-expanded="true" onClick={() => setEditorOpen(false)}>
              Hide
            </button>
            <button
              type="button"
              className="pv-button"
              disabled={analysis.kind !== "parsed"}
              onClick={() => analysis.kind === "parsed" && setText(JSON.stringify(analysis.value, null, 2))}
            >
              Format
            </button>
            <button type="button" className="pv-button" disabled={!dirty} onClick={() => setText(source.text)}>
              Revert
            </button>
          </div>
          {pending && (
            <p className="pv-banner" data-tone="info" data-testid="pending-source">
              <span>
                {pending.kind === "file" ? `${config.target.label} changed on disk` : "The app sent a new answer"}
                {source.kind === "share" ? " (showing the shared payload)." : " (the editor has your edits)."}
              </span>
              <button type="button" className="pv-button" onClick={loadPending}>
                {pending.kind === "file" ? "Load the file" : "Load the answer"}
              </button>
            </p>
          )}
          {fileError && (
            <p className="pv-banner" data-tone="error" data-testid="file-problem">
              {fileError}
            </p>
          )}
          {fetchProblem && (
            <p className="pv-banner" data-tone="error" data-testid="fetch-problem">
              {fetchProblem}
            </p>
          )}
          <PayloadEditor text={text} onChange={setText} analysis={analysis} />

          <details className="pv-request">
            <summary>Request to the app</summary>
            {exchange && (
              <p className="pv-meta" data-testid="exchange">
                {exchange.status === null ? "no answer" : `HTTP ${exchange.status}`} · {exchange.durationMs} ms ·{" "}
                {exchange.signed ? "signed" : "unsigned"} · <span className="pv-url">{exchange.requestUrl}</span>
              </p>
            )}
            <form
              className="pv-request-form"
              aria-label="Request"
              onSubmit={(event) => {
                event.preventDefault();
                if (verified) void fetchData(context);
              }}
            >
              {CONTEXT_PARAMS.map((name) => (
                <label key={name} className="pv-field">
                  <span>{name}</span>
                  <input
                    name={name}
                    value={context[name]}
                    spellCheck={false}
                    onChange={(event) => setContext({ ...context, [name]: event.target.value })}
                  />
                </label>
              ))}
              <label className="pv-field pv-field-wide">
                <span>Custom headers (Name: value per line)</span>
                <textarea name="headers" rows={2} value={headerText} spellCheck={false} onChange={(event) => setHeaderText(event.target.value)} />
              </label>
              <label className="pv-check pv-field-wide">
                <input
                  type="checkbox"
                  checked={sign && config.canSign}
                  disabled={!config.canSign}
                  onChange={(event) => setSign(event.target.checked)}
                />
                <span>{config.canSign ? "Sign requests (X-Pylon-Signature)" : "Sign requests (start with --secret to sign)"}</span>
              </label>
              <button type="submit" className="pv-button pv-field-wide" disabled={!verified || fetching}>
                {fetching ? "Fetching…" : "Re-fetch"}
              </button>
            </form>
          </details>
        </section>
        )}

        {view === "issue" ? (
          <section className="pv-pane pv-stage" aria-labelledby="pv-stage-heading">
            <div className="pv-pane-head">
              <h2 id="pv-stage-heading" className="pv-pane-title">
                Issue view
              </h2>
              <span className="pv-muted">mock page · sidebar {width} px</span>
            </div>
            <IssueView context={context} appLabel={appLabel} width={width} theme={theme}>
              {widgetFor(theme, "issue")}
              {config.embed !== null && (
                // `--embed`: the iframe app as the host would show it, its variables read from the context.
                <EmbeddedApp
                  url={config.embed}
                  title="Embedded app (preview)"
                  theme={theme}
                  values={{
                    issue: { id: context.issue_id },
                    account: { id: context.account_id },
                    organization: { id: context.organization_id },
                    requester: { id: context.requester_id, email: context.requester_email },
                  }}
                />
              )}
            </IssueView>
          </section>
        ) : (
          <section className="pv-pane pv-stage" aria-labelledby="pv-stage-heading">
            <div className="pv-pane-head">
              <h2 id="pv-stage-heading" className="pv-pane-title">
                Matrix
              </h2>
              <span className="pv-muted">light and dark at each sidebar width and in the account notebook</span>
            </div>
            <WidgetMatrix render={(cellTheme, cellWidth) => widgetFor(cellTheme, `${cellTheme}-${cellWidth}`)} />
          </section>
        )}
      </main>
    </div>
  );
}

interface SegmentedProps<T extends string | number> {
  label: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: ReadonlyArray<readonly [T, string]>;
  disabled?: boolean;
}

/** Radio buttons drawn as a segmented control: arrow keys move within it, Tab moves past it. */
function Segmented<T extends string | number>({ label, name, value, onChange, options, disabled }: SegmentedProps<T>) {
  return (
    <fieldset className="pv-segmented" disabled={disabled}>
      <legend className="pv-segmented-legend">{label}</legend>
      <div className="pv-segments">
        {options.map(([option, text]) => (
          <label key={String(option)} className="pv-segment">
            <input type="radio" name={name} value={String(option)} checked={value === option} onChange={() => onChange(option)} />
            <span>{text}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
