import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import payload from "./debug-info.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Debug info",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "What support engineers look up first: user and workspace IDs, region, client version, roles and feature flags, with links to the logs and a read-only impersonation." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const Default: PayloadStory = {
  name: "Debug info",
  play: async ({ canvasElement }) => expectCleanPayload(payload, canvasElement),
};

export const Relative: PayloadStory = { name: "Relative dates", args: { dateFormat: "relative" } };
export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
