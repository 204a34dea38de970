import { useCallback, useEffect, useRef, useState } from "react";
import { Widget, type WidgetMode } from "../../render/widget.js";
import { CONTEXT_PARAMS } from "../../protocol/params.js";
import type { PreviewConfig, PreviewContext, PreviewFetchResult, PreviewVerifyResult } from "../preview/protocol.js";
import { analyzeExchange, type ExchangeView } from "./analyze-exchange.js";
import { fetchAppData, loadConfig, verifyApp } from "./preview-api.js";

const WIDTHS = [280, 360, 420] as const;
type Width = (typeof WIDTHS)[number];
type Theme = "light" | "dark";
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

/** "Name: value" lines → headers. */
function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function PreviewApp() {
  const [config, setConfig] = useState<PreviewConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [context, setContext] = useState<PreviewContext | null>(null);
  const [headerText, setHeaderText] = useState("");
  const [sign, setSign] = useState(true);
  const [connection, setConnection] = useState<Connection>({ state: "verifying" });
  const [exchange, setExchange] = useState<PreviewFetchResult | null>(null);
  const [view, setView] = useState<ExchangeView | null>(null);
  const [fetching, setFetching] = useState(false);
  const [width, setWidth] = useState<Width>(360);
  const [theme, setTheme] = useState<Theme>("light");
  const [mode, setMode] = useState<WidgetMode>("strict");
  const latestFetch = useRef(0);

  const request = useCallback(() => ({ sign, headers: parseHeaderLines(headerText) }), [sign, headerText]);

  const fetchData = useCallback(
    async (ctx: PreviewContext) => {
      const id = ++latestFetch.current;
      setFetching(true);
      try {
        const result = await fetchAppData({ ...request(), context: ctx });
        if (id !== latestFetch.current) return; // a newer fetch was started: never show a stale answer
        setExchange(result);
        setView(analyzeExchange(result));
      } catch (error) {
        if (id !== latestFetch.current) return;
        setExchange(null);
        setView({ payload: null, problem: (error as Error).message, diagnostics: [], raw: "" });
      } finally {
        if (id === latestFetch.current) setFetching(false);
      }
    },
    [request],
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

  if (configError) return <p role="alert">The preview could not start: {configError}</p>;
  if (!config || !context) return <p>Loading…</p>;

  const verified = connection.state === "verified";
  const errors = view?.diagnostics.filter((d) => d.severity === "error").length ?? 0;
  const warnings = (view?.diagnostics.length ?? 0) - errors;

  return (
    <div className="pv-page" data-theme={theme}>
      <header className="pv-topbar">
        <h1>sidecard preview</h1>
        <span className="pv-target" title={config.target.url}>
          {config.target.label}
        </span>
        <span className="pv-status" data-testid="connection-status" data-state={connection.state} role="status">
          {CONNECTION_LABEL[connection.state]}
        </span>
        {connection.state === "unverified" || connection.state === "disconnected" ? (
          <button type="button" onClick={() => void connect(context)}>
            Retry connection
          </button>
        ) : (
          <button type="button" disabled={!verified} onClick={() => setConnection({ state: "disconnected" })}>
            Disconnect
          </button>
        )}
      </header>
      {connection.state === "unverified" && (
        <p className="pv-problem" data-testid="connection-problem">
          {connection.reason}
        </p>
      )}

      <main className="pv-layout">
        <form
          className="pv-panel pv-controls"
          aria-label="Request"
          onSubmit={(event) => {
            event.preventDefault();
            if (verified) void fetchData(context);
          }}
        >
          <h2>Context</h2>
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
          <label className="pv-field">
            <span>Custom headers (Name: value per line)</span>
            <textarea name="headers" rows={2} value={headerText} spellCheck={false} onChange={(event) => setHeaderText(event.target.value)} />
          </label>
          <label className="pv-check">
            <input type="checkbox" checked={sign && config.canSign} disabled={!config.canSign} onChange={(event) => setSign(event.target.checked)} />
            <span>{config.canSign ? "Sign requests (X-Pylon-Signature)" : "Sign requests (start with --secret to sign)"}</span>
          </label>
          <button type="submit" disabled={!verified || fetching}>
            {fetching ? "Fetching…" : "Re-fetch"}
          </button>

          <h2>Sidebar</h2>
          <fieldset className="pv-choices">
            <legend>Width</legend>
            {WIDTHS.map((w) => (
              <label key={w}>
                <input type="radio" name="width" value={w} checked={width === w} onChange={() => setWidth(w)} />
                {w} px
              </label>
            ))}
          </fieldset>
          <fieldset className="pv-choices">
            <legend>Theme</legend>
            {(["light", "dark"] as const).map((t) => (
              <label key={t}>
                <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
                {t === "light" ? "Light" : "Dark"}
              </label>
            ))}
          </fieldset>
          <fieldset className="pv-choices">
            <legend>Mode</legend>
            {(["strict", "isolate"] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {m}
              </label>
            ))}
          </fieldset>
        </form>

        <section className="pv-stage" aria-label="Sidebar preview">
          <div className="pv-sidebar" data-testid="sidebar" data-width={width} data-theme={theme}>
            {!verified ? (
              <p className="pv-placeholder">The widget appears once the app is verified.</p>
            ) : view?.payload ? (
              <Widget payload={view.payload.value} theme={theme} mode={mode} />
            ) : view?.problem ? (
              <p className="pv-placeholder">{view.problem}</p>
            ) : (
              <p className="pv-placeholder">Loading…</p>
            )}
          </div>
          {exchange && (
            <p className="pv-meta" data-testid="exchange">
              {exchange.status === null ? "no answer" : `HTTP ${exchange.status}`} · {exchange.durationMs} ms ·{" "}
              {exchange.signed ? "signed" : "unsigned"} · <span className="pv-url">{exchange.requestUrl}</span>
            </p>
          )}
        </section>

        <section className="pv-panel pv-output" aria-label="Answer">
          <h2>
            Diagnostics{" "}
            <span className="pv-count" data-testid="diagnostic-count">
              {errors} error{errors === 1 ? "" : "s"}, {warnings} warning{warnings === 1 ? "" : "s"}
            </span>
          </h2>
          {view?.problem && (
            <p className="pv-problem" data-testid="fetch-problem">
              {view.problem}
            </p>
          )}
          {view && view.diagnostics.length > 0 ? (
            <ul className="pv-diagnostics" data-testid="diagnostics">
              {view.diagnostics.map((d, index) => (
                <li key={index} data-severity={d.severity}>
                  <span className="pv-severity">{d.severity}</span> <code>{d.path === "" ? "(root)" : d.path}</code> {d.message}{" "}
                  <span className="pv-code">[{d.code}]</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="pv-muted">{view ? "No diagnostics." : "Nothing fetched yet."}</p>
          )}
          <h2>Raw JSON</h2>
          <pre className="pv-raw" data-testid="raw-json">
            {view?.raw ?? ""}
          </pre>
        </section>
      </main>
    </div>
  );
}
