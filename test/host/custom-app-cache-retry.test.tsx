// A host that remembers: every request below goes over a real socket to a node:http server
// started by the test, which counts what it receives.
import { act, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ServerResponse } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { clearWidgetCache, CustomApp, useCustomApp, type CustomAppRequestContext } from "../../src/host/index.js";
import { requestKey } from "../../src/host/shared-requests.js";
import { cachedWidgetCount } from "../../src/host/widget-cache.js";
import { answer, testServers, type SeenRequest, type TestHandler } from "./http-test-server.js";

beforeEach(() => clearWidgetCache());
const serve = testServers();

const contextFor = (issue: string): CustomAppRequestContext => ({
  app_id: "app_1",
  widget_id: "w_1",
  issue_id: issue,
  organization_id: "org_1",
  account_id: "acc_1",
  requester_id: "usr_1",
  requester_email: "jane@example.com",
});

const widgetSaying = (value: string) => JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value }] });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const appRoot = () => document.querySelector('[data-sidecard="custom-app"]');
const FAST_RETRY = { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 };

/** Answers each issue's widget, saying the issue and how many times it was asked for. */
function perIssue() {
  const asked = new Map<string, number>();
  const handler: TestHandler = (_req, res, seen) => {
    const issue = seen.url.searchParams.get("issue_id") ?? "";
    const n = (asked.get(issue) ?? 0) + 1;
    asked.set(issue, n);
    answer(res, 200, "application/json", widgetSaying(`${issue} #${n}`));
  };
  return { handler, asked };
}

