import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { expectedOverrideErrors, forThrowingOverride, manyProblems, nestedCard, THROWING_OVERRIDE_MESSAGE, ThrowingBadge, unknownType } from "./mode-payloads.js";

const meta = {
  title: "Modes/Isolate",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`mode=\"isolate\"`: each invalid component renders a small inline error in its own place and every valid component around it renders normally. Root-level errors still give the whole-widget error state (see Modes/Root errors). Compare with Modes/Strict.",
      },
    },
  },
  args: { mode: "isolate", payload: unknownType },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const component = (root: HTMLElement, type: string) => root.querySelectorAll(`[data-sidecard-component="${type}"]`);
const invalid = (root: HTMLElement) => root.querySelectorAll("[data-sidecard-invalid]");

export const UnknownType: Story = {
  name: "Unknown type",
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("alert")).toBeNull();
    await expect(component(canvasElement, "text")).toHaveLength(1);
    await expect(component(canvasElement, "link")).toHaveLength(1);
    const errors = invalid(canvasElement);
    await expect(errors).toHaveLength(2);
    await expect(errors[0]).toHaveAttribute("data-sidecard-path", "/components/1");
  },
};

export const NestedCard: Story = {
  name: "Nested card",
  args: { payload: nestedCard },
  play: async ({ canvasElement }) => {
    // The outer card and its valid children stay; only the inner card is replaced.
    await expect(component(canvasElement, "card")).toHaveLength(1);
    await expect(component(canvasElement, "text")).toHaveLength(1);
    await expect(component(canvasElement, "badge")).toHaveLength(1);
    await expect(invalid(canvasElement)).toHaveLength(1);
    await expect(invalid(canvasElement)[0]).toHaveAttribute("data-sidecard-path", "/components/0/components/1");
  },
};

export const SeveralProblems: Story = {
  name: "Several problems, valid siblings render",
  args: { payload: manyProblems },
  play: async ({ canvasElement }) => {
    await expect(invalid(canvasElement)).toHaveLength(4);
    await expect(component(canvasElement, "text")).toHaveLength(1);
    await expect(component(canvasElement, "divider")).toHaveLength(1);
    await expect(within(canvasElement).getByRole("link", { name: /crm\.example\.com\/accounts\/42/ })).toBeVisible();
    await expect(canvasElement.innerHTML).not.toContain("javascript:");
  },
};

export const WithoutDiagnostics: Story = {
  name: "Inline errors without diagnostics (showDiagnostics=false)",
  args: { payload: manyProblems, showDiagnostics: false },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(".sc-diagnostics")).toBeNull();
  },
};

export const ThrowingOverride: Story = {
  name: "Host override that throws",
  args: { payload: forThrowingOverride, components: { badge: ThrowingBadge } },
  parameters: expectedOverrideErrors,
  play: async ({ canvasElement }) => {
    // Only the badge is replaced by an inline error; its siblings render.
    const errors = invalid(canvasElement);
    await expect(errors).toHaveLength(1);
    await expect(errors[0]).toHaveAttribute("data-sidecard-invalid", "badge");
    await expect(errors[0]).toHaveTextContent(THROWING_OVERRIDE_MESSAGE);
    await expect(component(canvasElement, "text")).toHaveLength(1);
    await expect(component(canvasElement, "link")).toHaveLength(1);
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
