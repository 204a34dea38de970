import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { cardOf, widgetOf } from "../story-payloads.js";
import { expectNoUnsafeHref, UNSAFE_URLS } from "../url-cases.js";

const meta = {
  title: "Components/Link",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`link`: a row whose key is the label and whose value is the URL itself, underlined and cut with an ellipsis, followed by a copy button (Clipboard API; \"Copied\" shown and announced). Opens in a new tab with `rel=\"noopener noreferrer\"`; an unsafe URL never reaches an `href` and has nothing to copy.",
      },
    },
  },
  args: { payload: widgetOf("Link", { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" }) },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Alone: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", { name: /crm\.example\.com\/accounts\/42/ });
    await expect(link).toHaveAttribute("href", "https://crm.example.com/accounts/42");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  },
};

export const InCard: Story = {
  args: {
    payload: cardOf(
      "Link",
      "Related",
      { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" },
      { type: "link", label: "Open runbook", url: "https://wiki.example.com/runbooks/exports" },
      { type: "link", label: "Email owner", url: "mailto:owner@example.com" },
    ),
  },
};

export const Copy: Story = {
  name: "Copy the URL",
  play: async ({ canvasElement }) => {
    const writes: string[] = [];
    const original = Object.getOwnPropertyDescriptor(navigator, "clipboard");
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: (text: string) => Promise.resolve(void writes.push(text)) } });
    try {
      await userEvent.click(within(canvasElement).getByRole("button", { name: "Copy link" }));
      await expect(writes).toEqual(["https://crm.example.com/accounts/42"]);
      await waitFor(() => expect(within(canvasElement).getByRole("status")).toHaveTextContent("Copied"));
    } finally {
      if (original) Object.defineProperty(navigator, "clipboard", original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  },
};

export const LongLabel: Story = {
  name: "Long label and URL (ellipsis)",
  args: {
    payload: widgetOf("Link", {
      type: "link",
      label: "Read the full incident post-mortem for the 2024-07-12 export outage on the engineering wiki",
      url: "https://wiki.example.com/incidents/2024-07-12-export-outage",
    }),
  },
  play: async ({ canvasElement }) => {
    const label = canvasElement.querySelector<HTMLElement>(".sc-link.sc-truncate")!;
    await expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
  },
};

const unsafe = widgetOf(
  "Link",
  { type: "link", label: "Safe: view in CRM", url: "https://crm.example.com/accounts/42" },
  ...UNSAFE_URLS.map((url, index) => ({ type: "link", label: `Unsafe ${index + 1}`, url })),
);

export const UnsafeUrlStrict: Story = {
  name: "Unsafe URL, javascript: (strict)",
  args: { payload: unsafe, mode: "strict" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toBeVisible();
    await expectNoUnsafeHref(canvasElement);
  },
};

export const UnsafeUrlIsolate: Story = {
  name: "Unsafe URL, javascript: (isolate)",
  args: { payload: unsafe, mode: "isolate" },
  play: async ({ canvasElement }) => {
    await expectNoUnsafeHref(canvasElement);
    await expect(within(canvasElement).getByRole("link", { name: /crm\.example\.com\/accounts\/42/ })).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-sidecard-invalid="link"]')).toHaveLength(UNSAFE_URLS.length);
  },
};

export const InvalidUrlIsolate: Story = {
  name: "Relative and empty URL (isolate)",
  args: {
    mode: "isolate",
    payload: widgetOf(
      "Link",
      { type: "link", label: "Relative", url: "accounts/42" },
      { type: "link", label: "Empty", url: "" },
      { type: "link", label: "Fine", url: "https://example.com/" },
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-sidecard-invalid="link"]')).toHaveLength(2);
    await expect(canvasElement.querySelectorAll("a")).toHaveLength(1);
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { ...LongLabel.args },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { ...InCard.args },
};