/** A handler whose answers the test releases one by one. */
function heldAnswers() {
  const held: Array<{ seen: SeenRequest; res: ServerResponse }> = [];
  const waiters: Array<() => void> = [];
  const handler: TestHandler = (_req, res, seen) => {
    held.push({ seen, res });
    waiters.splice(0).forEach((wake) => wake());
  };
  const until = async (count: number) => {
    while (held.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { handler, held, until };
}

describe("<CustomApp> cache", () => {
  it("switching A → B → A shows A's widget at once, marked stale, and asks the app again", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("A")} />);
    await until(1);
    answer(held[0].res, 200, "application/json", widgetSaying("A first"));
    await screen.findByText("A first");

    rerender(<CustomApp url={s.url()} context={contextFor("B")} />);
    // B was never seen: the skeleton, never A's data.
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(screen.queryByText("A first")).toBeNull();
    await until(2);
    answer(held[1].res, 200, "application/json", widgetSaying("B first"));
    await screen.findByText("B first");

    rerender(<CustomApp url={s.url()} context={contextFor("A")} />);
    // At once, in the same render: A's last answer, marked stale while the app is asked again.
    expect(screen.getByText("A first")).toBeInTheDocument();
    expect(appRoot()).toHaveAttribute("data-sidecard-stale");
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "ready");
    await until(3);
    expect(held[2].seen.url.searchParams.get("issue_id")).toBe("A");
    answer(held[2].res, 200, "application/json", widgetSaying("A second"));
    expect(await screen.findByText("A second")).toBeInTheDocument();
    expect(appRoot()).not.toHaveAttribute("data-sidecard-stale");
    expect(s.requests).toHaveLength(3);
  });

  it("finds the answer again after the component remounts (one cache for the page)", async () => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const first = render(<CustomApp url={s.url()} context={contextFor("A")} />);
    await screen.findByText("A #1");
    first.unmount();
    render(<CustomApp url={s.url()} context={contextFor("A")} />);
    expect(screen.getByText("A #1")).toBeInTheDocument();
    expect(await screen.findByText("A #2")).toBeInTheDocument();
  });

  it("refresh() bypasses the cache: it asks the app, and the new answer is what is cached", async () => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const first = render(<CustomApp url={s.url()} context={contextFor("A")} />);
    await screen.findByText("A #1");
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("A #2")).toBeInTheDocument();
    expect(s.requests).toHaveLength(2);
    first.unmount();
    render(<CustomApp url={s.url()} context={contextFor("A")} />);
    expect(screen.getByText("A #2")).toBeInTheDocument();
  });

  it("refresh() does not join a request already in flight for the same context", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const options = { url: s.url(), context: contextFor("A") };
    const first = renderHook(() => useCustomApp(options));
    const second = renderHook(() => useCustomApp(options));
    await until(1);
    // Both share the first request; a refresh asks anew instead of waiting on it.
    act(() => second.result.current.refresh());
    await until(2);
    answer(held[1].res, 200, "application/json", widgetSaying("fresh"));
    await waitFor(() => expect(second.result.current.status).toBe("success"));
    expect(first.result.current.status).toBe("loading");
    answer(held[0].res, 200, "application/json", widgetSaying("older"));
    await waitFor(() => expect(first.result.current.status).toBe("success"));
    expect(s.requests).toHaveLength(2);
  });

  it("shows nothing cached once the answer is older than cacheTtlMs", async () => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("A")} cacheTtlMs={60} />);
    await screen.findByText("A #1");
    rerender(<CustomApp url={s.url()} context={contextFor("B")} cacheTtlMs={60} />);
    await screen.findByText("B #1");
    await act(() => sleep(100));
    rerender(<CustomApp url={s.url()} context={contextFor("A")} cacheTtlMs={60} />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(await screen.findByText("A #2")).toBeInTheDocument();
  });

  it("keeps at most cacheSize answers, dropping the least recently used", async () => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const show = async (issue: string, rerender: (ui: React.ReactElement) => void) => {
      rerender(<CustomApp url={s.url()} context={contextFor(issue)} cacheSize={2} />);
      await waitFor(() => expect(appRoot()).not.toHaveAttribute("data-sidecard-stale"));
      await waitFor(() => expect(appRoot()).toHaveAttribute("data-sidecard-state", "ready"));
    };
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("A")} cacheSize={2} />);
    await screen.findByText("A #1");
    await show("B", rerender);
    await show("C", rerender);
    expect(cachedWidgetCount()).toBe(2);
    // A was the least recently used of A, B, C: gone.
    rerender(<CustomApp url={s.url()} context={contextFor("A")} cacheSize={2} />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    await screen.findByText("A #2");
    // C is still there.
    rerender(<CustomApp url={s.url()} context={contextFor("C")} cacheSize={2} />);
    expect(screen.getByText("C #1")).toBeInTheDocument();
  });

  it("keeps a valid widget's normalised payload only, without what the schema ignores", async () => {
    const big = JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro", extra: "x" }], ignored: Array(1000).fill({}) });
    const s = await serve((_req, res) => answer(res, 200, "application/json", big));
    const { result, rerender } = renderHook(({ issue }) => useCustomApp({ url: s.url(), context: contextFor(issue) }), { initialProps: { issue: "A" } });
    await waitFor(() => expect(result.current.status === "success" && !result.current.isFetching).toBe(true));
    expect(result.current.data!.payload).toMatchObject({ ignored: expect.any(Array) as unknown[] }); // the live answer is as sent
    rerender({ issue: "B" });
    await waitFor(() => expect(result.current.status === "success" && !result.current.isFetching).toBe(true));
    rerender({ issue: "A" });
    // From the cache, at once: the payload the widget renders, nothing more.
    expect(result.current.isStale).toBe(true);
    const cached = result.current.data!;
    expect(cached.payload).toBe(cached.result.payload);
    expect(cached.payload).toEqual({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro" }] });
  });

  it("does not cache an invalid widget, nor show the answer before it", async () => {
    let calls = 0;
    const s = await serve((_req, res, seen) => {
      calls++;
      const issue = seen.url.searchParams.get("issue_id");
      // A: valid, then invalid (no components); B: valid.
      answer(res, 200, "application/json", issue === "A" && calls > 1 ? '{"version":"1.0.0","header":{}}' : widgetSaying(`${issue} ${calls}`));
    });
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("A")} />);
    await screen.findByText("A 1");
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await screen.findByRole("alert"); // <Widget>'s error state for the invalid widget
    rerender(<CustomApp url={s.url()} context={contextFor("B")} />);
    await screen.findByText("B 3");
    rerender(<CustomApp url={s.url()} context={contextFor("A")} />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(screen.queryByText("A 1")).toBeNull();
  });

  it("cacheTtlMs={0} turns the cache off", async () => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("A")} cacheTtlMs={0} />);
    await screen.findByText("A #1");
    rerender(<CustomApp url={s.url()} context={contextFor("B")} cacheTtlMs={0} />);
    await screen.findByText("B #1");
    rerender(<CustomApp url={s.url()} context={contextFor("A")} cacheTtlMs={0} />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(cachedWidgetCount()).toBe(0);
  });

  it.each([
    ["the secret", { secret: "s3cret-one" }, { secret: "s3cret-two" }],
    ["a header value", { headers: { authorization: "Bearer one" } }, { headers: { authorization: "Bearer two" } }],
    ["the app URL", { path: "/app-one" }, { path: "/app-two" }],
  ])("caches nothing across a change of %s", async (_what, before: { secret?: string; headers?: Record<string, string>; path?: string }, after: typeof before) => {
    const { handler } = perIssue();
    const s = await serve(handler);
    const props = (p: typeof before) => ({ url: s.url(p.path ?? "/"), secret: p.secret, headers: p.headers, context: contextFor("A") });
    const { rerender } = render(<CustomApp {...props(before)} />);
    await screen.findByText("A #1");
    rerender(<CustomApp {...props(after)} />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(screen.queryByText("A #1")).toBeNull();
    await screen.findByText("A #2");
    // And back: the first set's answer is still its own.
    rerender(<CustomApp {...props(before)} />);
    expect(screen.getByText("A #1")).toBeInTheDocument();
  });

  it("shows every answer when more than 64 sidebars each have their own token", async () => {
    const s = await serve((_req, res, seen) => answer(res, 200, "application/json", widgetSaying(String(seen.headers["x-token"]))));
    const count = 70;
    render(
      <>
        {Array.from({ length: count }, (_, i) => (
          <CustomApp key={i} url={s.url()} context={contextFor(`iss_${i}`)} headers={{ "x-token": `tok-${i}` }} />
        ))}
      </>,
    );
    await waitFor(() => expect(document.querySelectorAll('[data-sidecard-state="ready"]')).toHaveLength(count), { timeout: 4000 });
    expect(screen.getByText("tok-0")).toBeInTheDocument();
    expect(screen.getByText(`tok-${count - 1}`)).toBeInTheDocument();
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(count);
  });

  it("delivers an answer in flight while 64 other credential sets are keyed elsewhere on the page", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const { result } = renderHook(() => useCustomApp({ url: s.url(), context: contextFor("A"), headers: { "x-token": "mine" } }));
    await until(1);
    for (let i = 0; i < 64; i++) requestKey({ url: "https://other.example/", context: contextFor("A"), headers: { "x-token": `other-${i}` } });
    answer(held[0].res, 200, "application/json", widgetSaying("mine"));
    await waitFor(() => expect(result.current.status).toBe("success"));
    expect(result.current.isFetching).toBe(false);
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(1);
  });

  it("never writes the secret or header values into a key", () => {
    const key = requestKey({ url: "https://app.example.com/", context: contextFor("A"), secret: "hunter2-secret", headers: { "x-api-key": "tok_live_123" } });
    expect(key).not.toContain("hunter2-secret");
    expect(key).not.toContain("tok_live_123");
    expect(key).toContain("x-api-key");
    const other = requestKey({ url: "https://app.example.com/", context: contextFor("A"), secret: "another", headers: { "x-api-key": "tok_live_123" } });
    expect(other).not.toBe(key);
  });
});

