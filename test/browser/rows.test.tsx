import { cdp, userEvent } from "vitest/browser";
import { describe, expect, test, vi } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { Widget, type WidgetProps } from "../../src/index.js";
import { expectNoHorizontalOverflow, renderInFrame } from "./layout.js";
import { ICON } from "./payloads.js";
import "./frames.css";

// Pylon's row geometry, measured off its screenshots (shared/reference/pylon/): the label on
// the left, the value starting at half the row, an icon at the start of the value, each line of
// a multi-line value on a line of its own; stacked when the widget is too narrow for two columns.

const rows = {
  version: "1.0.0",
  header: {},
  components: [
    { type: "text", label: "Requester title", value: "POTUS", icon_url: ICON },
    { type: "text", label: "Requester address", value: "1600 Pennsylvania Avenue NW\nWashington, DC 20500\nUnited States of America" },
    { type: "date_time", label: "Time of request", value: "2024-07-15T12:34:56Z" },
    { type: "badge", label: "Labels", items: [{ value: "IMPORTANT", color: "red" }, { value: "POTUS", color: "blue" }] },
    { type: "link", label: "Home Page", url: "https://www.whitehouse.gov/" },
  ],
};

const rect = (el: Element) => el.getBoundingClientRect();

/** Renders in a 405 px frame (the width of Pylon's screenshots). */
function render405(props: Partial<WidgetProps> = {}) {
  const { container } = render(
    <div className="frame-405">
      <Widget locale="en-US" timeZone="UTC" payload={rows} {...props} />
    </div>,
  );
  return container.querySelector<HTMLElement>('[data-sidecard="widget"]')!;
}

describe("rows at 405 px", () => {
  test("the label takes the left half and the value starts at the middle of the row", () => {
    const widget = render405();
    for (const row of widget.querySelectorAll("dl")) {
      const [label, value] = [row.querySelector("dt")!, row.querySelector("dd")!];
      const share = (rect(value).left - rect(row).left) / rect(row).width;
      expect(share, row.getAttribute("data-sidecard-component")!).toBeCloseTo(0.5, 2);
      // Side by side, on the same first line.
      expect(Math.abs(rect(label).top - rect(value).top)).toBeLessThanOrEqual(2);
      expect(rect(label).right).toBeLessThanOrEqual(rect(value).left + 0.5);
    }
    expectNoHorizontalOverflow(widget);
  });

  test("an icon stands at the start of the value, before its text, centred with the label", () => {
    const widget = render405();
    const row = widget.querySelector("dl")!;
    const icon = row.querySelector("dd > img")!;
    const text = row.querySelector("dd .sc-text")!;
    expect(rect(icon).left).toBeCloseTo(rect(row.querySelector("dd")!).left, 0);
    expect(rect(icon).right).toBeLessThan(rect(text).left);
    const middle = (r: DOMRect) => r.top + r.height / 2;
    expect(Math.abs(middle(rect(icon)) - middle(rect(row.querySelector("dt")!)))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle(rect(icon)) - middle(rect(text)))).toBeLessThanOrEqual(1);
  });

  test("a multi-line value draws one line per line, in the value column", () => {
    const widget = render405();
    const text = widget.querySelectorAll<HTMLElement>(".sc-text")[1];
    const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight);
    expect(rect(text).height).toBeCloseTo(3 * lineHeight, 0);
  });

  test("the link row: the URL underlined in the value column, the copy button right after it", () => {
    const widget = render405();
    const row = widget.querySelector('[data-sidecard-component="link"]')!;
    const anchor = row.querySelector("a")!;
    const copy = row.querySelector("button")!;
    expect(getComputedStyle(anchor).textDecorationLine).toBe("underline");
    expect(rect(copy).left).toBeGreaterThanOrEqual(rect(anchor).right);
    expect(rect(copy).left - rect(anchor).right).toBeLessThanOrEqual(12);
    expect(Math.abs(rect(copy).top - rect(anchor).top)).toBeLessThanOrEqual(2);
  });
});

