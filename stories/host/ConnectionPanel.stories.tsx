import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { ConnectionPanel, type ConnectionPanelProps } from "../../src/host/index.js";
import { useStoryGlobals } from "../story-widget.js";
import { answersInTurn, echoesCode, jsonResponse, pendingForever } from "./canned-fetch.js";

type StoryProps = Omit<ConnectionPanelProps, "fetch"> & {
  /** Makes the story's `fetch`; called once per mount so every visit starts fresh. */
  makeFetch: () => NonNullable<ConnectionPanelProps["fetch"]>;
};

function StoryConnectionPanel({ makeFetch, ...props }: StoryProps) {
  const { theme } = useStoryGlobals();
  const [fetch] = useState(makeFetch);
  return <ConnectionPanel theme={theme} fetch={fetch} {...props} />;
}

const meta = {
  title: "Host/ConnectionPanel",
  component: StoryConnectionPanel,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`<ConnectionPanel url>` for host settings pages: runs the handshake (`request_type=verify`), shows Verified or Unverified with the reason, and re-runs it with Retry connection.",
      },
    },
  },
  args: { url: "https://crm.example.com/pylon", makeFetch: () => echoesCode },
} satisfies Meta<typeof StoryConnectionPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Verified: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="verified"]')).not.toBeNull());
  },
};

export const Checking: Story = {
  args: { makeFetch: () => pendingForever },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent("Checking connection…");
  },
};

export const Unverified: Story = {
  name: "Unverified (wrong code), then Retry connection",
  args: {
    makeFetch: () => {
      const wrong = answersInTurn(() => jsonResponse({ code: "not-the-code" }));
      let calls = 0;
      return (url, init) => (calls++ === 0 ? wrong(url, init) : echoesCode(url, init));
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="unverified"]')).not.toBeNull());
    await expect(canvasElement).toHaveTextContent('The app answered the code "not-the-code"');
    await userEvent.click(canvas.getByRole("button", { name: "Retry connection" }));
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="verified"]')).not.toBeNull());
  },
};

export const UnverifiedHttpError: Story = {
  name: "Unverified (HTTP 404)",
  args: { makeFetch: () => answersInTurn(() => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } })) },
};
