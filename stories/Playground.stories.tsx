import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import pylonExample from "./payloads/pylon-example.json";
import { encodeSharedPayload, readSharedPayload } from "../src/cli/preview-app/share-link.js";
import { Playground } from "./playground/Playground.js";

const example = JSON.stringify(pylonExample, null, 2);

const meta = {
  title: "Playground",
  component: Playground,
  parameters: {
    layout: "fullscreen",
    sidebarFrame: false,
    docs: {
      description: {
        component:
          "Paste or edit a payload: it renders live in a sidebar-sized frame (toolbar: width, theme, locale, time zone) with every diagnostic listed (severity, path, message). Invalid JSON shows the line and column where it breaks. Switch between strict and isolate mode.",
      },
    },
  },
  args: { initialText: example, initialMode: "strict" },
} satisfies Meta<typeof Playground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Prefilled with the Account Details example. */
export const Default: Story = {
  name: "Playground",
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Payload JSON")).toHaveValue(example);
    await expect(canvasElement.querySelector(".sb-playground-status")).toHaveTextContent("no diagnostics");
    await expect(canvas.getByRole("region", { name: "Account Details" })).toBeVisible();
  },
};

const withProblems = JSON.stringify(
  {
    version: "1.0.0",
    header: { title: "Account Details" },
    components: [
      { type: "text", label: "Plan", value: "Enterprise" },
      { type: "chart", label: "MRR" },
      { type: "badge", label: "Status", items: [{ value: "Active", color: "teal" }] },
      { type: "link", label: "Open", url: "javascript:alert(1)" },
    ],
  },
  null,
  2,
);

export const Diagnostics: Story = {
  name: "Diagnostics and mode switch",
  args: { initialText: withProblems },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector(".sb-playground-status")).toHaveTextContent("2 errors, 1 warning.");
    const rows = canvas.getAllByRole("row").slice(1);
    await expect(rows.map((row) => row.getAttribute("data-code"))).toEqual(["unknown_type", "unknown_color", "unsafe_url"]);
    await expect(canvas.getByRole("cell", { name: "/components/1/type" })).toBeVisible();
    // Strict: the whole widget is the error state. Isolate: valid siblings render.
    await expect(canvas.getByRole("alert")).toBeVisible();
    await userEvent.click(canvas.getByRole("radio", { name: "Isolate" }));
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull());
    await expect(canvasElement.querySelector('[data-sidecard-component="text"]')).toHaveTextContent("Enterprise");
    await expect(canvasElement.querySelectorAll("[data-sidecard-invalid]")).toHaveLength(2);
  },
};

export const InvalidJson: Story = {
  name: "Invalid JSON (line and column)",
  args: { initialText: '{\n  "version": "1.0.0",\n  "header": { "title": "Account Details" }\n  "components": []\n}' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector(".sb-playground-status")).toHaveTextContent("Invalid JSON at line 4, column 3");
    await expect(canvas.getByLabelText("Payload JSON")).toHaveAttribute("aria-invalid", "true");
    await expect(canvasElement.querySelector("[data-sidecard]")).toBeNull();
  },
};

export const Editing: Story = {
  name: "Editing live",
  args: { initialText: "" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const editor = canvas.getByLabelText("Payload JSON");
    await expect(canvasElement.querySelector(".sb-playground-status")).toHaveTextContent("Invalid JSON at line 1, column 1");
    await userEvent.click(editor);
    await userEvent.paste('{"version":"1.0.0","header":{"title":"Pasted"},"components":[{"type":"divider"}]}');
    await expect(canvas.getByRole("region", { name: "Pasted" })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Format JSON" }));
    await expect((editor as HTMLTextAreaElement).value).toContain('\n  "version": "1.0.0",');
    await userEvent.type(editor, "x");
    await expect(canvasElement.querySelector(".sb-playground-status")).toHaveTextContent(/Invalid JSON at line 11, column 2/);
    await userEvent.click(canvas.getByRole("button", { name: "Reset" }));
    await expect(editor).toHaveValue("");
  },
};

export const IsolateFirst: Story = {
  name: "Starts in isolate mode",
  args: { initialText: withProblems, initialMode: "isolate" },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { initialText: withProblems },
};

export const Narrow: Story = {
  name: "280 px preview",
  globals: { sidebarWidth: "280" },
};

/** The share link: the payload travels in the fragment (#payload=…), as in `sidecard preview`. */
export const ShareLink: Story = {
  name: "Share link",
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const editor = canvas.getByLabelText("Payload JSON");
    await userEvent.clear(editor);
    await userEvent.click(editor);
    await userEvent.paste('{"version":"1.0.0","header":{"title":"Shared"},"components":[{"type":"text","label":"Owner","value":"Zoë"}]}');
    await userEvent.click(canvas.getByRole("button", { name: "Copy share link" }));
    const field = await canvas.findByLabelText("Share link");
    const link = new URL((field as HTMLInputElement).value);
    await expect(link.hash).toMatch(/^#payload=~?[A-Za-z0-9_-]+$/);
    await expect(await readSharedPayload(link.hash)).toEqual({ ok: true, text: (editor as HTMLTextAreaElement).value });
  },
};

const sharedText = JSON.stringify({ version: "1.0.0", header: { title: "From a link" }, components: [{ type: "divider" }] }, null, 2);

/** Opening a share link: the playground starts with the payload the fragment carries. */
export const OpenedFromShareLink: Story = {
  name: "Opened from a share link",
  tags: ["!autodocs"],
  beforeEach: async () => {
    const before = window.location.href;
    window.history.replaceState(null, "", `#payload=${await encodeSharedPayload(sharedText)}`);
    return () => window.history.replaceState(null, "", before);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText("Payload JSON")).toHaveValue(sharedText));
    await expect(canvas.getByRole("region", { name: "From a link" })).toBeVisible();
    await expect(canvas.getByText("Opened the payload from the share link.")).toBeVisible();
  },
};