describe("narrow sidebars stack the rows", () => {
  test("at 280 px the label stands above its value, full width, and nothing overflows", () => {
    const { widget } = renderInFrame(280, { payload: rows });
    for (const row of widget.querySelectorAll("dl")) {
      const [label, value] = [row.querySelector("dt")!, row.querySelector("dd")!];
      expect(rect(value).top).toBeGreaterThanOrEqual(rect(label).bottom);
      expect(rect(value).left).toBeCloseTo(rect(label).left, 0);
    }
    expectNoHorizontalOverflow(widget);
  });

  test('layout="stacked" stacks at any width; the default rows at 420 px do not', () => {
    const stacked = renderInFrame(420, { payload: rows, layout: "stacked" }).widget.querySelector("dl")!;
    expect(rect(stacked.querySelector("dd")!).top).toBeGreaterThanOrEqual(rect(stacked.querySelector("dt")!).bottom);
    const side = renderInFrame(420, { payload: rows }).widget.querySelectorAll("dl")[1];
    expect(rect(side.querySelector("dd")!).top).toBeLessThan(rect(side.querySelector("dt")!).bottom);
  });
});

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  properties?: { name: string; value: { value: unknown } }[];
}

/** Chromium's own accessibility tree (CDP), as screen readers get it. */
async function accessibilityTree() {
  const session = cdp();
  await session.send("Accessibility.enable");
  // The test runs in Vitest's iframe: ask for that frame's tree.
  const { frameTree } = (await session.send("Page.getFrameTree")) as { frameTree: { childFrames?: { frame: { id: string; name?: string } }[] } };
  const frameId = frameTree.childFrames?.find((child) => child.frame.name === "vitest-iframe")?.frame.id;
  const { nodes } = (await session.send("Accessibility.getFullAXTree", { frameId })) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  /** The text a node announces: its name, or its unignored descendants' names. */
  const text = (node: AXNode): string =>
    node.name?.value ||
    (node.childIds ?? [])
      .map((id) => byId.get(id)!)
      .map((child) => (child.ignored ? text(child) : child.name?.value || text(child)))
      .join(" ")
      .trim();
  const children = (node: AXNode): AXNode[] =>
    (node.childIds ?? []).map((id) => byId.get(id)!).flatMap((child) => (child.ignored ? children(child) : [child]));
  return { nodes, text, children };
}

test("each row reaches assistive tech as a term paired with its definition", async () => {
  render405();
  const { nodes, text, children } = await accessibilityTree();
  const terms = nodes.filter((node) => !node.ignored && node.role?.value === "term");
  expect(terms.map(text)).toEqual(["Requester title", "Requester address", "Time of request", "Labels", "Home Page"]);
  const pairs = terms.map((term) => {
    const list = nodes.find((node) => node.childIds?.includes(term.nodeId))!;
    const [first, second] = children(list);
    expect(first.nodeId).toBe(term.nodeId);
    expect(second.role?.value).toBe("definition");
    return [text(term), text(second)];
  });
  expect(pairs[0]).toEqual(["Requester title", "POTUS"]);
  expect(pairs[2]).toEqual(["Time of request", "Jul 15, 2024, 12:34 PM"]);
  expect(pairs[4][1]).toContain("https://www.whitehouse.gov/");
});

