import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor } from "storybook/test";
import { CustomApp } from "../../src/host/index.js";
import { jsonResponse } from "../host/canned-fetch.js";
import { STORY_NOW, StoryWidget, useStoryGlobals } from "../story-widget.js";
import { PYLON_REFERENCES, type PylonReference } from "./pylon-references.js";

/** The zone of the machine that took Pylon's screenshots: 12:34:56Z reads "Jul 15, 2024, 5:34 AM". */
const PYLON_ZONE = "America/Los_Angeles";

const context = {
  app_id: "app_hightouch",
  widget_id: "w_customer",
  issue_id: "iss_1",
  organization_id: "org_1",
  account_id: "acc_spotify",
  requester_id: "usr_1",
  requester_email: "agent@example.com",
};

/** The issue-view picture is of a whole app in Pylon's sidebar: drawn by <CustomApp>, refresh and footer included. */
function IssueViewApp({ payload }: { payload: unknown }) {
  const { theme } = useStoryGlobals();
  const [fetch] = useState(() => () => Promise.resolve(jsonResponse(payload)));
  return (
    <CustomApp
      url="https://hightouch.example.com/pylon"
      context={context}
      fetch={fetch}
      locale="en-US"
      timeZone={PYLON_ZONE}
      theme={theme}
      now={STORY_NOW}
      appName="Customer Data"
      appUrl="https://hightouch.example.com/customer-data"
    />
  );
}

function Comparison({ reference }: { reference: PylonReference }) {
  return (
    <section className="sb-compare" aria-label={`${reference.name}: sidecard and Pylon`}>
      <figure className="sb-compare-side">
        <figcaption>sidecard</figcaption>
        <div className="sb-compare-frame">
          {reference.name === "In the issue view" ? (
            <IssueViewApp payload={reference.payload} />
          ) : (
            <StoryWidget payload={reference.payload} locale="en-US" timeZone={PYLON_ZONE} />
          )}
        </div>
      </figure>
      <figure className="sb-compare-side">
        <figcaption>Pylon</figcaption>
        <img className="sb-compare-image" src={reference.image} alt={reference.alt} />
      </figure>
    </section>
  );
}

function ComparedWithPylon({ only }: { only?: string }) {
  const shown = only ? PYLON_REFERENCES.filter((reference) => reference.name === only) : PYLON_REFERENCES;
  return (
    <div className="sb-compare-list">
      {shown.map((reference) => (
        <Comparison reference={reference} key={reference.name} />
      ))}
    </div>
  );
}

const meta = {
  title: "Docs/Compared with Pylon",
  component: ComparedWithPylon,
  parameters: {
    sidebarFrame: false,
    layout: "padded",
    docs: {
      description: {
        component:
          "Each payload of Pylon's Custom Apps documentation rendered by sidecard at 405 px (left) beside Pylon's own screenshot of it (right). The screenshots' viewer was in US Pacific time, so the dates here are drawn in that zone. Icons are local stand-ins of the same size (the docs' images are on hosts this page does not reach).",
      },
    },
  },
} satisfies Meta<typeof ComparedWithPylon>;

export default meta;
type Story = StoryObj<typeof meta>;

export const All: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="ready"]')).not.toBeNull());
    const frames = [...canvasElement.querySelectorAll<HTMLElement>(".sb-compare-frame")];
    await expect(frames).toHaveLength(PYLON_REFERENCES.length);
    for (const frame of frames) {
      await expect(frame.getBoundingClientRect().width).toBe(405);
      const widget = frame.querySelector<HTMLElement>('[data-sidecard="widget"]')!;
      await expect(widget.scrollWidth).toBeLessThanOrEqual(widget.clientWidth);
    }
  },
};

export const Card: Story = { args: { only: "Card" } };
export const InTheIssueView: Story = {
  name: "In the issue view",
  args: { only: "In the issue view" },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="ready"]')).not.toBeNull());
    await expect(canvasElement.querySelector(".sc-header .sc-refresh")).not.toBeNull();
    await expect(canvasElement.querySelector(".sc-footer")).toHaveTextContent("Retrieved from: Customer Data");
  },
};
export const Dark: Story = { name: "Dark theme", globals: { theme: "dark" } };
