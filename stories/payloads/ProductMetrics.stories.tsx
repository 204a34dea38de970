import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import payload from "./product-metrics.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Product metrics",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "Usage numbers for the account (active users, seats, API calls, storage), feature adoption and a link to the usage dashboard." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const Default: PayloadStory = {
  name: "Product metrics",
  play: async ({ canvasElement }) => expectCleanPayload(payload, canvasElement),
};

export const Relative: PayloadStory = { name: "Relative dates", args: { dateFormat: "relative" } };
export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
