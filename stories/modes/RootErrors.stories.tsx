import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, waitFor, within } from "storybook/test";
import { StoryWidget } from "../story-widget.js";
import { widgetOf } from "../story-payloads.js";

const meta = {
  title: "Modes/Root errors and empty payloads",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "Errors at the root (`invalid_root`, `unsupported_version`, `too_many_components`) give the whole-widget error state in both modes. An empty `components` array is valid and says so. Warnings never block rendering.",
      },
    },
  },
  args: { mode: "isolate", payload: {} },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

async function expectRootError(canvasElement: HTMLElement, text: string) {
  await expect(within(canvasElement).getByRole("alert")).toHaveTextContent(text);
}

export const EmptyComponents: Story = {
  name: "Empty payload (no components)",
  args: { payload: widgetOf("Account Details") },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-sidecard-state="empty"]')).toHaveTextContent("Nothing to show.");
    await expect(within(canvasElement).queryByRole("alert")).toBeNull();
  },
};

export const EmptyObject: Story = {
  name: "Empty object {} (both modes)",
  args: { payload: {} },
  play: async ({ canvasElement }) => expectRootError(canvasElement, "/components"),
};

export const NullPayload: Story = {
  name: "null (both modes)",
  args: { payload: null },
  play: async ({ canvasElement }) => expectRootError(canvasElement, "(root)"),
};

export const ArrayPayload: Story = {
  name: "An array instead of an object",
  args: { payload: [{ type: "text", label: "Plan", value: "Enterprise" }] },
  play: async ({ canvasElement }) => expectRootError(canvasElement, "(root)"),
};

export const UnsupportedVersion: Story = {
  name: "Unsupported version 2.0.0 (both modes)",
  args: { payload: { ...widgetOf("Account Details", { type: "text", label: "Plan", value: "Enterprise" }), version: "2.0.0" } },
  play: async ({ canvasElement }) => expectRootError(canvasElement, "/version"),
};

export const TooManyComponents: Story = {
  name: "Too many components (limits.maxComponents = 3)",
  args: {
    limits: { maxComponents: 3 },
    payload: widgetOf("Account Details", ...Array.from({ length: 5 }, (_, index) => ({ type: "text", label: `Field ${index + 1}`, value: "x" }))),
  },
  play: async ({ canvasElement }) => expectRootError(canvasElement, "/components"),
};

export const WarningsOnly: Story = {
  name: "Warnings never block rendering",
  args: {
    mode: "strict",
    onDiagnostics: fn(),
    payload: {
      version: "1.0",
      components: [
        { type: "text", label: "Plan", value: "Enterprise", icon_url: "ftp://example.com/icon.png" },
        { type: "badge", label: "Status", items: [{ value: "Active", color: "teal" }] },
      ],
    },
  },
  play: async ({ args, canvasElement }) => {
    await expect(within(canvasElement).queryByRole("alert")).toBeNull();
    await expect(canvasElement.querySelector('[data-sidecard-component="text"]')).toHaveTextContent("Enterprise");
    await waitFor(() => expect(args.onDiagnostics).toHaveBeenCalledTimes(1));
    const codes = ((args.onDiagnostics as ReturnType<typeof fn>).mock.calls[0][0] as { code: string }[]).map((d) => d.code).sort();
    await expect(codes).toEqual(["invalid_icon_url", "invalid_version", "missing_header", "unknown_color"]);
  },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { ...UnsupportedVersion.args },
};