describe("copy button in Chromium", () => {
  test("copies the URL, shows Copied beside the button and announces it through the widget's polite live region", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    try {
      const widget = render405();
      const button = widget.querySelector<HTMLButtonElement>('[data-sidecard-component="link"] button')!;
      await userEvent.click(button);
      expect(writeText).toHaveBeenCalledWith("https://www.whitehouse.gov/");
      const shown = widget.querySelector<HTMLElement>('[data-sidecard-component="link"] .sc-copy-status');
      await vi.waitFor(() => expect(shown?.textContent).toBe("Copied"));
      expect(rect(shown!).width).toBeGreaterThan(0); // seen, not only heard
      expect(rect(shown!).left).toBeGreaterThanOrEqual(rect(button).right);
      // One region for the widget, not one per link row.
      expect(widget.querySelectorAll('[role="status"]')).toHaveLength(1);
      const { nodes: axNodes, text } = await accessibilityTree();
      const live = (node: AXNode) => node.properties?.find((property) => property.name === "live")?.value.value;
      const region = axNodes.find((node) => node.role?.value === "status" && live(node) === "polite" && text(node) === "Copied");
      expect(region, "a polite live region saying Copied").toBeDefined();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});

describe("disclosures", () => {
  const card = { version: "1.0.0", header: { title: "App" }, components: [{ type: "card", header: { title: "Additional Info" }, components: rows.components }] };

  test("Tab reaches the chevron's button, which shows a focus ring; Enter and Space toggle aria-expanded and the content", async () => {
    const { widget } = renderInFrame(360, { payload: card });
    await userEvent.keyboard("{Tab}"); // the widget header
    await userEvent.keyboard("{Tab}"); // the card header
    const toggle = document.activeElement as HTMLButtonElement;
    expect(toggle).toHaveAccessibleName("Additional Info");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(getComputedStyle(toggle).outlineStyle).toBe("solid");
    expect(Number.parseFloat(getComputedStyle(toggle).outlineWidth)).toBeGreaterThanOrEqual(2);
    const body = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(widget.contains(body)).toBe(true);
    await userEvent.keyboard("{Enter}");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(widget.querySelector("dl")).toBeNull();
    await userEvent.keyboard(" ");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(widget.querySelectorAll("dl")).toHaveLength(5);
  });

  test("the chevron follows the title and turns when collapsed", async () => {
    const { widget } = renderInFrame(360, { payload: card });
    const toggle = widget.querySelector<HTMLButtonElement>(".sc-card h4 button")!;
    const [title, chevron] = [toggle.querySelector(".sc-truncate")!, toggle.querySelector("svg")!];
    expect(rect(chevron).left).toBeGreaterThan(rect(title).right);
    expect(getComputedStyle(chevron).transform).toBe("none");
    await userEvent.click(toggle);
    expect(getComputedStyle(chevron).transform).not.toBe("none");
  });
});

describe("marks and the dark theme", () => {
  const everything = {
    version: "1.0.0",
    header: { title: "App" },
    components: [{ type: "card", header: { title: "Card" }, components: [...rows.components, { type: "button", label: "Open", button_type: "link", url: "https://x.test/" }] }],
  };

  test("every mark is one <svg> with one <path>, hidden from assistive tech, stroked in the text color it sits in", () => {
    const { widget } = renderInFrame(420, { payload: everything });
    const marks = [...widget.querySelectorAll("svg")];
    expect(marks.length).toBe(4); // two chevrons, copy, external link
    for (const mark of marks) {
      expect(mark.children).toHaveLength(1);
      expect(mark.firstElementChild!.tagName).toBe("path");
      expect(mark.getAttribute("aria-hidden")).toBe("true");
      expect(mark.hasAttribute("style")).toBe(false);
      const style = getComputedStyle(mark);
      expect(style.stroke).toBe(style.color); // currentColor: follows the theme
      expect(style.fill).toBe("none");
      expect(mark.getBoundingClientRect().width).toBeGreaterThan(0);
    }
    expect(widget.querySelector("[style]")).toBeNull();
    // The only images are the payload's own icons: no mark is a (data:) image.
    expect([...widget.querySelectorAll("img")].every((img) => img.classList.contains("sc-icon"))).toBe(true);
  });

  test("dark keeps the same structure and geometry, with other colors", () => {
    const shape = (widget: HTMLElement) =>
      [...widget.querySelectorAll("*")].map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName}.${el.getAttribute("class") ?? ""} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      });
    const light = renderInFrame(360, { payload: everything, locale: "en-US", timeZone: "UTC" }).widget;
    const lightShape = shape(light);
    const lightMark = getComputedStyle(light.querySelector(".sc-copy svg")!).stroke;
    const lightCard = getComputedStyle(light.querySelector(".sc-card")!).backgroundColor;
    cleanup();
    const dark = renderInFrame(360, { payload: everything, locale: "en-US", timeZone: "UTC", theme: "dark" }).widget;
    const darkShape = shape(dark);
    expect(darkShape).toEqual(lightShape);
    expect(getComputedStyle(dark.querySelector(".sc-copy svg")!).stroke).not.toBe(lightMark);
    expect(getComputedStyle(dark.querySelector(".sc-card")!).backgroundColor).not.toBe(lightCard);
  });
});
