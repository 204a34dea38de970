import { describe, expect, test, vi } from "vitest";
import { renderInFrame } from "./layout.js";
import { ICON } from "./payloads.js";

const withIcon = (iconUrl: string) => ({
  version: "1.0.0",
  header: { title: "Account", icon_url: iconUrl },
  components: [{ type: "text", label: "Plan", value: "Pro", icon_url: iconUrl }],
});

describe("icons", () => {
  test("a valid icon loads and is shown as a small decorative image without referrer", async () => {
    const { widget } = renderInFrame(280, { payload: withIcon(ICON) });
    const icons = [...widget.querySelectorAll<HTMLImageElement>("img.sc-icon")];
    expect(icons).toHaveLength(2);
    await vi.waitFor(() => expect(icons.every((img) => img.complete && img.naturalWidth > 0)).toBe(true));
    for (const img of icons) {
      expect(img.alt).toBe("");
      expect(img.referrerPolicy).toBe("no-referrer");
      expect(img.loading).toBe("lazy");
    }
    // As in Pylon: 20 px beside the header title, 24 px at the start of a value.
    expect(icons[0].getBoundingClientRect()).toMatchObject({ width: 20, height: 20 });
    expect(icons[1].getBoundingClientRect()).toMatchObject({ width: 24, height: 24 });
    expect(icons[1].parentElement!.tagName).toBe("DD");
    // Still there after the load: only failures remove an icon.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(widget.querySelectorAll("img.sc-icon")).toHaveLength(2);
  });

  test.each([
    ["an unreachable http URL", "http://127.0.0.1:1/icon.png"],
    ["a data:image URL holding invalid image data", "data:image/png;base64,bm90IGFuIGltYWdl"],
  ])("an icon that fails to load (%s) disappears and leaves no gap", async (_, url) => {
    const { widget } = renderInFrame(280, { payload: withIcon(url) });
    expect(widget.querySelectorAll("img.sc-icon")).toHaveLength(2);
    const value = widget.querySelector<HTMLElement>(".sc-value")!;
    await vi.waitFor(() => expect(widget.querySelectorAll("img")).toHaveLength(0), { timeout: 5000, interval: 20 });
    // The title and the value now start at the left edge of their boxes: no empty icon box remains.
    const title = widget.querySelector<HTMLElement>(".sc-title")!;
    expect(title.getBoundingClientRect().left).toBe(widget.querySelector(".sc-header")!.getBoundingClientRect().left);
    expect(value.firstElementChild!.getBoundingClientRect().left).toBe(value.getBoundingClientRect().left);
    expect(title).toHaveTextContent("Account");
  });
});

describe("links and buttons", () => {
  const payload = {
    version: "1.0.0",
    header: {},
    components: [
      { type: "button", label: "Open dashboard", button_type: "link", url: "https://admin.example.com/a?b=1" },
      { type: "link", label: "Email", url: "mailto:help@example.com" },
      { type: "card", components: [{ type: "link", label: "Call", url: "tel:+15551234567" }] },
    ],
  };

  test("open in a new tab without handing the opener or the referrer to the target", () => {
    const { widget } = renderInFrame(280, { payload });
    const anchors = [...widget.querySelectorAll<HTMLAnchorElement>("a")];
    expect(anchors.map((a) => a.closest<HTMLElement>("[data-sidecard-component]")!.dataset.sidecardComponent)).toEqual(["button", "link", "link"]);
    expect(anchors.map((a) => a.href)).toEqual(["https://admin.example.com/a?b=1", "mailto:help@example.com", "tel:+15551234567"]);
    for (const a of anchors) {
      expect(a.target).toBe("_blank");
      expect(a.relList.contains("noopener")).toBe(true);
      expect(a.relList.contains("noreferrer")).toBe(true);
      // Screen readers hear that the link opens a new tab.
      expect(a.textContent).toMatch(/opens in a new tab/);
    }
  });

  test("a button looks like a button and a link like a link", () => {
    const { widget } = renderInFrame(280, { payload });
    const button = getComputedStyle(widget.querySelector("a.sc-button")!);
    const link = getComputedStyle(widget.querySelector("a.sc-link")!);
    expect(button.backgroundColor).not.toBe("rgba(0, 0, 0, 0)");
    expect(button.textDecorationLine).toBe("none");
    expect(Number.parseFloat(button.borderTopLeftRadius)).toBeGreaterThan(0);
    expect(link.backgroundColor).toBe("rgba(0, 0, 0, 0)");
    expect(link.textDecorationLine).toBe("underline");
  });

  test("a focused link shows a visible focus ring", async () => {
    const { widget } = renderInFrame(280, { payload });
    const { userEvent } = await import("vitest/browser");
    await userEvent.keyboard("{Tab}");
    const focused = document.activeElement as HTMLElement;
    expect(widget.contains(focused)).toBe(true);
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).toBe("solid");
    expect(Number.parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
  });
});
