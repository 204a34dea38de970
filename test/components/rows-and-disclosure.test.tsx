import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { defaultComponents, Widget, type WidgetProps } from "../../src/index.js";
import { COPIED_MS } from "../../src/components/copy-button.js";

const payloadOf = (components: unknown[], header: unknown = { title: "App" }) => ({ version: "1.0.0", header, components });
const show = (components: unknown[], props: Partial<WidgetProps> = {}, header?: unknown) =>
  render(<Widget locale="en-US" timeZone="UTC" {...props} payload={payloadOf(components, header)} />);

describe("rows", () => {
  test("text, date_time, badge and link are each one <dl> pairing the label (dt) with its value (dd)", () => {
    const { container } = show([
      { type: "text", label: "Plan", value: "Pro" },
      { type: "date_time", label: "Since", value: "2024-07-15T12:34:56Z" },
      { type: "badge", label: "Tags", items: [{ value: "VIP", color: "blue" }] },
      { type: "link", label: "Home", url: "https://x.test/" },
    ]);
    const rows = [...container.querySelectorAll("dl")];
    expect(rows.map((row) => row.dataset.sidecardComponent)).toEqual(["text", "date_time", "badge", "link"]);
    for (const row of rows) {
      expect([...row.children].map((child) => child.tagName)).toEqual(["DT", "DD"]);
    }
    expect(rows.map((row) => row.querySelector("dt")!.textContent)).toEqual(["Plan", "Since", "Tags", "Home"]);
    expect(rows[0].querySelector("dd")).toHaveTextContent("Pro");
  });

  test("an icon sits at the start of the value, not beside the label", () => {
    const { container } = show([{ type: "text", label: "Plan", value: "Pro", icon_url: "https://x.test/i.png" }]);
    const dd = container.querySelector("dd")!;
    expect(dd.firstElementChild?.tagName).toBe("IMG");
    expect(container.querySelector("dt img")).toBeNull();
  });

  test("a text row with an icon still carries its wire type", () => {
    const { container } = show([{ type: "text", label: "Plan", value: "Pro", icon_url: "https://x.test/i.png" }]);
    expect(container.querySelector("dl")).toHaveAttribute("data-sidecard-component", "text");
  });

  test('layout is exposed as data-layout: "rows" by default, "stacked" on request', () => {
    expect(show([]).container.firstElementChild).toHaveAttribute("data-layout", "rows");
    expect(show([], { layout: "stacked" }).container.firstElementChild).toHaveAttribute("data-layout", "stacked");
  });
});

