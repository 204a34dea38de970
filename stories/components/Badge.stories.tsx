import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, waitFor } from "storybook/test";
import { BADGE_COLORS } from "../../src/index.js";
import { StoryWidget } from "../story-widget.js";
import { cardOf, widgetOf } from "../story-payloads.js";

const meta = {
  title: "Components/Badge",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`badge`: a row: the label, then small tinted rectangles (semibold text) that wrap onto further lines; at most `limits.maxBadgeItems` (default 50), then \"+N more\". Colors: blue, green, red, orange, gray (exposed as `data-color`); an unknown color renders gray with a warning. A long pill is cut with an ellipsis and shows its full value on hover.",
      },
    },
  },
  args: { payload: widgetOf("Badge", { type: "badge", label: "Status", items: [{ value: "Active", color: "green" }] }) },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const everyColor = { type: "badge", label: "Every color", items: BADGE_COLORS.map((color) => ({ value: color, color })) };

export const Alone: Story = {};

export const InCard: Story = {
  args: {
    payload: cardOf(
      "Badge",
      "Customer",
      { type: "badge", label: "Plan", items: [{ value: "Enterprise", color: "blue" }] },
      { type: "badge", label: "Health", items: [{ value: "At risk", color: "orange" }, { value: "Churn signal", color: "red" }] },
    ),
  },
};

export const EveryColor: Story = {
  name: "Every color",
  args: { payload: widgetOf("Badge", everyColor) },
  play: async ({ canvasElement }) => {
    const colors = [...canvasElement.querySelectorAll(".sc-badge")].map((pill) => pill.getAttribute("data-color"));
    await expect(colors).toEqual([...BADGE_COLORS]);
  },
};

export const EveryColorDark: Story = {
  name: "Every color (dark theme)",
  globals: { theme: "dark" },
  args: { payload: widgetOf("Badge", everyColor) },
};

export const UnknownColor: Story = {
  name: "Unknown color (renders gray, warning)",
  args: {
    onDiagnostics: fn(),
    payload: widgetOf("Badge", {
      type: "badge",
      label: "Tier",
      items: [
        { value: "Purple", color: "purple" },
        { value: "No color" },
        { value: "Upper-case BLUE", color: "BLUE" },
      ],
    }),
  },
  play: async ({ args, canvasElement }) => {
    const colors = [...canvasElement.querySelectorAll(".sc-badge")].map((pill) => pill.getAttribute("data-color"));
    await expect(colors).toEqual(["gray", "gray", "gray"]);
    // Warnings never block rendering, and the host hears about each one.
    await waitFor(() => expect(args.onDiagnostics).toHaveBeenCalledTimes(1));
    const diagnostics = (args.onDiagnostics as ReturnType<typeof fn>).mock.calls[0][0] as { code: string; severity: string }[];
    await expect(diagnostics.filter((d) => d.code === "unknown_color")).toHaveLength(3);
    await expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
  },
};

export const ZeroItems: Story = {
  name: "Zero items",
  args: { payload: widgetOf("Badge", { type: "badge", label: "Tags", items: [] }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-sidecard-component="badge"]')).toHaveTextContent("Tags");
    await expect(canvasElement.querySelectorAll(".sc-badge")).toHaveLength(0);
  },
};

const manyItems = [
  "SSO", "SCIM", "Audit log", "EU region", "Beta: AI triage", "Priority support", "Custom roles", "API v2", "Webhooks",
  "Data export", "Sandbox", "HIPAA", "SOC 2", "99.99% SLA", "Dedicated CSM", "Annual", "Net 60", "Reseller", "Pilot",
  "Multi-brand", "Slack Connect", "Teams", "Zendesk import", "Legacy UI",
];

export const ManyItems: Story = {
  name: "Many items (wrap)",
  args: {
    payload: widgetOf("Badge", {
      type: "badge",
      label: "Entitlements",
      items: manyItems.map((value, index) => ({ value, color: BADGE_COLORS[index % BADGE_COLORS.length] })),
    }),
  },
};

const longItem = "Enterprise Plus with Premium Support, Dedicated Success Manager and 24/7 Phone Line";

export const TooManyItems: Story = {
  name: "Too many items (limits.maxBadgeItems)",
  args: {
    payload: widgetOf("Badge", { type: "badge", label: "Tags", items: Array.from({ length: 300 }, (_, i) => ({ value: `tag-${i + 1}`, color: "gray" })) }),
    limits: { maxBadgeItems: 8 },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll(".sc-badge")).toHaveLength(8);
    await expect(canvasElement.querySelector(".sc-badges > .sc-more")).toHaveTextContent("+292 more");
  },
};

export const LongItems: Story = {
  name: "Long items (ellipsis)",
  args: {
    payload: widgetOf("Badge", {
      type: "badge",
      label: "Plan",
      items: [
        { value: longItem, color: "blue" },
        { value: "short", color: "green" },
        { value: "organization-7f3c2a1e-9b8d-4e6f-a5c4-3b2a1f0e9d8c-legacy-migrated", color: "gray" },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const pill = canvasElement.querySelector<HTMLElement>(".sc-badge")!;
    await expect(pill.scrollWidth).toBeGreaterThan(pill.clientWidth);
    await expect(pill).toHaveAttribute("title", longItem);
    await expect(pill.getBoundingClientRect().right).toBeLessThanOrEqual(canvasElement.querySelector(".sc-widget")!.getBoundingClientRect().right);
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: {
    payload: cardOf(
      "Badge",
      "Customer",
      { type: "badge", label: "Plan", items: [{ value: longItem, color: "blue" }] },
      { type: "badge", label: "Entitlements", items: manyItems.slice(0, 12).map((value, index) => ({ value, color: BADGE_COLORS[index % 5] })) },
    ),
  },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { ...InCard.args },
};
