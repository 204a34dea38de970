import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { cardOf, ICON_BROKEN_DATA, ICON_OK, widgetOf } from "../story-payloads.js";

const meta = {
  title: "Components/Text",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "`text`: a row of label | value (stacked below 300 px of widget width). The value is one element: each line keeps its break and is cut with an ellipsis; at most `limits.maxTextLines` lines (default 50), then \"+N more lines\"; the full value is on hover." } } },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const plan = { type: "text", label: "Plan", value: "Enterprise (annual)" };

export const Alone: Story = {
  args: { payload: widgetOf("Text", plan) },
};

export const InCard: Story = {
  args: { payload: cardOf("Text", "Subscription", plan, { type: "text", label: "Seats", value: "48 of 50 used" }) },
};

export const WithIcon: Story = {
  args: { payload: widgetOf("Text", { ...plan, icon_url: ICON_OK }) },
};

export const BrokenIcon: Story = {
  name: "Icon that fails to load",
  args: { payload: widgetOf("Text", { ...plan, icon_url: ICON_BROKEN_DATA }) },
  play: async ({ canvasElement }) => {
    // The failed image is removed; the label stays.
    await waitFor(() => expect(canvasElement.querySelector("img.sc-icon")).toBeNull());
    await expect(canvasElement.querySelector('[data-sidecard-component="text"]')).toHaveTextContent("Plan");
  },
};

const longValue =
  "Customer reports that exports of more than 10,000 rows time out after 30 seconds on the EU cluster, see ticket thread for the full stack trace and HAR file";

export const LongValue: Story = {
  name: "Long value (ellipsis)",
  args: { payload: widgetOf("Text", { type: "text", label: "Last error", value: longValue }) },
  play: async ({ canvasElement }) => {
    const value = canvasElement.querySelector<HTMLElement>(".sc-text")!;
    // Cut with an ellipsis, not wrapped, not scrolled; the full text stays in the DOM and the title.
    await expect(value.scrollWidth).toBeGreaterThan(value.clientWidth);
    await expect(getComputedStyle(value).textOverflow).toBe("ellipsis");
    await expect(value).toHaveAttribute("title", longValue);
    await expect(value).toHaveTextContent(longValue);
  },
};

export const LongLabel: Story = {
  name: "Long label",
  args: {
    payload: widgetOf("Text", {
      type: "text",
      label: "Primary contact for billing questions and renewal negotiations in the EMEA region",
      value: "jane.doe@example.com",
    }),
  },
};

export const MultiLine: Story = {
  name: "Multi-line value",
  args: {
    payload: widgetOf("Text", {
      type: "text",
      label: "Shipping address",
      value: "Acme Corporation\nAttn: Accounts Payable, Building 7, Floor 3, Room 301 (ask at reception)\n\n1234 Market Street\nSan Francisco, CA 94103",
    }),
  },
  play: async ({ canvasElement }) => {
    // One element; each line keeps its break, the empty line its place.
    const values = canvasElement.querySelectorAll(".sc-text");
    await expect(values).toHaveLength(1);
    const lines = values[0].textContent.split("\n");
    await expect(lines).toHaveLength(5);
    await expect(lines[0]).toBe("Acme Corporation");
    const lineHeight = Number.parseFloat(getComputedStyle(values[0]).lineHeight);
    await expect(values[0].getBoundingClientRect().height).toBeCloseTo(5 * lineHeight, 0);
  },
};

export const ManyLines: Story = {
  name: "Many lines (limits.maxTextLines)",
  args: {
    payload: widgetOf("Text", { type: "text", label: "Log", value: Array.from({ length: 500 }, (_, i) => `line ${i + 1}`).join("\n") }),
    limits: { maxTextLines: 5 },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sc-text")!.firstChild!.textContent!.split("\n")).toHaveLength(5);
    await expect(canvasElement.querySelector(".sc-more")).toHaveTextContent("+495 more lines");
  },
};

export const LongUnbrokenToken: Story = {
  name: "Long unbroken token",
  args: {
    payload: widgetOf("Text", {
      type: "text",
      label: "Trace ID",
      value: "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-deadbeefcafebabe0123456789abcdef",
    }),
  },
};

export const EmptyValue: Story = {
  name: "Empty value",
  args: { payload: widgetOf("Text", { type: "text", label: "Notes", value: "" }) },
};

export const MarkupIsText: Story = {
  name: "Markup stays text",
  args: { payload: widgetOf("Text", { type: "text", label: "Company", value: '<img src=x onerror="alert(1)"><b>Acme</b>' }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("dd b, dd img")).toBeNull();
    await expect(canvasElement.querySelector("dd.sc-text")).toHaveTextContent('<img src=x onerror="alert(1)"><b>Acme</b>');
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { payload: cardOf("Text", "Subscription", { type: "text", label: "Last error", value: longValue }, plan) },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { payload: cardOf("Text", "Subscription", plan, { type: "text", label: "Shipping address", value: "1234 Market Street\nSan Francisco, CA 94103" }) },
};
