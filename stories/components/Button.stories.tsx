import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { cardOf, widgetOf } from "../story-payloads.js";
import { expectNoUnsafeHref, UNSAFE_URLS } from "../url-cases.js";

const meta = {
  title: "Components/Button",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`button`: an `<a>` styled as a full-width outlined button, label centred, then an external-link mark (`button_type` must be `\"link\"`), e.g. to an admin dashboard. Opens in a new tab with `rel=\"noopener noreferrer\"`; a long label is cut with an ellipsis; an unsafe URL never reaches an `href`.",
      },
    },
  },
  args: {
    payload: widgetOf("Button", { type: "button", label: "Open in admin", button_type: "link", url: "https://admin.example.com/accounts/acc_42" }),
  },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Alone: Story = {
  play: async ({ canvasElement }) => {
    const link = within(canvasElement).getByRole("link", { name: /Open in admin/ });
    await expect(link).toHaveAttribute("href", "https://admin.example.com/accounts/acc_42");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    await expect(link).toHaveAccessibleName("Open in admin (opens in a new tab)");
  },
};

export const InCard: Story = {
  args: {
    payload: cardOf(
      "Button",
      "Admin",
      { type: "text", label: "Account", value: "acc_42" },
      { type: "button", label: "Open in admin", button_type: "link", url: "https://admin.example.com/accounts/acc_42" },
    ),
  },
};

export const LongLabel: Story = {
  name: "Long label (ellipsis)",
  args: {
    payload: widgetOf("Button", {
      type: "button",
      label: "Open this customer's full billing history and invoices in the finance dashboard",
      button_type: "link",
      url: "https://finance.example.com/customers/cus_42/invoices",
    }),
  },
  play: async ({ canvasElement }) => {
    const button = canvasElement.querySelector<HTMLElement>(".sc-button")!;
    const widget = canvasElement.querySelector<HTMLElement>(".sc-widget")!;
    await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(widget.getBoundingClientRect().right);
    const label = button.querySelector<HTMLElement>(".sc-truncate")!;
    await expect(label.scrollWidth).toBeGreaterThan(label.clientWidth);
  },
};

export const MailtoAndTel: Story = {
  name: "mailto: and tel:",
  args: {
    payload: widgetOf(
      "Button",
      { type: "button", label: "Email the account owner", button_type: "link", url: "mailto:owner@example.com?subject=Ticket%20%2342" },
      { type: "button", label: "Call support line", button_type: "link", url: "tel:+1-555-0100" },
    ),
  },
};

const unsafe = widgetOf(
  "Button",
  { type: "button", label: "Safe: open dashboard", button_type: "link", url: "https://dashboard.example.com" },
  ...UNSAFE_URLS.map((url, index) => ({ type: "button", label: `Unsafe ${index + 1}`, button_type: "link", url })),
);

export const UnsafeUrlStrict: Story = {
  name: "Unsafe URL, javascript: (strict)",
  args: { payload: unsafe, mode: "strict" },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent("/components/1/url");
    await expectNoUnsafeHref(canvasElement);
  },
};

export const UnsafeUrlIsolate: Story = {
  name: "Unsafe URL, javascript: (isolate)",
  args: { payload: unsafe, mode: "isolate" },
  play: async ({ canvasElement }) => {
    await expectNoUnsafeHref(canvasElement);
    // The safe sibling still renders; each unsafe one is an inline error in its place.
    await expect(within(canvasElement).getByRole("link", { name: /Safe: open dashboard/ })).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-sidecard-invalid="button"]')).toHaveLength(UNSAFE_URLS.length);
  },
};

export const InvalidFieldsIsolate: Story = {
  name: "Relative URL and wrong button_type (isolate)",
  args: {
    mode: "isolate",
    payload: widgetOf(
      "Button",
      { type: "button", label: "Relative", button_type: "link", url: "/admin/accounts/42" },
      { type: "button", label: "Protocol-relative", button_type: "link", url: "//evil.example.com" },
      { type: "button", label: "Submit", button_type: "submit", url: "https://example.com" },
      { type: "button", label: "No URL", button_type: "link" },
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-sidecard-invalid="button"]')).toHaveLength(4);
    await expect(canvasElement.querySelectorAll("a")).toHaveLength(0);
  },
};

export const CustomSchemes: Story = {
  name: "Host-allowed scheme (allowedUrlSchemes)",
  args: {
    allowedUrlSchemes: ["https", "slack"],
    payload: widgetOf("Button", { type: "button", label: "Open Slack channel", button_type: "link", url: "slack://channel?team=T0001&id=C0002" }),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("link")).toHaveAttribute("href", "slack://channel?team=T0001&id=C0002");
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
