import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import { defaultComponents, Widget, type BadgeColor, type WidgetProps } from "../../src/index.js";
import { RELATIVE_TICK_MS } from "../../src/render/relative-clock.js";

const show = (components: unknown[], props: Partial<WidgetProps> = {}, header: unknown = { title: "App" }) =>
  render(<Widget locale="en-US" timeZone="UTC" {...props} payload={{ version: "1.0.0", header, components }} />);

describe("DOM contract", () => {
  test("root and every component carry their data attributes with the wire type", () => {
    const { container } = show([
      {
        type: "card",
        components: [
          { type: "text", label: "t", value: "v" },
          { type: "date_time", label: "d", value: "2024-07-15T12:34:56Z" },
          { type: "badge", label: "b", items: [{ value: "x", color: "red" }] },
          { type: "button", label: "b", button_type: "link", url: "https://x.test" },
          { type: "link", label: "l", url: "https://x.test" },
          { type: "divider" },
        ],
      },
    ]);
    expect(container.firstElementChild).toHaveAttribute("data-sidecard", "widget");
    expect([...container.querySelectorAll("[data-sidecard-component]")].map((el) => el.getAttribute("data-sidecard-component"))).toEqual([
      "card",
      "text",
      "date_time",
      "badge",
      "button",
      "link",
      "divider",
    ]);
  });

  test("no element has a style attribute", () => {
    const { container } = show([{ type: "text", label: "t", value: "v", icon_url: "https://x.test/i.png" }], { theme: "dark" });
    expect(container.querySelector("[style]")).toBeNull();
  });
});

describe("header and cards", () => {
  test("titles are headings: level 3 by default, cards one below", () => {
    show([{ type: "card", header: { title: "Card" }, components: [] }]);
    expect(screen.getByRole("heading", { level: 3, name: "App" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 4, name: "Card" })).toBeInTheDocument();
  });

  test("headingLevel moves both, clamped at 6", () => {
    show([{ type: "card", header: { title: "Card" }, components: [] }], { headingLevel: 6 });
    expect(screen.getByRole("heading", { level: 6, name: "App" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 6, name: "Card" })).toBeInTheDocument();
  });

  test("a long title keeps its full text in the title attribute for hover", () => {
    const title = "A".repeat(200);
    show([], {}, { title });
    expect(screen.getByRole("heading").querySelector("[title]")).toHaveAttribute("title", title);
  });

  test("the root is a region named by label or the header title, and no landmark without a name", () => {
    expect(show([], {}, { title: "Billing" }).getByRole("region", { name: "Billing" })).toBeInTheDocument();
    expect(show([], { label: "Stripe" }, { title: "Billing" }).getByRole("region", { name: "Stripe" })).toBeInTheDocument();
    const { container } = show([], {}, {});
    expect(container.firstElementChild).toHaveAttribute("data-sidecard", "widget");
    expect(container.firstElementChild).not.toHaveAttribute("aria-label");
  });

  test("a header with neither title nor icon nor actions renders nothing", () => {
    const { container } = show([{ type: "text", label: "Plan", value: "Pro" }], {}, {});
    expect(container.querySelector(".sc-header")).toBeNull();
    expect(screen.queryByRole("heading")).toBeNull();
  });

  test("a header with only an icon shows the icon and no empty heading", () => {
    const { container } = show([], {}, { icon_url: "https://x.test/app.png" });
    expect(container.querySelector(".sc-header img")).toHaveAttribute("src", "https://x.test/app.png");
    expect(screen.queryByRole("heading")).toBeNull();
  });

  test("a title without disclosure is itself the truncated heading, full title on hover", () => {
    const title = `Billing ${"x".repeat(200)}`;
    show([], { collapsible: false }, { title });
    const heading = screen.getByRole("heading", { level: 3 });
    expect(heading).toHaveClass("sc-title", "sc-truncate");
    expect(heading).toHaveAttribute("title", title);
  });

  test("the widget title alone still sits in the .sc-header wrapper (its spacing hangs on it)", () => {
    const { container } = show([{ type: "text", label: "Plan", value: "Pro" }]);
    expect(container.querySelector(".sc-header > h3")).toHaveTextContent("App");
  });

  test("a card with an icon but no title shows the icon and is no disclosure target", () => {
    const { container } = show([{ type: "card", header: { icon_url: "https://x.test/card.png" }, components: [{ type: "divider" }] }], {}, {});
    const card = container.querySelector('[data-sidecard-component="card"]')!;
    expect(card.querySelector(".sc-card-header img")).toHaveAttribute("src", "https://x.test/card.png");
    expect(screen.queryByRole("button")).toBeNull();
    expect(card).not.toHaveAttribute("id"); // nothing controls it
  });

  test("an empty payload says there is nothing to show", () => {
    const { container } = show([]);
    expect(container.querySelector('[data-sidecard-state="empty"]')).toHaveTextContent("Nothing to show.");
  });
});

