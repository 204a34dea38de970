import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { ICON_BROKEN_DATA, ICON_OK, ICON_UNREACHABLE } from "../story-payloads.js";

const meta = {
  title: "Components/Header",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "The widget's own header (`header`: optional `title` and `icon_url`). The title is a heading (level from `headingLevel`, default 3) and names the widget's region; a long title is cut with an ellipsis. An icon that fails to load is hidden; an `icon_url` that is not http(s) or `data:image/…` is left out with a warning.",
      },
    },
  },
  args: {
    payload: {
      version: "1.0.0",
      header: { title: "Account Health", icon_url: ICON_OK },
      components: [{ type: "text", label: "Score", value: "82 / 100" }],
    },
  },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const body = [{ type: "text", label: "Score", value: "82 / 100" }];

export const TitleAndIcon: Story = {
  name: "Title and icon",
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("region", { name: "Account Health" })).toBeVisible();
    const icon = canvasElement.querySelector("img.sc-icon")!;
    await expect(icon).toHaveAttribute("alt", "");
    await expect(icon).toHaveAttribute("referrerpolicy", "no-referrer");
    await expect(icon).toHaveAttribute("loading", "lazy");
  },
};

export const TitleOnly: Story = {
  name: "Title only",
  args: { payload: { version: "1.0.0", header: { title: "Account Health" }, components: body } },
};

export const IconOnly: Story = {
  name: "Icon only",
  args: { payload: { version: "1.0.0", header: { icon_url: ICON_OK }, components: body } },
};

export const NoHeader: Story = {
  name: "No header (warning)",
  args: { payload: { version: "1.0.0", components: body } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("heading")).toBeNull();
    // Without a title (or a `label` prop) the root is an unnamed section, not a landmark.
    await expect(within(canvasElement).queryByRole("region")).toBeNull();
    await expect(canvasElement.querySelector('[data-sidecard="widget"]')).toBeVisible();
  },
};

export const NamedByLabel: Story = {
  name: "Region named by the label prop",
  args: { label: "Stripe billing", payload: { version: "1.0.0", header: { title: "Billing" }, components: body } },
  play: async ({ canvasElement }) => {
    // `label` (e.g. the app's name) names the region; the title stays the visible heading.
    await expect(within(canvasElement).getByRole("region", { name: "Stripe billing" })).toBeVisible();
    await expect(within(canvasElement).getByRole("heading", { name: "Billing" })).toBeVisible();
  },
};

export const BlankTitles: Story = {
  name: "Blank titles are no titles",
  parameters: {
    docs: {
      description: {
        story:
          "A title that is empty or only white space gives no heading, no disclosure button and no region name, for the widget and for its cards alike (an empty heading and an unnamed button are what a screen reader would otherwise meet). An icon beside it stays.",
      },
    },
  },
  args: {
    payload: {
      version: "1.0.0",
      header: { title: "   ", icon_url: ICON_OK },
      components: [{ type: "card", header: { title: "" }, components: body }],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("h1, h2, h3, h4, h5, h6")).toHaveLength(0);
    await expect(within(canvasElement).queryAllByRole("button")).toHaveLength(0);
    await expect(canvasElement.querySelector("img.sc-icon")).not.toBeNull();
    await expect(canvasElement).toHaveTextContent("82 / 100");
  },
};

export const LongTitle: Story = {
  name: "Long title (ellipsis)",
  args: {
    payload: {
      version: "1.0.0",
      header: { title: "Customer Success Overview for Enterprise Accounts in the EMEA Region", icon_url: ICON_OK },
      components: body,
    },
  },
  play: async ({ canvasElement }) => {
    const title = canvasElement.querySelector<HTMLElement>(".sc-header .sc-title .sc-truncate")!;
    await expect(title.scrollWidth).toBeGreaterThan(title.clientWidth);
  },
};

export const IconFailsToLoad: Story = {
  name: "Icons that fail to load",
  args: {
    payload: {
      version: "1.0.0",
      header: { title: "Account Health", icon_url: ICON_BROKEN_DATA },
      components: [
        { type: "card", header: { title: "Unreachable icon", icon_url: ICON_UNREACHABLE }, components: [{ type: "text", label: "Score", value: "82 / 100", icon_url: ICON_BROKEN_DATA }] },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    // Each failed image is removed; titles and labels stay.
    await waitFor(() => expect(canvasElement.querySelectorAll("img")).toHaveLength(0), { timeout: 5000 });
    await expect(within(canvasElement).getByRole("heading", { name: "Account Health" })).toBeVisible();
  },
};

export const UnsafeIconUrl: Story = {
  name: "Icon URL that is not an image URL (warning, left out)",
  args: {
    payload: {
      version: "1.0.0",
      header: { title: "Account Health", icon_url: "javascript:alert(1)" },
      components: [{ type: "text", label: "Score", value: "82 / 100", icon_url: "data:text/html,<script>alert(1)</script>" }],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("img")).toHaveLength(0);
    await expect(within(canvasElement).getByRole("heading", { name: "Account Health" })).toBeVisible();
  },
};

export const HeadingLevel: Story = {
  name: "headingLevel 2",
  args: { headingLevel: 2 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("heading", { level: 2 })).toHaveTextContent("Account Health");
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { ...LongTitle.args },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
};
