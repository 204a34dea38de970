import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { expectedOverrideErrors, forThrowingOverride, manyProblems, nestedCard, THROWING_OVERRIDE_MESSAGE, ThrowingBadge, unknownType } from "./mode-payloads.js";

const meta = {
  title: "Modes/Strict",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`mode=\"strict\"` (the default, Pylon's behaviour): any error-severity diagnostic replaces the whole widget with the error state (`role=\"alert\"`, `data-sidecard-state=\"error\"`), listing each diagnostic's path and message (the first 20, then how many more). Compare with Modes/Isolate.",
      },
    },
  },
  args: { mode: "strict", payload: unknownType },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectErrorState(canvasElement: HTMLElement, paths: string[]) {
  const alert = within(canvasElement).getByRole("alert");
  await expect(alert).toHaveAttribute("data-sidecard-state", "error");
  for (const path of paths) await expect(alert).toHaveTextContent(path);
  // No content renders beside the error state.
  await expect(canvasElement.querySelector("[data-sidecard-component]")).toBeNull();
}

export const UnknownType: Story = {
  name: "Unknown type",
  play: async ({ canvasElement }) => expectErrorState(canvasElement, ["/components/1/type", "/components/3/type"]),
};

export const NestedCard: Story = {
  name: "Nested card",
  args: { payload: nestedCard },
  play: async ({ canvasElement }) => expectErrorState(canvasElement, ["/components/0/components/1"]),
};

export const SeveralProblems: Story = {
  name: "Several problems, all reported",
  args: { payload: manyProblems },
  play: async ({ canvasElement }) =>
    expectErrorState(canvasElement, ["/components/1/label", "/components/2/items", "/components/3/value", "/components/4/url"]),
};

export const ThousandsOfProblems: Story = {
  name: "Thousands of problems, the first 20 listed",
  parameters: {
    docs: {
      description: {
        story:
          "A badge of 5,000 items with no `value` is 5,000 errors. The error state lists the first 20 and says how many more there are, so a hostile answer cannot make the page build thousands of list items; `onDiagnostics` still receives every one.",
      },
    },
  },
  args: { payload: { version: "1.0.0", header: {}, components: [{ type: "badge", label: "Tags", items: Array.from({ length: 5000 }, () => ({ color: "red" })) }] } },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert.querySelectorAll(".sc-diagnostic")).toHaveLength(20);
    await expect(alert.querySelector(".sc-more")).toHaveTextContent("+4,980 more");
  },
};

export const WithoutDiagnostics: Story = {
  name: "Error state without diagnostics (showDiagnostics=false)",
  args: { payload: manyProblems, showDiagnostics: false },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert.querySelector(".sc-diagnostics")).toBeNull();
  },
};

export const ThrowingOverride: Story = {
  name: "Host override that throws",
  args: { payload: forThrowingOverride, components: { badge: ThrowingBadge } },
  parameters: expectedOverrideErrors,
  play: async ({ canvasElement }) => {
    // The host page survives: the widget shows its error state instead.
    await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(THROWING_OVERRIDE_MESSAGE);
  },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { payload: manyProblems },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { payload: manyProblems },
};
