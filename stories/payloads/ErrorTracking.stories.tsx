import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import payload from "./error-tracking.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Error tracking (Sentry-like)",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "Live data from an error tracker: the requester's recent issues as cards, with level and status badges, counts, first and last seen, and links to each issue. Long exception titles are cut with an ellipsis." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const Default: PayloadStory = {
  name: "Error tracking (Sentry-like)",
  play: async ({ canvasElement }) => expectCleanPayload(payload, canvasElement),
};

export const Relative: PayloadStory = { name: "Relative dates", args: { dateFormat: "relative" } };
export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
