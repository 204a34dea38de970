// The renderer's analysis (src/render/analyze.ts) seen from <Widget>: which records an update
// reuses (counted with host overrides that log their renders), which diagnostics are reported,
// and what isolate mode shows for cards with invalid parts.
import { render } from "@testing-library/react";
import { expect, test } from "vitest";
import { parseWidget, Widget, type Diagnostic, type WidgetComponents } from "../../src/index.js";
import { analyzeWidget } from "../../src/render/analyze.js";

const payload = (components: unknown[]) => ({ version: "1.0.0", header: {}, components });
const text = (label: string, value = "v") => ({ type: "text", label, value });
const brokenLink = () => ({ type: "link", label: "Docs", url: "javascript:alert(1)" });
const okLink = () => ({ type: "link", label: "Docs", url: "https://example.com" });

/** A text override that logs `path label=value` for every render. */
function loggingText() {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component, path }) => {
    rendered.push(`${path} ${component.label}=${component.value}`);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  return { rendered, components: { text: Text } };
}

test("a leaf with a warning kept across an immutable update does not render again", () => {
  let renders = 0;
  const Badge: WidgetComponents["badge"] = ({ component }) => {
    renders++;
    return <div data-sidecard-component="badge">{component.label}</div>;
  };
  const badge = { type: "badge", label: "Plan", items: [{ value: "Pro", color: "pink" }] };
  const first = payload([badge, text("a", "1")]);
  const { rerender } = render(<Widget payload={first} components={{ badge: Badge }} />);
  rerender(<Widget payload={{ ...first, components: [badge, text("a", "2")] }} components={{ badge: Badge }} />);
  expect(renders).toBe(1);
});

test("isolate: an invalid component's inline error lists its errors, not its warnings", () => {
  const badge = { type: "badge", items: [{ value: "Pro", color: "pink" }] }; // no label (error), unknown color (warning)
  const diagnostics: Diagnostic[] = [];
  const { container } = render(<Widget mode="isolate" payload={payload([badge])} onDiagnostics={(d) => diagnostics.push(...d)} />);
  expect(diagnostics.map((d) => `${d.severity} ${d.path}`).sort()).toEqual(["error /components/0/label", "warning /components/0/items/0/color"]);
  const listed = [...container.querySelectorAll("[data-sidecard-invalid] .sc-diagnostic-message")].map((li) => li.textContent);
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatch(/"label"/);
});

test("isolate: a card whose components is not an array is an inline error, and the rest renders", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([{ type: "card", components: "none" }, text("After")])} />);
  expect(container.querySelector("[data-sidecard-invalid]")?.getAttribute("data-sidecard-path")).toBe("/components/0");
  expect(container).toHaveTextContent("After");
});

test("a card whose components was not an array renders its children once they are fixed", () => {
  const { rerender, container } = render(<Widget mode="isolate" payload={payload([{ type: "card", components: "none" }])} />);
  rerender(<Widget mode="isolate" payload={payload([{ type: "card", components: [text("Now", "here")] }])} />);
  expect(container.querySelector("[data-sidecard-invalid]")).toBeNull();
  expect(container).toHaveTextContent("here");
});

test("isolate: a valid child of a card with an invalid child gets its own path", () => {
  const { rendered, components } = loggingText();
  render(<Widget mode="isolate" payload={payload([text("top"), { type: "card", components: [text("a", "1"), brokenLink()] }])} components={components} />);
  expect(rendered.sort()).toEqual(["/components/0 top=v", "/components/1/components/0 a=1"]);
});

test("isolate: a refreshed card that gains an invalid child does not render its unchanged valid children before it again", () => {
  const { rendered, components } = loggingText();
  const { rerender } = render(<Widget mode="isolate" payload={payload([{ type: "card", components: [text("a", "1"), text("b", "2")] }])} components={components} />);
  rendered.length = 0;
  rerender(<Widget mode="isolate" payload={payload([{ type: "card", components: [text("a", "1"), brokenLink()] }])} components={components} />);
  expect(rendered).toEqual([]);
});

test("isolate: a card override receives only the card's valid children", () => {
  const seen: unknown[] = [];
  const Card: WidgetComponents["card"] = ({ component, children }) => {
    seen.push(component.components);
    return <div data-sidecard-component="card">{children}</div>;
  };
  render(<Widget mode="isolate" payload={payload([{ type: "card", components: [brokenLink(), text("a", "1"), text("b", "2")] }])} components={{ card: Card }} />);
  expect(seen).toEqual([[text("a", "1"), text("b", "2")]]);
});

test("a card kept across an immutable update reports its children's diagnostics again, once each", () => {
  const reports: string[][] = [];
  const onDiagnostics = (diagnostics: Diagnostic[]) => reports.push(diagnostics.map((d) => d.path));
  const card = { type: "card", components: [brokenLink()] };
  const first = payload([brokenLink(), card]);
  const { rerender } = render(<Widget payload={first} onDiagnostics={onDiagnostics} />);
  rerender(<Widget payload={{ ...first }} onDiagnostics={onDiagnostics} />);
  expect(reports).toEqual([
    ["/components/0/url", "/components/1/components/0/url"],
    ["/components/0/url", "/components/1/components/0/url"],
  ]);
});

