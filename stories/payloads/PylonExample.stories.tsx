import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import payload from "./pylon-example.json";
import { expectCleanPayload } from "./payload-story.js";

const meta = {
  title: "Payloads/Account Details (Pylon example)",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: { docs: { description: { component: "The shape of Pylon's own example response: one card with text, date_time, badge, divider, link and button. The header icon points at a host that cannot be reached here, so it is hidden." } } },
  args: { payload },
} satisfies Meta<typeof StoryWidget>;
export default meta;
type PayloadStory = StoryObj<typeof meta>;

export const AccountDetails: PayloadStory = {
  name: "Account Details",
  play: async ({ canvasElement }) => {
    await expectCleanPayload(payload, canvasElement);
    for (const type of ["card", "text", "date_time", "badge", "divider", "link", "button"]) {
      await expect(canvasElement.querySelector(`[data-sidecard-component="${type}"]`)).not.toBeNull();
    }
    await expect(within(canvasElement).getByRole("heading", { name: "Account Details" })).toBeVisible();
  },
};

export const Narrow: PayloadStory = { name: "280 px sidebar", globals: { sidebarWidth: "280" } };
export const Dark: PayloadStory = { name: "Dark theme", globals: { theme: "dark" } };