describe("<CustomApp> retries", () => {
  it("retries a 503, then shows the 200", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) answer(res, 503, "text/plain", "busy");
      else answer(res, 200, "application/json", widgetSaying("after 503"));
    });
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={FAST_RETRY} />);
    expect(await screen.findByText("after 503")).toBeInTheDocument();
    expect(s.requests).toHaveLength(2);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("retries when the connection fails (a network failure)", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) res.socket?.destroy();
      else answer(res, 200, "application/json", widgetSaying("reconnected"));
    });
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={FAST_RETRY} />);
    expect(await screen.findByText("reconnected")).toBeInTheDocument();
    expect(s.requests).toHaveLength(2);
  });

  it("waits as long as a 429's Retry-After: 1 says", async () => {
    const at: number[] = [];
    const s = await serve((_req, res) => {
      at.push(performance.now());
      if (at.length === 1) {
        res.writeHead(429, { "retry-after": "1", "content-type": "text/plain" });
        res.end("slow down");
      } else answer(res, 200, "application/json", widgetSaying("after 429"));
    });
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={FAST_RETRY} />);
    expect(await screen.findByText("after 429", {}, { timeout: 3000 })).toBeInTheDocument();
    expect(at).toHaveLength(2);
    // Without Retry-After the FAST_RETRY backoff would wait at most 10 ms.
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(950);
    expect(at[1] - at[0]).toBeLessThan(2000);
  });

  it("gives up at once when Retry-After asks for longer than the time budget", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": "120" });
      res.end();
    });
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={{ ...FAST_RETRY, maxElapsedMs: 2000 }} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The app asked to wait 120 s (Retry-After), longer than this host waits.");
    expect(s.requests).toHaveLength(1);
  });

  it("does not retry a 400", async () => {
    const s = await serve((_req, res) => answer(res, 400, "application/json", '{"error":"bad issue"}'));
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={FAST_RETRY} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-kind", "http");
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(1);
    expect(alert).not.toHaveTextContent("Tried");
  });

  it("stops after the given number of attempts and says how many were made", async () => {
    const s = await serve((_req, res) => answer(res, 502, "text/plain", "down"));
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={{ ...FAST_RETRY, attempts: 4 }} />);
    const alert = await screen.findByRole("alert", {}, { timeout: 3000 });
    expect(alert).toHaveTextContent("The app answered HTTP 502 Bad Gateway; expected 200 with the widget JSON.");
    expect(alert).toHaveTextContent("Tried 4 times.");
    await act(() => sleep(150));
    expect(s.requests).toHaveLength(4);
  });

  it("retries within the total time budget only", async () => {
    // Retry-After fixes each wait at 1 s: tries at 0, 1 and 2 s; a fourth would start past 2.5 s.
    const s = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": "1" });
      res.end();
    });
    const started = performance.now();
    render(<CustomApp url={s.url()} context={contextFor("A")} retry={{ attempts: 10, maxElapsedMs: 2500 }} />);
    const alert = await screen.findByRole("alert", {}, { timeout: 5000 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(alert).toHaveTextContent("Tried 3 times.");
    await act(() => sleep(200));
    expect(s.requests).toHaveLength(3);
  });

  it("stops retrying when unmounted during the backoff wait", async () => {
    const s = await serve((_req, res) => {
      res.writeHead(503, { "retry-after": "1" });
      res.end();
    });
    const { unmount } = render(<CustomApp url={s.url()} context={contextFor("A")} retry={FAST_RETRY} />);
    await waitFor(() => expect(s.requests).toHaveLength(1));
    unmount();
    await act(() => sleep(1300));
    expect(s.requests).toHaveLength(1);
  });

  it("does not retry a timeout", async () => {
    const s = await serve(() => {});
    render(<CustomApp url={s.url()} context={contextFor("A")} timeoutMs={100} retry={FAST_RETRY} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-kind", "timeout");
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(1);
  });
});
