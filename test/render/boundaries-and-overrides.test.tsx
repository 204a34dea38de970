// Error boundaries and host overrides, as the widget promises them: isolate mode contains a
// throwing component (sidecard's own too), a boundary tries again when what it renders changes,
// and every kind of React component a host may pass (functions, memo(), forwardRef()) is used.
import { render, screen } from "@testing-library/react";
import { forwardRef, memo, type ComponentProps } from "react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { Widget, type WidgetComponents } from "../../src/index.js";

// sidecard's own text row, made to throw for one label: stands for a bug in a default component
// (the widget's registry renders it through renderText, hosts through Text).
vi.mock(import("../../src/components/text.js"), async (importOriginal) => {
  const original = await importOriginal();
  const renderText: typeof original.renderText = (component, settings) => {
    if (component.label === "explode") throw new Error("default text exploded");
    return original.renderText(component, settings);
  };
  return { ...original, renderText };
});

const payload = (components: unknown[]) => ({ version: "1.0.0", header: { title: "App" }, components });
const text = (label: string, value = "v") => ({ type: "text", label, value });
const errorState = (container: HTMLElement) => container.querySelector('[role="alert"][data-sidecard-state="error"]');
const inlineErrors = (container: HTMLElement) =>
  [...container.querySelectorAll("[data-sidecard-invalid]")].map((node) => node.getAttribute("data-sidecard-path"));

// React logs every caught render error; the assertions below are on what the page shows.
beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe("isolate mode guards sidecard's own components too", () => {
  test("a default component that throws becomes an inline error at its path; the rest renders", () => {
    const { container } = render(<Widget mode="isolate" payload={payload([text("kept"), text("explode"), { type: "divider" }])} />);
    expect(errorState(container)).toBeNull();
    expect(screen.getByText("kept")).toBeInTheDocument();
    expect(container.querySelector('[data-sidecard-component="divider"]')).not.toBeNull();
    expect(inlineErrors(container)).toEqual(["/components/1"]);
    expect(container.querySelector('[data-sidecard-invalid="text"]')).toHaveTextContent("default text exploded");
  });

  test("inside a card, only the throwing child is replaced", () => {
    const { container } = render(<Widget mode="isolate" payload={payload([{ type: "card", components: [text("explode"), text("kept")] }])} />);
    expect(screen.getByText("kept")).toBeInTheDocument();
    expect(inlineErrors(container)).toEqual(["/components/0/components/0"]);
  });

  test("strict mode shows the widget's error state instead, naming the error", () => {
    const { container } = render(<Widget payload={payload([text("kept"), text("explode")])} />);
    expect(errorState(container)).toHaveTextContent("default text exploded");
    expect(screen.queryByText("kept")).toBeNull();
  });
});

describe("a boundary that caught an error tries again", () => {
  const Throwing: WidgetComponents["divider"] = () => {
    throw new Error("override exploded");
  };
  const Working: WidgetComponents["divider"] = () => <hr data-testid="working-divider" />;
  const input = payload([text("a"), { type: "divider" }]);
  /** A divider override that throws until `heal()`. */
  const flakyDivider = () => {
    let fail = true;
    const Flaky: WidgetComponents["divider"] = () => {
      if (fail) throw new Error("flaky");
      return <hr data-testid="flaky-divider" />;
    };
    return { components: { divider: Flaky }, heal: () => void (fail = false) };
  };

  test("strict: new overrides for the same payload render again", () => {
    const { container, rerender } = render(<Widget payload={input} components={{ divider: Throwing }} />);
    expect(errorState(container)).toHaveTextContent("override exploded");
    rerender(<Widget payload={input} components={{ divider: Working }} />);
    expect(errorState(container)).toBeNull();
    expect(screen.getByTestId("working-divider")).toBeInTheDocument();
  });

  test("strict: new settings for the same payload and overrides render again", () => {
    const { components, heal } = flakyDivider();
    const { container, rerender } = render(<Widget payload={input} components={components} headingLevel={3} />);
    expect(errorState(container)).toHaveTextContent("flaky");
    heal();
    rerender(<Widget payload={input} components={components} headingLevel={3} />);
    expect(errorState(container)).not.toBeNull(); // nothing changed: the error stays shown
    rerender(<Widget payload={input} components={components} headingLevel={4} />);
    expect(screen.getByTestId("flaky-divider")).toBeInTheDocument();
  });

  test("strict: a new payload renders again", () => {
    const { components, heal } = flakyDivider();
    const { container, rerender } = render(<Widget payload={input} components={components} />);
    expect(errorState(container)).not.toBeNull();
    heal();
    rerender(<Widget payload={{ ...input }} components={components} />);
    expect(screen.getByTestId("flaky-divider")).toBeInTheDocument();
  });

  test("isolate: new overrides replace the inline error", () => {
    const { container, rerender } = render(<Widget mode="isolate" payload={input} components={{ divider: Throwing }} />);
    expect(inlineErrors(container)).toEqual(["/components/1"]);
    rerender(<Widget mode="isolate" payload={input} components={{ divider: Working }} />);
    expect(inlineErrors(container)).toEqual([]);
    expect(screen.getByTestId("working-divider")).toBeInTheDocument();
  });
});

describe("overrides of every React component kind", () => {
  test("memo() and forwardRef() overrides are used, not ignored", () => {
    const MemoText = memo<ComponentProps<WidgetComponents["text"]>>(({ component }) => <p data-testid="memo-text">{component.label}</p>);
    const RefDivider = forwardRef<HTMLHRElement, ComponentProps<WidgetComponents["divider"]>>(function RefDivider(_props, ref) {
      return <hr ref={ref} data-testid="ref-divider" />;
    });
    render(<Widget payload={payload([text("memoised"), { type: "divider" }])} components={{ text: MemoText, divider: RefDivider }} />);
    expect(screen.getByTestId("memo-text")).toHaveTextContent("memoised");
    expect(screen.getByTestId("ref-divider")).toBeInTheDocument();
  });

  test("entries that are no component (undefined, null, a string) keep the default", () => {
    const components = { text: undefined, divider: null, badge: "Badge" } as unknown as Partial<WidgetComponents>;
    const { container } = render(<Widget payload={payload([text("plain"), { type: "divider" }])} components={components} />);
    expect(errorState(container)).toBeNull();
    expect(screen.getByText("plain")).toBeInTheDocument();
    expect(container.querySelector('[data-sidecard-component="divider"]')).not.toBeNull();
  });
});

describe("what a failed component's inline error says", () => {
  const failing = (thrown: unknown): WidgetComponents["divider"] => () => {
    throw thrown;
  };
  const inlineError = (thrown: unknown) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { container } = render(<Widget mode="isolate" payload={{ version: "1.0.0", header: {}, components: [{ type: "divider" }] }} components={{ divider: failing(thrown) }} />);
    return container.querySelector("[data-sidecard-invalid] .sc-diagnostic-message")?.textContent;
  };

  test("an Error: its message, without the error's name", () => {
    expect(inlineError(new Error("out of cheese"))).toBe("It failed to render: out of cheese");
  });

  test("an Error without a message: its name", () => {
    expect(inlineError(new TypeError())).toBe("It failed to render: TypeError");
  });

  test("anything else thrown: the value as a string", () => {
    expect(inlineError("just a string")).toBe("It failed to render: just a string");
  });
});
