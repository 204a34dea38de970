import { act, render, screen } from "@testing-library/react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { EmbeddedApp } from "../../src/host/index.js";
import { embedSandbox } from "../../src/embed/index.js";

const values = { issue: { id: "iss 42" }, account: { id: "acc_acme" } };
const frame = () => document.querySelector("iframe")!;

describe("<EmbeddedApp>", () => {
  it("renders a sandboxed, lazy, titled frame with the filled URL", () => {
    render(<EmbeddedApp url="https://app.example.com/issues/{{issue.id}}?a={{account.id}}" values={values} title="Billing for Acme" />);
    const iframe = screen.getByTitle("Billing for Acme");
    expect(iframe.tagName).toBe("IFRAME");
    expect(iframe).toHaveAttribute("src", "https://app.example.com/issues/iss%2042?a=acc_acme");
    expect(iframe).toHaveAttribute("sandbox", "allow-scripts allow-forms allow-popups");
    expect(iframe).toHaveAttribute("loading", "lazy");
    expect(iframe).toHaveAttribute("referrerpolicy", "no-referrer");
    expect(iframe).toHaveAttribute("allow", "");
    expect(iframe).toHaveAttribute("height", "400");
    expect(iframe).not.toHaveAttribute("style");
  });

  it.each([
    [50, "100"],
    [100, "100"],
    [640.4, "640"],
    [5000, "2000"],
    [Number.NaN, "400"],
  ])("clamps height %s to %s", (height, expected) => {
    render(<EmbeddedApp url="https://app.example.com/" values={{}} title="App" height={height} />);
    expect(frame()).toHaveAttribute("height", expected);
  });

  it("keeps only grantable sandbox tokens from the sandbox prop", () => {
    render(<EmbeddedApp url="https://app.example.com/" values={{}} title="App" sandbox={["allow-scripts", "allow-top-navigation", "allow-same-origin", "bogus"]} />);
    expect(frame()).toHaveAttribute("sandbox", "allow-scripts allow-same-origin");
  });

  it("never grants allow-same-origin beside allow-scripts for a URL on the page's own origin", () => {
    const own = `${window.location.origin}/embedded/{{issue.id}}`;
    render(<EmbeddedApp url={own} values={values} title="Own app" sandbox={["allow-scripts", "allow-same-origin"]} />);
    expect(frame().getAttribute("sandbox")).toBe("allow-scripts");
  });

  it("passes a requested allow and referrer policy through", () => {
    render(<EmbeddedApp url="https://app.example.com/" values={{}} title="App" allow="clipboard-write" referrerPolicy="strict-origin" />);
    expect(frame()).toHaveAttribute("allow", "clipboard-write");
    expect(frame()).toHaveAttribute("referrerpolicy", "strict-origin");
  });

  it("shows an error state listing the diagnostics when the URL is refused, and no frame", () => {
    render(<EmbeddedApp url="https://{{account.id}}.example.com/{{issue.nope}}" values={values} title="App" />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveAttribute("data-sidecard-state", "error");
    expect(alert).toHaveTextContent("its URL was refused");
    expect([...alert.querySelectorAll("li")].map((li) => li.getAttribute("data-code"))).toEqual(["variable_in_origin", "unknown_variable"]);
    expect(document.querySelector("iframe")).toBeNull();
  });

  it("refuses a javascript: template", () => {
    render(<EmbeddedApp url="javascript:alert(1)" values={{}} title="App" />);
    expect(screen.getByRole("alert")).toHaveTextContent("uses the scheme javascript:");
    expect(document.querySelector("iframe")).toBeNull();
  });

  it("grants scripts and same-origin together only for another origin, and never when the page's origin is unknown (server)", () => {
    expect(embedSandbox(["allow-scripts", "allow-same-origin"], "https://app.example.com/", "https://helpdesk.example.com")).toBe("allow-scripts allow-same-origin");
    expect(embedSandbox(["allow-scripts", "allow-same-origin"], "https://app.example.com/", null)).toBe("allow-scripts");
  });

  it("renders a frame, not a crash, for a value holding a lone surrogate", () => {
    render(<EmbeddedApp url="https://app.example.com/?n={{custom_fields.name}}" values={{ custom_fields: { name: "Zoë 😀".slice(0, 5) } }} title="App" />);
    expect(frame()).toHaveAttribute("src", "https://app.example.com/?n=Zo%C3%AB%20%EF%BF%BD");
  });

  it("hydrates server HTML without a mismatch, then grants scripts and same-origin to a cross-origin app in a new frame", () => {
    const ui = <EmbeddedApp url="https://app.example.com/issues/{{issue.id}}" values={values} title="App" sandbox={["allow-scripts", "allow-same-origin"]} />;
    vi.stubGlobal("window", undefined); // the server has none
    const html = renderToString(ui);
    vi.unstubAllGlobals();
    const container = document.body.appendChild(document.createElement("div"));
    container.innerHTML = html;
    const serverFrame = container.querySelector("iframe")!;
    expect(serverFrame).toHaveAttribute("sandbox", "allow-scripts");

    const problems: unknown[] = [];
    const consoleError = vi.spyOn(console, "error").mockImplementation((...args) => problems.push(args));
    let root!: Root;
    act(() => {
      root = hydrateRoot(container, ui, { onRecoverableError: (error) => problems.push(error) });
    });
    consoleError.mockRestore();
    expect(problems).toEqual([]);
    const clientFrame = container.querySelector("iframe")!;
    expect(clientFrame).toHaveAttribute("sandbox", "allow-scripts allow-same-origin");
    // The flags only apply to a navigation, so the frame that loaded with the server's set is replaced.
    expect(clientFrame).not.toBe(serverFrame);
    act(() => root.unmount());
    container.remove();
  });
});
