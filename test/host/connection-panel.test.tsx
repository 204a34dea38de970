// jsdom with Node's fetch against a real node:http server, like custom-app.test.tsx.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { ConnectionPanel } from "../../src/host/index.js";
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

  it("aborts the handshake when unmounted", async () => {
    const held: ServerResponse[] = [];
    const s = await serve((_req, res) => void held.push(res));
    const { unmount } = render(<ConnectionPanel url={s.url()} />);
    const seen = await s.nextRequest();
    unmount();
    await seen.closed;
  });
});
