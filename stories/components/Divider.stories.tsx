import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { cardOf, widgetOf } from "../story-payloads.js";

const meta = {
  title: "Components/Divider",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "`divider`: a horizontal rule (`<hr>`) between components." } } },
  args: {
    payload: widgetOf(
      "Divider",
      { type: "text", label: "Above", value: "Account details" },
      { type: "divider" },
      { type: "text", label: "Below", value: "Billing details" },
    ),
  },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Alone: Story = {
  args: { payload: widgetOf("Divider", { type: "divider" }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('hr[data-sidecard-component="divider"]')).not.toBeNull();
  },
};

export const BetweenComponents: Story = {
  name: "Between components",
};

export const InCard: Story = {
  args: {
    payload: cardOf(
      "Divider",
      "Account",
      { type: "text", label: "Plan", value: "Enterprise" },
      { type: "divider" },
      { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" },
    ),
  },
};

export const ExtraProperties: Story = {
  name: "Unknown properties are ignored",
  args: { payload: widgetOf("Divider", { type: "divider", style: "dashed", color: "red" }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("hr")).not.toHaveAttribute("style");
  },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { ...InCard.args },
};