test("isolate: a refreshed card with an invalid header does not render its unchanged children again", () => {
  const { rendered, components } = loggingText();
  const answer = () => payload([{ type: "card", header: { title: 42 }, components: [text("a", "1")] }]);
  const { rerender, container } = render(<Widget mode="isolate" payload={answer()} components={components} />);
  expect(container.querySelector("[data-sidecard-invalid]")?.getAttribute("data-sidecard-path")).toBe("/components/0/header");
  rendered.length = 0;
  rerender(<Widget mode="isolate" payload={answer()} components={components} />);
  expect(rendered).toEqual([]);
});

test("isolate: a card whose invalid child is fixed renders again only the children that changed or are new", () => {
  const { rendered, components } = loggingText();
  const a = text("a", "1");
  const card = { type: "card", components: [brokenLink(), a, text("b", "2")] };
  const { rerender, container } = render(<Widget mode="isolate" payload={payload([card])} components={components} />);
  rendered.length = 0;
  rerender(<Widget mode="isolate" payload={payload([{ ...card, components: [okLink(), a, text("b", "3"), text("c", "4")] }])} components={components} />);
  expect(rendered.sort()).toEqual(["/components/0/components/2 b=3", "/components/0/components/3 c=4"]);
  expect(container).toHaveTextContent("3");
  expect(container.querySelector('a[href="https://example.com"]')).not.toBeNull();
});

test("a payload that throws while read shows nothing of what was read before it threw (no region named after its title)", () => {
  const throwing = Object.defineProperty({ type: "text", value: "v" }, "label", { enumerable: true, get: () => { throw new Error("getter"); } });
  const { container } = render(<Widget payload={{ version: "1.0.0", header: { title: "App" }, components: [throwing] }} />);
  const root = container.querySelector('[data-sidecard="widget"]')!;
  expect(root.querySelector('[role="alert"]')).not.toBeNull();
  expect(root.hasAttribute("aria-label")).toBe(false);
});

test.each([
  ["a valid payload", { version: "1.2.0", header: { title: "App" }, components: [text("a"), { type: "card", components: [text("b")] }] }],
  ["a payload with an error", payload([brokenLink()])],
])("the analysis renders what parseWidget returns: %s", (_name, value) => {
  const parsed = parseWidget(value);
  const analysis = analyzeWidget(value);
  expect(analysis.hasErrors).toBe(!parsed.ok);
  expect(analysis.diagnostics).toEqual(parsed.diagnostics);
  if (parsed.ok) {
    expect(analysis.header ?? {}).toStrictEqual(parsed.payload.header);
    expect(analysis.components.map((node) => node.component)).toStrictEqual(parsed.payload.components);
  }
});

const inlineMessages = (container: HTMLElement, path: string) =>
  [...container.querySelectorAll(`[data-sidecard-invalid][data-sidecard-path="${path}"] .sc-diagnostic-message`)].map((li) => li.textContent);

test("isolate: a card's own error is listed in its inline error", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([{ type: "card", components: "none" }])} />);
  expect(inlineMessages(container, "/components/0")).toEqual(['Expected "components" to be an array of components, but found the string "none".']);
});

test("isolate: a card header with an error lists the error, not the header's warnings, and is not drawn", () => {
  const header = { title: 5, icon_url: "https://example.com/icon.png" };
  const card = { type: "card", header, components: [text("Inside")], note: "not clean" };
  const { container } = render(<Widget mode="isolate" payload={payload([card, { type: "card", header: { title: 5, icon_url: "javascript:x" }, components: [] }])} />);
  expect(inlineMessages(container, "/components/0/header")).toEqual(['Expected "title" to be a string, but found the number 5.']);
  expect(inlineMessages(container, "/components/1/header")).toEqual(['Expected "title" to be a string, but found the number 5.']);
  expect(container.querySelector("img")).toBeNull();
  expect(container).toHaveTextContent("Inside");
});

test("isolate: a null component is an inline error of its own, not an unreadable payload", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([null, text("After")])} />);
  expect(inlineMessages(container, "/components/0")).toEqual(['Expected a component object with a "type", but found null.']);
  expect(container).toHaveTextContent("After");
});

test("isolate: the widget's header with an error is listed and not drawn; without a header, nothing is listed", () => {
  const broken = { version: "1.0.0", header: { title: 5, icon_url: "https://example.com/icon.png" }, components: [text("After")] };
  const { container, rerender } = render(<Widget mode="isolate" payload={broken} />);
  expect(inlineMessages(container, "/header")).toEqual(['Expected "title" to be a string, but found the number 5.']);
  expect(container.querySelector("img")).toBeNull();
  rerender(<Widget mode="isolate" payload={{ version: "1.0.0", components: [text("After")] }} />);
  expect(container.querySelector("[data-sidecard-invalid]")).toBeNull();
  expect(container).toHaveTextContent("After");
});
