import { render } from "@testing-library/react";
import { expect, test } from "vitest";
import { Widget, type WidgetComponents } from "../../src/index.js";

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

test("a payload object that is new from top to bottom renders everything again", () => {
  const rendered: string[] = [];
  const Text: WidgetComponents["text"] = ({ component }) => {
    rendered.push(component.label);
    return <p data-sidecard-component="text">{component.value}</p>;
  };
  const components = { text: Text };
  const make = () => ({ version: "1.0.0", header: {}, components: [{ type: "text", label: "a", value: "1" }] });
  const { rerender } = render(<Widget payload={make()} components={components} />);
  rerender(<Widget payload={make()} components={components} />);
  expect(rendered).toEqual(["a", "a"]);
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
