import { render, screen } from "@testing-library/react";
import { StrictMode } from "react";
import { describe, expect, test, vi } from "vitest";
import { Widget, type Diagnostic, type WidgetComponents } from "../../src/index.js";

const payload = (components: unknown[]) => ({ version: "1.0.0", header: { title: "App" }, components });
const text = (label: string, value = "v") => ({ type: "text", label, value });

function errorState(container: HTMLElement) {
  return container.querySelector('[role="alert"][data-sidecard-state="error"]');
}

describe("strict mode (default)", () => {
  test("any error renders the error state instead of content, listing path and message", () => {
    const { container } = render(<Widget payload={payload([text("Kept"), { type: "chart" }])} />);
    const alert = errorState(container);
    expect(alert).not.toBeNull();
    expect(alert).toHaveTextContent("/components/1/type");
    expect(alert).toHaveTextContent('Unknown component type "chart"');
    expect(screen.queryByText("Kept")).toBeNull();
    expect(container.querySelector("[data-sidecard-component]")).toBeNull();
  });

  test("showDiagnostics={false} keeps the sentence and hides the list", () => {
    const { container } = render(<Widget payload={payload([{ type: "chart" }])} showDiagnostics={false} />);
    expect(errorState(container)).toHaveTextContent(/could not be shown/);
    expect(container.querySelector(".sc-diagnostic")).toBeNull();
  });

  test("warnings never block rendering", () => {
    const { container } = render(<Widget payload={{ components: [{ type: "badge", label: "B", items: [{ value: "x", color: "pink" }] }] }} />);
    expect(errorState(container)).toBeNull();
    expect(container.querySelector('[data-color="gray"]')).toHaveTextContent("x");
  });
});

describe("isolate mode", () => {
  test("each invalid component shows an inline error in its place and valid siblings render", () => {
    const { container } = render(
      <Widget
        mode="isolate"
        payload={payload([
          text("First"),
          { type: "chart" },
          { type: "card", components: [text("In card"), { type: "card", components: [] }, { type: "link", label: "Evil", url: "javascript:alert(1)" }] },
          text("Last"),
        ])}
      />,
    );
    expect(errorState(container)).toBeNull();
    expect(screen.getByText("First")).toBeInTheDocument();
    expect(screen.getByText("In card")).toBeInTheDocument();
    expect(screen.getByText("Last")).toBeInTheDocument();
    const inline = [...container.querySelectorAll("[data-sidecard-invalid]")].map((el) => [el.getAttribute("data-sidecard-invalid"), el.getAttribute("data-sidecard-path")]);
    expect(inline).toEqual([
      ["unknown", "/components/1"],
      ["card", "/components/2/components/1"],
      ["link", "/components/2/components/2"],
    ]);
    expect(container.querySelector("a")).toBeNull();
  });

  test("root-level errors still give the whole-widget error state", () => {
    for (const input of [42, { version: "2.0.0", header: {}, components: [] }, payload(Array.from({ length: 3 }, () => text("x")))]) {
      const { container, unmount } = render(<Widget mode="isolate" payload={input} limits={{ maxComponents: 2 }} />);
      expect(errorState(container)).not.toBeNull();
      unmount();
    }
  });

  test("a bad card header shows an inline error and the card's components still render", () => {
    const { container } = render(<Widget mode="isolate" payload={payload([{ type: "card", header: { title: 5 }, components: [text("Child")] }])} />);
    expect(screen.getByText("Child")).toBeInTheDocument();
    expect(container.querySelector('[data-sidecard-path="/components/0/header"]')).not.toBeNull();
  });
});

describe("components that throw", () => {
  const Throwing: WidgetComponents["text"] = () => {
    throw new Error("override exploded");
  };

  test("strict: a throwing host override gives the widget error state, the page survives", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const { container } = render(
      <div>
        <p>Host page</p>
        <Widget payload={payload([text("a"), { type: "divider" }])} components={{ text: Throwing }} />
      </div>,
    );
    expect(screen.getByText("Host page")).toBeInTheDocument();
    expect(errorState(container)).toHaveTextContent("override exploded");
    spy.mockRestore();
  });

  test("isolate: only the throwing component is replaced by an inline error", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const { container } = render(<Widget mode="isolate" payload={payload([text("a"), { type: "divider" }])} components={{ text: Throwing }} />);
    expect(errorState(container)).toBeNull();
    expect(container.querySelector('[data-sidecard-component="divider"]')).not.toBeNull();
    expect(container.querySelector('[data-sidecard-invalid="text"]')).toHaveTextContent("override exploded");
    spy.mockRestore();
  });
});

describe("onDiagnostics", () => {
  test("receives every diagnostic, warnings included, once per payload", () => {
    const onDiagnostics = vi.fn<(diagnostics: Diagnostic[]) => void>();
    const input = { components: [{ type: "badge", label: "B", items: [{ value: "x" }] }] };
    const { rerender } = render(
      <StrictMode>
        <Widget payload={input} onDiagnostics={onDiagnostics} limits={{ maxComponents: 10 }} />
      </StrictMode>,
    );
    rerender(
      <StrictMode>
        <Widget payload={input} onDiagnostics={onDiagnostics} limits={{ maxComponents: 10 }} theme="dark" />
      </StrictMode>,
    );
    expect(onDiagnostics).toHaveBeenCalledTimes(1);
    expect(onDiagnostics.mock.calls[0][0].map((d) => d.code)).toEqual(["missing_version", "missing_header", "unknown_color"]);

    rerender(<Widget payload={{ ...input }} onDiagnostics={onDiagnostics} />);
    expect(onDiagnostics).toHaveBeenCalledTimes(2);
  });
});

describe("overrides", () => {
  test("a host component replaces one type and receives the normalised component", () => {
    const Text: WidgetComponents["text"] = ({ component, path }) => (
      <p data-sidecard-component="text" data-path={path}>
        {component.label.toUpperCase()}: {component.value}
      </p>
    );
    const { container } = render(<Widget payload={payload([text("plan", "pro"), { type: "divider" }])} components={{ text: Text }} />);
    expect(container.querySelector('[data-path="/components/0"]')).toHaveTextContent("PLAN: pro");
    expect(container.querySelector("hr")).not.toBeNull();
  });

  test("overrides get the path of every component, in cards whose children are all valid too", () => {
    const paths: string[] = [];
    const record = (path: string) => (paths.push(path), null);
    const components: Partial<WidgetComponents> = {
      card: ({ path, children }) => <div data-card-path={path}>{children}</div>,
      text: ({ path }) => record(path),
      divider: ({ path }) => record(path),
    };
    render(<Widget payload={payload([text("a"), { type: "card", components: [text("b"), { type: "divider" }] }])} components={components} />);
    expect(paths).toEqual(["/components/0", "/components/1/components/0", "/components/1/components/1"]);
  });

  test("in isolate mode a component that throws inside a valid card is replaced at its own path", () => {
    const Boom: WidgetComponents["divider"] = () => {
      throw new Error("boom");
    };
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { container } = render(
      <Widget mode="isolate" payload={payload([{ type: "card", components: [text("kept"), { type: "divider" }] }])} components={{ divider: Boom }} />,
    );
    error.mockRestore();
    expect(screen.getByText("kept")).toBeInTheDocument();
    expect(container.querySelector("[data-sidecard-invalid]")?.getAttribute("data-sidecard-path")).toBe("/components/0/components/1");
  });
});
