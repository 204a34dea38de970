// jsdom (the default environment) with Node's own fetch: every request below goes over a real
// socket to a node:http server started by the test.
import { act, fireEvent, render, renderHook, screen, waitFor, within } from "@testing-library/react";
import type { ServerResponse } from "node:http";
import { StrictMode, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { CustomApp, useCustomApp, type CustomAppRequestContext, type FetchFunction } from "../../src/host/index.js";
import { sharedRequestCount } from "../../src/host/shared-requests.js";
import { verifySignature } from "../../src/protocol/signature.js";
import { answer, testServers, type SeenRequest, type TestHandler } from "./http-test-server.js";

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

const widgetSaying = (value: string) =>
  JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value }] });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

const appRoot = () => document.querySelector('[data-sidecard="custom-app"]');

describe("<CustomApp>", () => {
  it("shows a busy skeleton, then the widget", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} />);

    const skeleton = appRoot();
    expect(skeleton).toHaveAttribute("data-sidecard-state", "loading");
    expect(skeleton).toHaveAttribute("aria-busy", "true");
    expect(skeleton).toHaveTextContent("Loading the app…");
    expect(skeleton!.getAttribute("style")).toBeNull();

    await until(1);
    answer(held[0].res, 200, "application/json", widgetSaying("Enterprise"));
    expect(await screen.findByText("Enterprise")).toBeInTheDocument();
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "ready");
    expect(appRoot()).not.toHaveAttribute("aria-busy");
    expect(document.querySelector('[data-sidecard="widget"]')).toBeInTheDocument();
    expect(document.querySelector("[style]")).toBeNull();
  });

  it("sends the context, the custom headers and a signature the app can check", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("ok")));
    render(<CustomApp url={s.url("/app")} context={contextFor("iss_7")} headers={{ "X-Api-Key": "k-1" }} secret="shh" />);
    await screen.findByText("ok");

    const seen = s.requests[0];
    expect(seen.url.searchParams.get("request_type")).toBe("fetch_data");
    expect(seen.url.searchParams.get("issue_id")).toBe("iss_7");
    expect(seen.headers["x-api-key"]).toBe("k-1");
    expect(await verifySignature(seen.rawQuery, String(seen.headers["x-pylon-signature"]), "shh")).toBe(true);
  });

  it("shows what failed with a Retry button, and Retry fetches again", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) answer(res, 502, "text/html", "<h1>Bad gateway</h1>");
      else answer(res, 200, "application/json", widgetSaying("Back again"));
    });
    // One try, so the 502 is shown (retries are tested in custom-app-cache-retry.test.tsx).
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} retry={false} />);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-sidecard-state", "error");
    expect(alert).toHaveAttribute("data-error-kind", "http");
    expect(alert).toHaveTextContent("The app answered with an error.");
    expect(alert).toHaveTextContent("The app answered HTTP 502 Bad Gateway; expected 200 with the widget JSON.");

    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Back again")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(s.requests).toHaveLength(2);
  });

  it("shows the timeout as the failure when the app never answers", async () => {
    const s = await serve(() => {});
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} timeoutMs={200} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-kind", "timeout");
    expect(alert).toHaveTextContent("The app did not answer within 200 ms.");
  });

  it("never lets a slow answer for the previous issue replace the current one", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("iss_A")} />);
    await until(1);

    rerender(<CustomApp url={s.url()} context={contextFor("iss_B")} />);
    // The new issue starts from a skeleton, never from the old issue's data.
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    await until(2);
    const [first, second] = held;
    expect(first.seen.url.searchParams.get("issue_id")).toBe("iss_A");
    expect(second.seen.url.searchParams.get("issue_id")).toBe("iss_B");

    answer(second.res, 200, "application/json", widgetSaying("Answer for B"));
    expect(await screen.findByText("Answer for B")).toBeInTheDocument();

    // The request for A was aborted when the issue changed: its connection is gone.
    await first.seen.closed;
    if (!first.res.destroyed) answer(first.res, 200, "application/json", widgetSaying("Answer for A"));
    await act(() => sleep(100));
    expect(screen.queryByText("Answer for A")).toBeNull();
    expect(screen.getByText("Answer for B")).toBeInTheDocument();
  });

  it("drops a late answer from an older refresh (useCustomApp)", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const { result } = renderHook(() => useCustomApp({ url: s.url(), context: contextFor("iss_1") }));
    await until(1);
    answer(held[0].res, 200, "application/json", widgetSaying("v1"));
    await waitFor(() => expect(result.current.status).toBe("success"));

    act(() => result.current.refresh());
    await until(2);
    // A second refresh supersedes the first: its answer is the one that counts.
    act(() => result.current.refresh());
    await until(3);
    answer(held[2].res, 200, "application/json", widgetSaying("v3"));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.data?.result.payload?.components[0]).toMatchObject({ value: "v3" });

    await held[1].seen.closed;
    if (!held[1].res.destroyed) answer(held[1].res, 200, "application/json", widgetSaying("v2"));
    await act(() => sleep(100));
    expect(result.current.data?.result.payload?.components[0]).toMatchObject({ value: "v3" });
    expect(result.current.isStale).toBe(false);
  });

  it("aborts the request when unmounted: the app sees the connection close", async () => {
    const s = await serve(() => {});
    const { unmount } = render(<CustomApp url={s.url()} context={contextFor("iss_1")} />);
    const seen = await s.nextRequest();
    unmount();
    await seen.closed;
    expect(sharedRequestCount()).toBe(0);
  });

  it("shares one HTTP request between identical concurrent consumers", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const url = s.url();
    render(
      <>
        <CustomApp url={url} context={contextFor("iss_1")} headers={{ "X-Key": "1" }} />
        <CustomApp url={url} context={contextFor("iss_1")} headers={{ "x-key": "1" }} />
      </>,
    );
    await until(1);
    await act(() => sleep(50));
    expect(held).toHaveLength(1);
    answer(held[0].res, 200, "application/json", widgetSaying("Shared"));
    await waitFor(() => expect(screen.getAllByText("Shared")).toHaveLength(2));
    expect(s.requests).toHaveLength(1);
  });

  it("keeps a shared request alive while another consumer still needs it", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    const url = s.url();
    const { rerender } = render(
      <>
        <CustomApp key="a" url={url} context={contextFor("iss_1")} />
        <CustomApp key="b" url={url} context={contextFor("iss_1")} />
      </>,
    );
    await until(1);
    rerender(<CustomApp key="b" url={url} context={contextFor("iss_1")} />);
    await act(() => sleep(50));
    expect(held[0].seen.closedAt).toBeNull();
    answer(held[0].res, 200, "application/json", widgetSaying("Still wanted"));
    expect(await screen.findByText("Still wanted")).toBeInTheDocument();
    expect(s.requests).toHaveLength(1);
  });

  it("does not share requests for different issues", async () => {
    const s = await serve((req, res) =>
      answer(res, 200, "application/json", widgetSaying(new URL(req.url!, "http://x").searchParams.get("issue_id")!)),
    );
    render(
      <>
        <CustomApp url={s.url()} context={contextFor("iss_1")} />
        <CustomApp url={s.url()} context={contextFor("iss_2")} />
      </>,
    );
    expect(await screen.findByText("iss_1")).toBeInTheDocument();
    expect(await screen.findByText("iss_2")).toBeInTheDocument();
    expect(s.requests).toHaveLength(2);
  });

  it("keeps the last good widget visible, marked stale, while refreshing", async () => {
    const { handler, held, until } = heldAnswers();
    const s = await serve(handler);
    // The refresh's own region in the header's actions (the widget has another, for copy outcomes).
    const refreshStatus = () => within(document.querySelector<HTMLElement>(".sc-header-actions")!).getByRole("status");
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} />);
    await until(1);
    answer(held[0].res, 200, "application/json", widgetSaying("v1"));
    await screen.findByText("v1");
    expect(appRoot()).not.toHaveAttribute("data-sidecard-stale");
    expect(refreshStatus()).toHaveTextContent("");

    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await until(2);
    expect(screen.getByText("v1")).toBeInTheDocument();
    expect(appRoot()).toHaveAttribute("data-sidecard-stale");
    expect(appRoot()).toHaveAttribute("aria-busy", "true");
    expect(refreshStatus()).toHaveTextContent("Refreshing…");
    expect(screen.getByRole("button", { name: "Refresh" })).toBeDisabled();

    answer(held[1].res, 200, "application/json", widgetSaying("v2"));
    expect(await screen.findByText("v2")).toBeInTheDocument();
    expect(screen.queryByText("v1")).toBeNull();
    expect(appRoot()).not.toHaveAttribute("data-sidecard-stale");
    expect(refreshStatus()).toHaveTextContent("");
  });

  it("keeps the last good widget after a failed refresh and says the refresh failed", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) answer(res, 200, "application/json", widgetSaying("v1"));
      else answer(res, 503, "application/json", '{"error":"maintenance"}');
    });
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} retry={false} />);
    await screen.findByText("v1");
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent('Could not refresh; showing the last answer. The app answered HTTP 503 Service Unavailable; expected 200 with the widget JSON. It said: "maintenance".');
    expect(screen.getByText("v1")).toBeInTheDocument();
    expect(appRoot()).toHaveAttribute("data-sidecard-stale");
  });

  it("refetches on refreshInterval", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      answer(res, 200, "application/json", widgetSaying(`call ${calls}`));
    });
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} refreshInterval={80} />);
    await screen.findByText("call 1");
    expect(await screen.findByText("call 3", {}, { timeout: 2000 })).toBeInTheDocument();
  });

  it.each([Infinity, 2 ** 31, 3_000_000_000])("never polls in a loop for refreshInterval=%s (past what timers can wait)", async (refreshInterval) => {
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("once")));
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} refreshInterval={refreshInterval} />);
    await screen.findByText("once");
    await act(() => sleep(150));
    expect(s.requests).toHaveLength(1);
    // Infinity is never; a finite interval past 2^31 − 1 ms waits that long.
    const delays = setIntervalSpy.mock.calls.map(([, delay]) => delay);
    setIntervalSpy.mockRestore();
    expect(delays.filter((delay) => delay !== undefined && delay > 2 ** 31 - 1)).toEqual([]);
    if (Number.isFinite(refreshInterval)) expect(delays).toContain(2 ** 31 - 1);
  });

  it("starts nothing when refresh() is called after unmounting", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("v1")));
    const { result, unmount } = renderHook(() => useCustomApp({ url: s.url(), context: contextFor("iss_1") }));
    await waitFor(() => expect(result.current.status).toBe("success"));
    const { refresh } = result.current;
    unmount();
    refresh(); // a Retry handler or a timer that outlived the component
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(1);
    expect(sharedRequestCount()).toBe(0);
  });

  it("keeps showing the widget when the parent re-renders with a fetch defined in render", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("Pro")));
    let bump = () => {};
    function Sidebar() {
      const [ticks, setTicks] = useState(0);
      bump = () => setTicks((n) => n + 1);
      return (
        <div data-ticks={ticks}>
          <CustomApp url={s.url()} context={contextFor("iss_1")} fetch={(url, init) => fetch(url, init)} />
        </div>
      );
    }
    render(<Sidebar />);
    await screen.findByText("Pro");
    for (let i = 0; i < 3; i++) {
      act(() => bump());
      expect(appRoot()).toHaveAttribute("data-sidecard-state", "ready");
      expect(appRoot()).not.toHaveAttribute("aria-busy");
    }
    await act(() => sleep(100));
    expect(s.requests).toHaveLength(1);
  });

  it("uses the fetch of the latest render when a request starts", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("Pro")));
    const first = vi.fn<FetchFunction>((url, init) => fetch(url, init));
    const second = vi.fn<FetchFunction>((url, init) => fetch(url, init));
    const { rerender } = render(<CustomApp url={s.url()} context={contextFor("iss_1")} fetch={first} />);
    await screen.findByText("Pro");
    rerender(<CustomApp url={s.url()} context={contextFor("iss_1")} fetch={second} />);
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).toHaveBeenCalledTimes(1);
  });

  it("sends nothing while disabled", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("on")));
    const { rerender, container } = render(<CustomApp url={s.url()} context={contextFor("iss_1")} enabled={false} />);
    await act(() => sleep(50));
    expect(s.requests).toHaveLength(0);
    expect(container).toBeEmptyDOMElement();
    rerender(<CustomApp url={s.url()} context={contextFor("iss_1")} enabled />);
    expect(await screen.findByText("on")).toBeInTheDocument();
  });

  it("passes <Widget> props through", async () => {
    const s = await serve((_req, res) =>
      answer(
        res,
        200,
        "application/json",
        JSON.stringify({
          version: "1.0.0",
          header: { title: "CRM" },
          components: [
            { type: "text", label: "Plan", value: "Pro" },
            { type: "link", label: "Bad", url: "javascript:alert(1)" },
          ],
        }),
      ),
    );
    render(<CustomApp url={s.url()} context={contextFor("iss_1")} mode="isolate" theme="dark" className="my-widget" />);
    expect(await screen.findByText("Pro")).toBeInTheDocument();
    const widget = document.querySelector('[data-sidecard="widget"]')!;
    expect(widget).toHaveAttribute("data-theme", "dark");
    expect(widget).toHaveClass("my-widget");
    expect(widget.querySelector('[data-sidecard-invalid="link"]')).toBeInTheDocument();
  });

  it("works under StrictMode: one answer shown, no request left in flight", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("strict")));
    render(
      <StrictMode>
        <CustomApp url={s.url()} context={contextFor("iss_1")} />
      </StrictMode>,
    );
    expect(await screen.findByText("strict")).toBeInTheDocument();
    expect(sharedRequestCount()).toBe(0);
  });

  it("under StrictMode, calls the host's fetch once, never with a signal already aborted", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("strict")));
    const abortedAtCall: boolean[] = [];
    const viaBackend: FetchFunction = (url, init) => {
      abortedAtCall.push(init.signal?.aborted ?? false);
      return fetch(url, init);
    };
    const consoleError = vi.spyOn(console, "error");
    render(
      <StrictMode>
        <CustomApp url={s.url()} context={contextFor("iss_1")} fetch={viaBackend} />
      </StrictMode>,
    );
    expect(await screen.findByText("strict")).toBeInTheDocument();
    expect(abortedAtCall).toEqual([false]);
    expect(s.requests).toHaveLength(1);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe("<CustomApp> on the server", () => {
  it("renders the loading skeleton to HTML without sending a request", async () => {
    const { renderToString } = await import("react-dom/server");
    const s = await serve((_req, res) => answer(res, 200, "application/json", widgetSaying("x")));
    const html = renderToString(<CustomApp url={s.url()} context={contextFor("iss_1")} />);
    expect(html).toContain('data-sidecard-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain("style=");
    await sleep(50);
    expect(s.requests).toHaveLength(0);
  });
});
