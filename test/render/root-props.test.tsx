// What React developers expect of a component (issue 12.8): id, data-*, aria-* and a ref reach
// the root element; CustomApp's loading and error states can be the host's own.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it } from "vitest";
import { Widget } from "../../src/index.js";
import { ConnectionPanel, CustomApp } from "../../src/host/index.js";
import { answer, testServers } from "../host/http-test-server.js";

// Each server is closed after the test that started it.
const serve = testServers();
const payload = { version: "1.0.0", header: { title: "Account" }, components: [{ type: "text", label: "Plan", value: "Pro" }] };

describe("<Widget> root", () => {
  it("forwards id, data-*, aria-* and a ref to the <section>", () => {
    const ref = createRef<HTMLElement>();
    render(<Widget payload={payload} id="acct" data-testid="account" data-empty="" aria-describedby="help" ref={ref} />);
    const root = screen.getByTestId("account");
    expect(root).toBe(ref.current);
    expect(root.tagName).toBe("SECTION");
    expect(root).toHaveAttribute("data-sidecard", "widget");
    expect(root).toHaveAttribute("id", "acct");
    expect(root).toHaveAttribute("data-empty", "");
    expect(root).toHaveAttribute("aria-describedby", "help");
  });

  it("lets an explicit aria-label win over the header title, and drops what is not an attribute to forward", () => {
    // Untyped code (plain JS, `as any`) may pass anything; only id/data-*/aria-* reach the DOM.
    const stray = { style: { color: "red" }, onClick: () => {}, dangerouslySetInnerHTML: { __html: "<b>x</b>" }, "aria-label": "Account summary" } as object;
    render(<Widget payload={payload} data-testid="w" {...stray} />);
    const root = screen.getByTestId("w");
    expect(root).toHaveAttribute("aria-label", "Account summary");
    expect(root).not.toHaveAttribute("style");
    expect(root.querySelector("b")).toBeNull();
  });

  it("keeps the ref and attributes on the error state's root", () => {
    const ref = createRef<HTMLElement>();
    render(<Widget payload="nonsense" data-testid="bad" ref={ref} />);
    expect(screen.getByTestId("bad")).toBe(ref.current);
    expect(ref.current?.querySelector('[data-sidecard-state="error"]')).not.toBeNull();
  });
});

describe("<CustomApp> root and slots", () => {
  it("forwards id, data-* and a ref to its own root in every state (not to the inner widget)", async () => {
    let release: (() => void) | undefined;
    const s = await serve((_req, res) => {
      release = () => answer(res, 200, "application/json", JSON.stringify(payload));
    });
    const ref = createRef<HTMLDivElement>();
    render(<CustomApp url={s.url()} context={{ issue_id: "1" }} id="app" data-testid="app" ref={ref} />);
    await s.nextRequest();
    expect(screen.getByTestId("app")).toHaveAttribute("data-sidecard-state", "loading");
    expect(ref.current).toBe(screen.getByTestId("app"));
    release!();
    await waitFor(() => expect(screen.getByTestId("app")).toHaveAttribute("data-sidecard-state", "ready"));
    expect(ref.current).toHaveAttribute("id", "app");
    expect(ref.current?.querySelector('[data-sidecard="widget"]')).not.toHaveAttribute("id");
    expect(document.querySelectorAll('[data-testid="app"]')).toHaveLength(1);
  });

  it("renders the host's loading and error states, and the error slot's retry fetches again", async () => {
    let healthy = false;
    let release: (() => void) | undefined;
    const s = await serve((_req, res) => {
      release = () => (healthy ? answer(res, 200, "application/json", JSON.stringify(payload)) : answer(res, 503, "text/plain", "down"));
    });
    render(
      <CustomApp
        url={s.url()}
        context={{ issue_id: "1" }}
        retry={false}
        data-testid="app"
        renderLoading={() => <p className="my-spinner">Wird geladen</p>}
        renderError={({ error, retry }) => (
          <div className="my-alert">
            <span>{error.kind}</span>
            <button onClick={retry}>Try again</button>
          </div>
        )}
      />,
    );
    await s.nextRequest();
    expect(screen.getByTestId("app")).toHaveAttribute("aria-busy", "true");
    expect(screen.getByTestId("app").querySelector(".my-spinner")).not.toBeNull();
    expect(document.querySelector(".sc-skeleton")).toBeNull();
    release!();
    await waitFor(() => expect(document.querySelector(".my-alert")).not.toBeNull());
    expect(screen.getByTestId("app")).toHaveAttribute("data-sidecard-state", "error");
    expect(document.querySelector(".my-alert")).toHaveTextContent("http");
    expect(document.querySelector(".sc-custom-app-error")).toBeNull();

    healthy = true;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await s.nextRequest();
    release!();
    await waitFor(() => expect(screen.getByTestId("app")).toHaveAttribute("data-sidecard-state", "ready"));
    expect(screen.getByText("Pro")).toBeInTheDocument();
  });
});

it("<ConnectionPanel> forwards id, data-* and a ref", async () => {
  const s = await serve((_req, res) => answer(res, 404, "text/plain", "no"));
  const ref = createRef<HTMLDivElement>();
  render(<ConnectionPanel url={s.url()} id="conn" data-testid="conn" aria-describedby="x" ref={ref} />);
  expect(screen.getByTestId("conn")).toBe(ref.current);
  expect(ref.current).toHaveAttribute("data-sidecard", "connection");
  expect(ref.current).toHaveAttribute("id", "conn");
  await waitFor(() => expect(ref.current).toHaveAttribute("data-sidecard-state", "unverified"));
});