describe("text", () => {
  test("keeps every line of a multi-line value in one element (\\r\\n and \\r become \\n) and the full value on hover", () => {
    const { container } = show([{ type: "text", label: "Address", value: "1 Main St\r\nSpringfield\r\nUSA" }]);
    const values = container.querySelectorAll('[data-sidecard-component="text"] .sc-text');
    expect(values).toHaveLength(1);
    expect(values[0].textContent).toBe("1 Main St\nSpringfield\nUSA");
    expect(values[0]).toHaveAttribute("title", "1 Main St\r\nSpringfield\r\nUSA");
    expect(screen.getByText("Address")).toBeInTheDocument();
  });

  test("payload markup is text, never HTML", () => {
    const { container } = show([{ type: "text", label: "<b>bold</b>", value: "<img src=x onerror=alert(1)><script>alert(2)</script>" }]);
    expect(container.querySelector("img, script, b")).toBeNull();
    expect(screen.getByText("<b>bold</b>")).toBeInTheDocument();
  });
});

describe("date_time", () => {
  const moment = [{ type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" }];

  test("renders <time> with the original value, en-US / UTC by default format", () => {
    const { container } = show(moment);
    const time = container.querySelector("time")!;
    expect(time).toHaveAttribute("datetime", "2024-07-15T12:34:56Z");
    expect(time).toHaveTextContent("Jul 15, 2024, 12:34 PM");
    expect(time.getAttribute("title")).toBe("Monday, July 15, 2024, 12:34:56 PM UTC (UTC+00:00)");
  });

  test("follows timeZone and locale", () => {
    const { container, unmount } = show(moment, { timeZone: "Asia/Kolkata" });
    expect(container.querySelector("time")).toHaveTextContent("Jul 15, 2024, 6:04 PM");
    expect(container.querySelector("time")?.getAttribute("title")).toContain("Asia/Kolkata (UTC+05:30)");
    unmount();
    const german = show(moment, { locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(german.container.querySelector("time")).toHaveTextContent("15.07.2024, 14:34");
  });

  test("dateFormat takes a date-fns pattern", () => {
    const { container } = show(moment, { dateFormat: "yyyy-MM-dd HH:mm:ss", timeZone: "America/Los_Angeles" });
    expect(container.querySelector("time")).toHaveTextContent("2024-07-15 05:34:56");
  });

  test('dateFormat="relative" measures from now', () => {
    const { container } = show(moment, { dateFormat: "relative", now: new Date("2024-07-18T12:00:00Z") });
    expect(container.querySelector("time")).toHaveTextContent("3 days ago");
  });

  test('dateFormat="relative" keeps counting while the widget stays open, on one shared timer', () => {
    vi.useFakeTimers({ now: new Date("2024-07-15T12:35:06Z") }); // 10 seconds after `moment`
    try {
      const first = show(moment, { dateFormat: "relative" });
      const second = show(moment, { dateFormat: "relative" });
      expect(first.container.querySelector("time")).toHaveTextContent("10 seconds ago");
      expect(vi.getTimerCount()).toBe(1);
      act(() => {
        vi.advanceTimersByTime(RELATIVE_TICK_MS * 4); // 130 seconds after `moment`
      });
      expect(first.container.querySelector("time")).toHaveTextContent("2 minutes ago");
      expect(second.container.querySelector("time")).toHaveTextContent("2 minutes ago");
      first.unmount();
      expect(vi.getTimerCount()).toBe(1);
      second.unmount();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test("no timer runs for a pinned `now` or for absolute dates", () => {
    vi.useFakeTimers({ now: new Date("2024-07-15T12:35:06Z") });
    try {
      show(moment, { dateFormat: "relative", now: new Date("2024-07-18T12:00:00Z") });
      show(moment);
      expect(vi.getTimerCount()).toBe(0);
      const payload = { version: "1.0.0", header: {}, components: moment };
      const { rerender } = render(<Widget payload={payload} dateFormat="relative" />);
      expect(vi.getTimerCount()).toBe(1);
      rerender(<Widget payload={payload} dateFormat="relative" now={new Date("2024-07-18T12:00:00Z")} />);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test("a value that is not a date (given to the default component by an override) is shown as written", () => {
    const DateTime = defaultComponents.date_time;
    const { container } = render(<DateTime component={{ type: "date_time", label: "Due", value: "next Tuesday" }} />);
    const time = container.querySelector("time")!;
    expect(time).toHaveTextContent(/^next Tuesday$/);
    expect(time).toHaveAttribute("title", "next Tuesday");
  });

  test("an invalid pattern or zone falls back instead of crashing", () => {
    const { container } = show(moment, { dateFormat: "not a pattern q", timeZone: "Mars/Olympus" });
    expect(container.querySelector("time")).toHaveTextContent("Jul 15, 2024, 12:34 PM");
  });
});

describe("badge", () => {
  test("renders one pill per item with its color in data-color and full value on hover", () => {
    const { container } = show([
      {
        type: "badge",
        label: "Tags",
        items: ["blue", "green", "red", "orange", "gray", "teal"].map((color) => ({ value: `${color} value`, color })),
      },
    ]);
    const pills = [...container.querySelectorAll(".sc-badge")];
    expect(pills.map((p) => p.getAttribute("data-color"))).toEqual(["blue", "green", "red", "orange", "gray", "gray"]);
    expect(pills[0]).toHaveAttribute("title", "blue value");
  });

  test("a color outside the palette given to the default component by an override is drawn gray", () => {
    const Badge = defaultComponents.badge;
    const items = [{ value: "x", color: "teal" as BadgeColor }];
    const { container } = render(<Badge component={{ type: "badge", label: "Tags", items }} />);
    expect(container.querySelector(".sc-badge")).toHaveAttribute("data-color", "gray");
  });

  test("zero items renders the label and no pills", () => {
    const { container } = show([{ type: "badge", label: "Tags", items: [] }]);
    expect(screen.getByText("Tags")).toBeInTheDocument();
    expect(container.querySelectorAll(".sc-badge")).toHaveLength(0);
  });
});

describe("button and link", () => {
  test("open in a new tab with noopener noreferrer", () => {
    show([
      { type: "button", label: "Dashboard", button_type: "link", url: "https://admin.x.test/a" },
      { type: "link", label: "Docs", url: "mailto:help@x.test" },
    ]);
    for (const name of [/Dashboard/, /mailto:help@x\.test/]) {
      const anchor = screen.getByRole("link", { name });
      expect(anchor).toHaveAttribute("target", "_blank");
      expect(anchor).toHaveAttribute("rel", "noopener noreferrer");
    }
    expect(screen.getByRole("link", { name: /Dashboard/ })).toHaveAttribute("href", "https://admin.x.test/a");
    expect(screen.getByRole("link", { name: /Dashboard/ })).toHaveAccessibleName("Dashboard (opens in a new tab)");
    // A link row shows the URL itself as the value (as Pylon does); its label is the row's key.
    expect(screen.getByRole("link", { name: /mailto/ })).toHaveAccessibleName("mailto:help@x.test (opens in a new tab)");
    expect(screen.getByRole("term")).toHaveTextContent("Docs");
  });

  test("allowedUrlSchemes lets a host allow its own scheme", () => {
    show([{ type: "link", label: "Slack", url: "slack://open" }], { allowedUrlSchemes: ["https", "slack"] });
    expect(screen.getByRole("link", { name: /slack:\/\/open/ })).toHaveAttribute("href", "slack://open");
  });

  test("an unsafe URL that reaches the link component renders plain text, not a link", async () => {
    const { Link } = await import("../../src/components/link.js");
    const { container } = render(<Link component={{ type: "link", label: "Evil", url: "java\tscript:alert(1)" }} path="/x" />);
    expect(container.querySelector("a, button")).toBeNull(); // no link and nothing to copy
    expect(container.querySelector("dt")).toHaveTextContent(/^Evil$/);
    expect(container.querySelector("[data-disabled]")?.textContent).toBe("java\tscript:alert(1)");
  });

  test("an override can never make an unsafe href: the default link re-checks the URL", () => {
    const { container } = show([{ type: "link", label: "x", url: "javascript:alert(1)" }], { mode: "isolate" });
    expect(container.querySelector("a")).toBeNull();
  });
});

describe("icons", () => {
  test("decorative, no referrer, lazy, and removed when loading fails", () => {
    const { container } = show([{ type: "text", label: "t", value: "v", icon_url: "https://x.test/i.png" }]);
    const img = container.querySelector("img")!;
    expect(img).toHaveAttribute("alt", "");
    expect(img).toHaveAttribute("referrerpolicy", "no-referrer");
    expect(img).toHaveAttribute("loading", "lazy");
    fireEvent.error(img);
    expect(container.querySelector("img")).toBeNull();
  });

  test("an icon that failed to load shows again when a refresh gives it a new URL", () => {
    const payload = (icon_url: string) => ({ version: "1.0.0", header: {}, components: [{ type: "text", label: "t", value: "v", icon_url }] });
    const { container, rerender } = render(<Widget payload={payload("https://x.test/gone.png")} />);
    fireEvent.error(container.querySelector("img")!);
    rerender(<Widget payload={payload("https://x.test/new.png")} />);
    expect(container.querySelector("img")).toHaveAttribute("src", "https://x.test/new.png");
  });

  test("an unsafe icon URL given to a default component draws no image and breaks nothing", () => {
    const Text = defaultComponents.text;
    const { container } = render(<Text component={{ type: "text", label: "Plan", value: "Pro", icon_url: "javascript:alert(1)" }} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("dd")).toHaveTextContent("Pro");
  });

  // What a browser reports for an image that loaded or failed before React hydrated it (jsdom loads none).
  const imageState = (naturalWidth: number) => {
    vi.spyOn(HTMLImageElement.prototype, "complete", "get").mockReturnValue(true);
    vi.spyOn(HTMLImageElement.prototype, "naturalWidth", "get").mockReturnValue(naturalWidth);
  };
  const withIcon = [{ type: "text", label: "t", value: "v", icon_url: "https://x.test/i.png" }];

  test("an icon whose image had already failed when it mounted is removed", () => {
    imageState(0);
    try {
      expect(show(withIcon).container.querySelector("img")).toBeNull();
    } finally {
      vi.restoreAllMocks();
    }
  });

  test("an icon whose image had already loaded when it mounted stays", () => {
    imageState(16);
    try {
      expect(show(withIcon).container.querySelector("img")).toHaveAttribute("src", "https://x.test/i.png");
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("theme", () => {
  test.each(["light", "dark", "auto"] as const)("theme=%s is exposed as data-theme on the root", (theme) => {
    const { container } = show([], { theme });
    expect(container.firstElementChild).toHaveAttribute("data-theme", theme);
  });

  test("without theme the root has no data-theme, so an ancestor's applies", () => {
    const { container } = show([]);
    expect(container.firstElementChild).not.toHaveAttribute("data-theme");
  });
});

describe("the exported defaultComponents", () => {
  // What a host wraps in its own override: each reads the widget's settings from context and
  // draws the same as the widget's own entry.
  test.each([
    ["text", { type: "text", label: "Plan", value: "Pro" }, "Pro"],
    ["date_time", { type: "date_time", label: "Since", value: "2024-07-15T12:34:56Z" }, "Jul 15, 2024, 12:34 PM"],
    ["badge", { type: "badge", label: "Tags", items: [{ value: "VIP", color: "blue" }] }, "VIP"],
    ["button", { type: "button", label: "Open", button_type: "link", url: "https://x.test/" }, "Open"],
    ["link", { type: "link", label: "Home", url: "https://x.test/" }, "https://x.test/"],
  ] as const)("%s, wrapped by a host override, draws like the widget's own", (type, component, shown) => {
    const Default = defaultComponents[type] as (props: { component: typeof component; path: string }) => React.ReactNode;
    const Wrapped = (props: { component: typeof component; path: string }) => (
      <div data-testid="host-wrapper">
        <Default {...props} />
      </div>
    );
    const payload = { version: "1.0.0", header: {}, components: [component] };
    const own = render(<Widget locale="en-US" timeZone="UTC" payload={payload} />).container.querySelector(`[data-sidecard-component="${type}"]`)!.outerHTML;
    render(<Widget locale="en-US" timeZone="UTC" payload={payload} components={{ [type]: Wrapped }} />);
    const wrapped = screen.getByTestId("host-wrapper").firstElementChild!;
    expect(wrapped).toHaveTextContent(shown);
    expect(wrapped.outerHTML).toBe(own);
  });
});
