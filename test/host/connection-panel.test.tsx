// jsdom with Node's fetch against a real node:http server, like custom-app.test.tsx.
import { act, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { ConnectionPanel, useEndpointVerification } from "../../src/host/index.js";
import type { VerificationResult } from "../../src/host/verify-endpoint.js";
import { answer, testServers } from "./http-test-server.js";

const serve = testServers();

const codeOf = (url: string | undefined) => new URL(url ?? "/", "http://x").searchParams.get("code") ?? "";
const panel = () => document.querySelector('[data-sidecard="connection"]');

describe("<ConnectionPanel>", () => {
  it("shows Checking while the handshake runs, then Verified", async () => {
    let release: (() => void) | undefined;
    const s = await serve((req, res) => {
      release = () => answer(res, 200, "application/json", JSON.stringify({ code: codeOf(req.url) }));
    });
    const onResult = vi.fn();
    render(<ConnectionPanel url={s.url()} onResult={onResult} />);

    expect(panel()).toHaveAttribute("data-sidecard-state", "checking");
    expect(panel()).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Checking connection…");
    expect(screen.getByRole("button", { name: "Retry connection" })).toBeDisabled();

    await s.nextRequest();
    release!();
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "verified"));
    expect(screen.getByRole("status")).toHaveTextContent("Verified");
    expect(panel()).not.toHaveAttribute("aria-busy");
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ status: "verified" }));
  });

  it("shows Unverified with the reason, and Retry connection runs a new handshake", async () => {
    let healthy = false;
    const s = await serve((req, res) => {
      if (healthy) answer(res, 200, "text/plain", codeOf(req.url));
      else answer(res, 404, "text/plain", "no such app");
    });
    render(<ConnectionPanel url={s.url("/app")} headers={{ "X-Api-Key": "k" }} />);

    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "unverified"));
    expect(screen.getByRole("status")).toHaveTextContent("Unverified");
    expect(panel()).toHaveTextContent("The app answered HTTP 404 Not Found; expected 200 with the code");

    healthy = true;
    fireEvent.click(screen.getByRole("button", { name: "Retry connection" }));
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "verified"));
    expect(panel()).not.toHaveTextContent("404");
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0].url.searchParams.get("code")).not.toBe(s.requests[1].url.searchParams.get("code"));
    expect(s.requests[1].headers["x-api-key"]).toBe("k");
  });

  it("Disconnect drops the connection until Connect runs a fresh handshake", async () => {
    const s = await serve((req, res) => answer(res, 200, "application/json", JSON.stringify({ code: codeOf(req.url) })));
    const onDisconnect = vi.fn();
    const { rerender } = render(<ConnectionPanel url={s.url()} onDisconnect={onDisconnect} />);
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "verified"));

    fireEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    expect(panel()).toHaveAttribute("data-sidecard-state", "disconnected");
    expect(screen.getByRole("status")).toHaveTextContent("Disconnected");
    expect(screen.queryByRole("button", { name: "Retry connection" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Disconnect" })).toBeNull();
    expect(onDisconnect).toHaveBeenCalledTimes(1);

    // Disconnected stays disconnected, even when the configuration changes: no handshake runs.
    rerender(<ConnectionPanel url={s.url("/other")} onDisconnect={onDisconnect} />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(s.requests).toHaveLength(1);
    expect(panel()).toHaveAttribute("data-sidecard-state", "disconnected");

    fireEvent.click(screen.getByRole("button", { name: "Connect" }));
    expect(panel()).toHaveAttribute("data-sidecard-state", "checking");
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "verified"));
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1].url.pathname).toBe("/other");
    expect(codeOf(s.requests[1].url.href)).not.toBe(codeOf(s.requests[0].url.href));
  });

  it("Disconnect during a handshake aborts it, and its late answer changes nothing", async () => {
    const held: ServerResponse[] = [];
    const s = await serve((_req, res) => void held.push(res));
    render(<ConnectionPanel url={s.url()} />);
    const seen = await s.nextRequest();
    fireEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    await seen.closed;
    expect(panel()).toHaveAttribute("data-sidecard-state", "disconnected");
  });

  it.each([
    ["wrong_code", (res: ServerResponse) => answer(res, 200, "application/json", '{"code":"nope"}')],
    ["wrong_content_type", (res: ServerResponse, code: string) => answer(res, 200, "text/html", code)],
    ["http", (res: ServerResponse, code: string) => answer(res, 503, "text/plain", code)],
    ["not_json", (res: ServerResponse) => answer(res, 200, "application/json", "{")],
  ] as const)("shows Unverified with failure %s and the reason", async (failure, respond) => {
    const s = await serve((req, res) => respond(res, codeOf(req.url)));
    const onResult = vi.fn<(result: VerificationResult) => void>();
    render(<ConnectionPanel url={s.url()} onResult={onResult} />);
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "unverified"));
    expect(panel()).toHaveAttribute("data-failure", failure);
    expect(onResult).toHaveBeenCalledWith(expect.objectContaining({ status: "unverified", failure, reason: expect.any(String) as string }));
    expect(panel()!.querySelector(".sc-connection-reason")!.textContent).toBe(onResult.mock.calls[0][0].reason);
  });

  it("starts no handshake when retry() or connect() is called after unmounting", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/plain", codeOf(req.url)));
    const { result, unmount } = renderHook(() => useEndpointVerification({ url: s.url() }));
    await waitFor(() => expect(result.current.status).toBe("verified"));
    const { retry, connect } = result.current;
    unmount();
    retry();
    connect();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(s.requests).toHaveLength(1);
  });

  it("aborts the handshake when unmounted", async () => {
    const held: ServerResponse[] = [];
    const s = await serve((_req, res) => void held.push(res));
    const { unmount } = render(<ConnectionPanel url={s.url()} />);
    const seen = await s.nextRequest();
    unmount();
    await seen.closed;
  });
});
