import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import payload from "./billing.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Billing (Stripe-like)",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "Live data from a billing provider: subscription, MRR, a past-due status, the failed latest invoice and its retry date, with a button to the customer in the billing dashboard." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const Default: PayloadStory = {
  name: "Billing (Stripe-like)",
  play: async ({ canvasElement }) => expectCleanPayload(payload, canvasElement),
};

export const Relative: PayloadStory = { name: "Relative dates", args: { dateFormat: "relative" } };
export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