describe("link row", () => {
  const link = [{ type: "link", label: "Home Page", url: "https://www.whitehouse.gov/" }];
  const original = Object.getOwnPropertyDescriptor(navigator, "clipboard");
  afterEach(() => {
    if (original) Object.defineProperty(navigator, "clipboard", original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
    vi.useRealTimers();
  });
  const setClipboard = (clipboard: unknown) => Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });

  test("shows the URL as the underlined value, then a copy button", () => {
    show(link);
    const anchor = screen.getByRole("link");
    expect(anchor).toHaveAttribute("href", "https://www.whitehouse.gov/");
    expect(anchor.firstChild?.textContent).toBe("https://www.whitehouse.gov/");
    expect(anchor.nextElementSibling).toBe(screen.getByRole("button", { name: "Copy link" }));
  });

  test('copies the URL with the Clipboard API and says "Copied" in a polite live region, then clears it', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    show(link);
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("");
    // Async act: it also flushes the clipboard promise the click starts.
    await act(() => {
      fireEvent.click(screen.getByRole("button", { name: "Copy link" }));
      return Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith("https://www.whitehouse.gov/");
    expect(status).toHaveTextContent("Copied");
    expect(screen.getByRole("button", { name: "Copy link" })).toHaveAttribute("data-copied");
    act(() => {
      vi.advanceTimersByTime(COPIED_MS);
    });
    expect(status).toHaveTextContent("");
  });

  test("a second copy before the first outcome ends keeps its own full time; the widget has one live region", async () => {
    vi.useFakeTimers();
    setClipboard({ writeText: () => Promise.resolve() });
    show([...link, { type: "link", label: "Docs", url: "https://docs.test/" }]);
    expect(screen.getAllByRole("status")).toHaveLength(1); // one per widget, not one per link
    const [first] = screen.getAllByRole("button", { name: "Copy link" });
    const click = () => act(() => Promise.resolve(fireEvent.click(first)));
    await click();
    act(() => void vi.advanceTimersByTime(COPIED_MS - 500));
    await click(); // the first timer ends in 500 ms: it must leave the second outcome alone
    act(() => void vi.advanceTimersByTime(1000));
    expect(first).toHaveAttribute("data-copied");
    expect(screen.getByRole("status")).toHaveTextContent("Copied");
    act(() => void vi.advanceTimersByTime(COPIED_MS - 1000));
    expect(first).not.toHaveAttribute("data-copied");
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  test("copying swaps the copy mark for a check while it lasts", async () => {
    vi.useFakeTimers();
    setClipboard({ writeText: () => Promise.resolve() });
    show(link);
    const button = screen.getByRole("button", { name: "Copy link" });
    const idleMark = button.innerHTML;
    await act(() => Promise.resolve(fireEvent.click(button)));
    expect(button.innerHTML).not.toBe(idleMark);
    act(() => void vi.advanceTimersByTime(COPIED_MS));
    expect(button.innerHTML).toBe(idleMark);
  });

  test("a default link rendered outside any widget still copies, shows the outcome and clears it", async () => {
    vi.useFakeTimers();
    setClipboard({ writeText: () => Promise.resolve() });
    const Link = defaultComponents.link;
    const { container } = render(<Link component={{ type: "link", label: "Home", url: "https://x.test/" }} path="/components/0" />);
    await act(() => Promise.resolve(fireEvent.click(screen.getByRole("button", { name: "Copy link" }))));
    expect(container.querySelector(".sc-copy-status")).toHaveTextContent("Copied");
    act(() => void vi.advanceTimersByTime(COPIED_MS));
    expect(container.querySelector(".sc-copy-status")).toBeNull();
  });

  test.each([
    ["missing", undefined],
    ["rejecting", { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) }],
    ["throwing", { writeText: () => { throw new Error("no"); } }],
  ])("a %s Clipboard API says it could not copy and throws nothing", async (_name, clipboard) => {
    setClipboard(clipboard);
    show(link);
    fireEvent.click(screen.getByRole("button", { name: "Copy link" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Could not copy"));
  });
});

describe("collapsible cards and widget", () => {
  const card = (title = "Account") => ({ type: "card", header: { title }, components: [{ type: "text", label: "Plan", value: "Pro" }] });

  test("the card title is a disclosure button: aria-expanded, aria-controls the body, collapsed content leaves the DOM", () => {
    show([card()]);
    const toggle = within(screen.getByRole("heading", { level: 4 })).getByRole("button", { name: "Account" });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const body = document.getElementById(toggle.getAttribute("aria-controls")!);
    expect(body).toHaveTextContent("Plan");
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).not.toHaveAttribute("aria-controls");
    expect(screen.queryByText("Plan")).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByText("Plan")).toBeInTheDocument();
  });

  test("each card keeps its state across a refresh of the same payload shape", () => {
    const props = { locale: "en-US", timeZone: "UTC" };
    const { rerender } = render(<Widget {...props} payload={payloadOf([card("One"), card("Two")])} />);
    fireEvent.click(screen.getByRole("button", { name: "Two" }));
    // A refresh: a new payload object, same shape, new values.
    rerender(<Widget {...props} payload={payloadOf([card("One"), { ...card("Two"), components: [{ type: "text", label: "Plan", value: "Team" }] }])} />);
    expect(screen.getByRole("button", { name: "One" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("button", { name: "Two" })).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByText("Team")).toBeNull();
    expect(screen.getAllByText("Pro")).toHaveLength(1);
  });

  test("the widget header collapses the whole content; its actions stay", () => {
    show([card()], { headerActions: <button type="button">Refresh</button> });
    fireEvent.click(screen.getByRole("button", { name: "App" }));
    expect(screen.queryByRole("heading", { level: 4 })).toBeNull();
    expect(screen.getByRole("button", { name: "Refresh" })).toBeInTheDocument();
  });

  test("collapsible={false} draws plain headings, no disclosure", () => {
    show([card()], { collapsible: false });
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByRole("heading", { level: 3, name: "App" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 4, name: "Account" })).toBeInTheDocument();
  });

  test("a card without a title has nothing to name a disclosure and is not collapsible", () => {
    show([{ type: "card", components: [{ type: "divider" }] }], {}, {});
    expect(screen.queryByRole("button")).toBeNull();
  });
});
