import type { Meta, StoryObj } from "@storybook/react-vite";
import { StoryWidget } from "../story-widget.js";
import payload from "./internal-dashboards.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Internal dashboards",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "Links to the company's internal tools for this account: admin console, Grafana and Looker dashboards, feature flags, runbooks, mailto: and tel: links." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const Default: PayloadStory = {
  name: "Internal dashboards",
  play: async ({ canvasElement }) => expectCleanPayload(payload, canvasElement),
};

export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
