// The widget's own parts around the components (src/render/widget.tsx): the error state's
// sentence, the header and its disclosure, inline errors for headers, props that change later.
import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";
import { englishMessages, Widget, type WidgetComponents } from "../../src/index.js";

const payload = (components: unknown[], header: unknown = {}) => ({ version: "1.0.0", header, components });
const text = (label: string, value = "v") => ({ type: "text", label, value });
const alertOf = (container: HTMLElement) => container.querySelector('[role="alert"][data-sidecard-state="error"]');

test.each([
  ["not a payload", "nope", englishMessages.notAPayload],
  ["an unsupported version", { version: "2.0.0", header: {}, components: [] }, englishMessages.unsupportedVersion],
  ["too many components", payload([text("a"), text("b")]), englishMessages.tooManyComponents],
  ["a component error", payload([{ type: "chart" }]), englishMessages.invalidPayload],
])("the error state says what is wrong: %s", (_name, value, sentence) => {
  const { container } = render(<Widget payload={value} limits={{ maxComponents: 1 }} />);
  expect(alertOf(container)?.querySelector(".sc-error-message")?.textContent).toBe(sentence);
});

test("the error state has no header without header actions", () => {
  const { container } = render(<Widget payload="nope" />);
  expect(alertOf(container)).not.toBeNull();
  expect(container.querySelector(".sc-header")).toBeNull();
});

test("a payload without a header renders no header", () => {
  const { container } = render(<Widget payload={{ version: "1.0.0", components: [text("a")] }} />);
  expect(container).toHaveTextContent("a");
  expect(container.querySelector(".sc-header")).toBeNull();
});

test("a header without a title has no disclosure", () => {
  render(<Widget payload={payload([text("a")])} headerActions={<button type="button">Refresh</button>} />);
  expect(screen.getByRole("button", { name: "Refresh" })).not.toBeNull();
  expect(document.querySelector("[aria-expanded]")).toBeNull();
});

test("the widget header's disclosure hides and shows the content", () => {
  const { container } = render(<Widget payload={payload([text("Plan", "Pro")], { title: "App" })} />);
  const toggle = container.querySelector<HTMLButtonElement>("button[aria-expanded]")!;
  fireEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  expect(container).not.toHaveTextContent("Pro");
  fireEvent.click(toggle);
  expect(container).toHaveTextContent("Pro");
});

test("a valid widget shows no inline error", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([text("a")], { title: "App" })} />);
  expect(container.querySelector("[data-sidecard-invalid]")).toBeNull();
});

test("isolate: an invalid widget header and card header are inline errors that say what is wrong", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([{ type: "card", header: { title: 42 }, components: [text("a")] }], { title: 42 })} />);
  const listed = [...container.querySelectorAll("[data-sidecard-invalid] .sc-diagnostic-message")].map((li) => li.textContent);
  expect(listed).toEqual(['Expected "title" to be a string, but found the number 42.', 'Expected "title" to be a string, but found the number 42.']);
});

test("a card override receives the card's path", () => {
  const paths: string[] = [];
  const Card: WidgetComponents["card"] = ({ path, children }) => {
    paths.push(path);
    return <div data-sidecard-component="card">{children}</div>;
  };
  render(<Widget payload={payload([text("a"), { type: "card", components: [text("b")] }])} components={{ card: Card }} />);
  expect(paths).toEqual(["/components/1"]);
});

test("a new onDiagnostics receives the next payload's diagnostics", () => {
  const first = vi.fn();
  const second = vi.fn();
  const { rerender } = render(<Widget payload={payload([text("a")])} onDiagnostics={first} />);
  rerender(<Widget payload={{ version: "1.0.0", components: [text("a")] }} onDiagnostics={second} />);
  expect(first).toHaveBeenCalledTimes(1);
  expect(second).toHaveBeenCalledTimes(1);
  expect(second.mock.calls[0][0]).toMatchObject([{ code: "missing_header" }]);
});

test("a new maxTextLines limit applies to the widget already shown", () => {
  const value = payload([text("Notes", "one\ntwo\nthree")]);
  const { rerender, container } = render(<Widget payload={value} />);
  expect(container).not.toHaveTextContent(/more/);
  rerender(<Widget payload={value} limits={{ maxTextLines: 1 }} />);
  expect(container).toHaveTextContent(/\+2 more/);
});

test("allowedUrlSchemes={[]} allows no URL at all", () => {
  const { container } = render(<Widget mode="isolate" payload={payload([{ type: "link", label: "Docs", url: "https://example.com" }])} allowedUrlSchemes={[]} />);
  expect(container.querySelector("a[href]")).toBeNull();
  expect(container.querySelector("[data-sidecard-invalid]")).not.toBeNull();
});

test("a diagnostic about the whole payload is listed at the root path", () => {
  const { container } = render(<Widget payload="nope" />);
  expect(container.querySelector(".sc-diagnostic-path")?.textContent).toBe(englishMessages.rootPath);
});

test.each(["", "   ", "\n\t\u00a0"])("a title of %j is no title: no empty heading, no unnamed disclosure, no empty region name", (blank) => {
  const card = { type: "card", header: { title: blank }, components: [text("inside")] };
  const { container } = render(<Widget payload={payload([card], { title: blank })} />);
  expect(container.querySelectorAll("h1, h2, h3, h4, h5, h6")).toHaveLength(0);
  expect(screen.queryAllByRole("button")).toHaveLength(0);
  expect(container.querySelector("section")!.hasAttribute("aria-label")).toBe(false);
  expect(container).toHaveTextContent("inside");
});

test("a blank title beside an icon keeps the icon and drops the heading", () => {
  const { container } = render(<Widget payload={payload([text("a")], { title: " ", icon_url: "https://example.com/i.png" })} />);
  expect(container.querySelector(".sc-header img")).not.toBeNull();
  expect(container.querySelector(".sc-title")).toBeNull();
});

test("the region's name is bounded like the hover title, for a title of 1 MiB", () => {
  const { container } = render(<Widget payload={payload([text("a")], { title: "T".repeat(1024 * 1024) })} />);
  const name = container.querySelector("section")!.getAttribute("aria-label")!;
  expect(name.length).toBeLessThanOrEqual(2001);
  expect(name.endsWith("…")).toBe(true);
});
