import { render } from "@testing-library/react";
import { expect, test } from "vitest";
import { Widget, type WidgetComponents } from "../../src/index.js";

/** A fresh JSON.parse of the answer, as <CustomApp> hands it over on refresh. */
const parseJson = (text: string): unknown => JSON.parse(text);

test("an immutable update re-renders only the component that changed", () => {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component }) => {
    rendered.push(component.label);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const components = { text: Text };
  const card = { type: "card", components: [{ type: "text", label: "a", value: "1" }, { type: "text", label: "b", value: "2" }] };
  const first = { version: "1.0.0", header: {}, components: [card, { type: "text", label: "c", value: "3" }] };
  const { rerender, container } = render(<Widget payload={first} components={components} />);
  expect(rendered.sort()).toEqual(["a", "b", "c"]);

  rendered.length = 0;
  const second = { ...first, components: [{ ...card, components: [card.components[0], { ...card.components[1], value: "22" }] }, first.components[1]] };
  rerender(<Widget payload={second} components={components} />);
  expect(rendered).toEqual(["b"]);
  expect(container).toHaveTextContent("22");
});

test("a payload object that is new from top to bottom (a refresh's JSON.parse) re-renders only the leaves whose content changed", () => {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component, path }) => {
    rendered.push(`${path} ${component.label}=${component.value}`);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const components = { text: Text };
  const answer = (second: string) =>
    JSON.stringify({
      version: "1.0.0",
      header: {},
      components: [
        { type: "text", label: "a", value: "1" },
        { type: "card", components: [{ type: "text", label: "b", value: second }] },
      ],
    });
  const { rerender, container } = render(<Widget payload={parseJson(answer("2"))} components={components} />);
  rendered.length = 0;
  // Equal content at the same place: nothing renders again.
  rerender(<Widget payload={parseJson(answer("2"))} components={components} />);
  expect(rendered).toEqual([]);
  // One value changed: only that leaf renders again, and the DOM shows it.
  rerender(<Widget payload={parseJson(answer("3"))} components={components} />);
  expect(rendered).toEqual(["/components/1/components/0 b=3"]);
  expect(container.textContent).toContain("3");
});

test("a leaf equal in content at another place renders again (the place is part of what is compared)", () => {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component, path }) => {
    rendered.push(`${path} ${component.label}`);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const components = { text: Text };
  const text = () => ({ type: "text", label: "a", value: "1" });
  const { rerender } = render(<Widget payload={{ version: "1.0.0", header: {}, components: [text()] }} components={components} />);
  rerender(<Widget payload={{ version: "1.0.0", header: {}, components: [{ type: "divider" }, text()] }} components={components} />);
  expect(rendered).toEqual(["/components/0 a", "/components/1 a"]);
});

test("overrides passed inline (a new components object each render) are not remounted", async () => {
  const { useEffect } = await import("react");
  let mounts = 0;
  const Text: WidgetComponents["text"] = ({ component }) => {
    useEffect(() => {
      mounts++;
    }, []);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const payload = { version: "1.0.0", header: {}, components: [{ type: "text", label: "a", value: "1" }] };
  const { rerender } = render(<Widget payload={payload} components={{ text: Text }} />);
  rerender(<Widget payload={payload} components={{ text: Text }} />);
  rerender(<Widget payload={{ ...payload }} components={{ text: Text }} />);
  expect(mounts).toBe(1);
});

test("a component object that moves is analysed again at its new place (paths follow it)", () => {
  const broken = { type: "link", label: "Docs", url: "javascript:alert(1)" };
  const text = { type: "text", label: "a", value: "1" };
  const seen: string[][] = [];
  const onDiagnostics = (diagnostics: { path: string }[]) => seen.push(diagnostics.map((d) => d.path));
  const { rerender, container } = render(<Widget mode="isolate" payload={{ version: "1.0.0", header: {}, components: [broken, text] }} onDiagnostics={onDiagnostics} />);
  rerender(<Widget mode="isolate" payload={{ version: "1.0.0", header: {}, components: [text, broken] }} onDiagnostics={onDiagnostics} />);
  expect(seen).toEqual([["/components/0/url"], ["/components/1/url"]]);
  expect(container.querySelector("[data-sidecard-invalid]")?.getAttribute("data-sidecard-path")).toBe("/components/1");
});

test("new allowed URL schemes check the same component objects again", () => {
  const payload = { version: "1.0.0", header: {}, components: [{ type: "link", label: "Call", url: "tel:+15550100" }] };
  const { rerender, container } = render(<Widget mode="isolate" payload={payload} />);
  expect(container.querySelector('a[href="tel:+15550100"]')).not.toBeNull();
  rerender(<Widget mode="isolate" payload={payload} allowedUrlSchemes={["https"]} />);
  expect(container.querySelector("a[href]")).toBeNull();
  expect(container.querySelector("[data-sidecard-invalid]")?.getAttribute("data-sidecard-path")).toBe("/components/0");
});

test("in isolate mode a refreshed card with an invalid child still skips its unchanged valid children", () => {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component }) => {
    rendered.push(component.value);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const components = { text: Text };
  const answer = (value: string) =>
    JSON.stringify({
      version: "1.0.0",
      header: {},
      components: [{ type: "card", components: [{ type: "link", label: "Docs", url: "javascript:alert(1)" }, { type: "text", label: "a", value: "1" }, { type: "text", label: "b", value }] }],
    });
  const { rerender } = render(<Widget mode="isolate" payload={parseJson(answer("2"))} components={components} />);
  rendered.length = 0;
  rerender(<Widget mode="isolate" payload={parseJson(answer("3"))} components={components} />);
  expect(rendered).toEqual(["3"]);
});
