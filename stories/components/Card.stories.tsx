import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { ICON_OK, widgetOf } from "../story-payloads.js";

const meta = {
  title: "Components/Card",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`card`: a white box with a light border grouping related components under an optional header (icon and bold title; the title is a heading one level below the widget's). A titled card collapses with the chevron after its title (a disclosure button; `collapsible={false}` turns it off); collapsed content leaves the DOM, and the state survives refreshes of the same payload shape. Cards may stand beside plain components; they do not nest.",
      },
    },
  },
  args: {
    payload: widgetOf("Card", {
      type: "card",
      header: { title: "Account", icon_url: ICON_OK },
      components: [
        { type: "text", label: "Plan", value: "Enterprise" },
        { type: "badge", label: "Status", items: [{ value: "Active", color: "green" }] },
      ],
    }),
  },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithHeader: Story = {
  name: "With header and icon",
  play: async ({ canvasElement }) => {
    // Widget title h3 (default headingLevel), card title one level below.
    await expect(within(canvasElement).getByRole("heading", { level: 3, name: "Card" })).toBeVisible();
    await expect(within(canvasElement).getByRole("heading", { level: 4, name: "Account" })).toBeVisible();
  },
};

export const WithoutHeader: Story = {
  name: "Without header",
  args: { payload: widgetOf("Card", { type: "card", components: [{ type: "text", label: "Plan", value: "Enterprise" }] }) },
};

export const Empty: Story = {
  name: "Zero components",
  args: { payload: widgetOf("Card", { type: "card", header: { title: "Nothing here yet" }, components: [] }) },
};

export const EveryComponent: Story = {
  name: "Every component type",
  args: {
    payload: widgetOf("Card", {
      type: "card",
      header: { title: "Account Details", icon_url: ICON_OK },
      components: [
        { type: "text", label: "Account ID", value: "acc_8f2b1c" },
        { type: "date_time", label: "Customer since", value: "2021-03-04T09:00:00Z" },
        { type: "badge", label: "Plan", items: [{ value: "Enterprise", color: "blue" }, { value: "Annual", color: "gray" }] },
        { type: "divider" },
        { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/acc_8f2b1c" },
        { type: "button", label: "Open admin", button_type: "link", url: "https://admin.example.com/accounts/acc_8f2b1c" },
      ],
    }),
  },
};

export const SeveralCards: Story = {
  name: "Several cards beside plain components",
  args: {
    payload: widgetOf(
      "Card",
      { type: "text", label: "Requester", value: "jane.doe@example.com" },
      { type: "card", header: { title: "Billing" }, components: [{ type: "text", label: "MRR", value: "$4,200" }] },
      { type: "card", header: { title: "Usage" }, components: [{ type: "text", label: "Seats", value: "48 / 50" }] },
      { type: "link", label: "All accounts", url: "https://admin.example.com/accounts" },
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll('[data-sidecard-component="card"]')).toHaveLength(2);
  },
};

export const LongTitle: Story = {
  name: "Long title (ellipsis)",
  args: {
    payload: widgetOf("Card", {
      type: "card",
      header: { title: "Subscription, invoices, payment methods and dunning status for this workspace", icon_url: ICON_OK },
      components: [{ type: "text", label: "Plan", value: "Enterprise" }],
    }),
  },
  play: async ({ canvasElement }) => {
    const title = canvasElement.querySelector<HTMLElement>(".sc-card-header .sc-title .sc-truncate")!;
    await expect(title.scrollWidth).toBeGreaterThan(title.clientWidth);
    await expect(title).toHaveAttribute("title", "Subscription, invoices, payment methods and dunning status for this workspace");
  },
};

export const HeadingLevel: Story = {
  name: "headingLevel 2",
  args: { headingLevel: 2 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("heading", { level: 3, name: "Account" })).toBeVisible();
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { ...EveryComponent.args },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { ...EveryComponent.args },
};

export const Collapse: Story = {
  name: "Collapse and expand (keyboard)",
  play: async ({ canvasElement }) => {
    const toggle = within(canvasElement).getByRole("button", { name: "Account" });
    toggle.focus();
    await userEvent.keyboard("{Enter}");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(canvasElement.querySelector('[data-sidecard-component="text"]')).toBeNull();
    await userEvent.keyboard(" ");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(canvasElement.querySelector('[data-sidecard-component="text"]')).not.toBeNull();
  },
};

export const NotCollapsible: Story = {
  name: "collapsible={false}",
  args: { collapsible: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("button")).toBeNull();
  },
};

export const Stacked: Story = {
  name: 'layout="stacked"',
  args: { layout: "stacked" },
};
