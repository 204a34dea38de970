import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor, within } from "storybook/test";
import { SidecardProvider, Widget, germanMessages } from "../../src/index.js";
import { ConnectionPanel, CustomApp, germanHostMessages } from "../../src/host/index.js";
import { STORY_NOW, useStoryGlobals } from "../story-widget.js";
import { ACCOUNT_PAYLOAD, answersAfter, answersInTurn, pendingForever } from "./canned-fetch.js";
import "./host-stories.css";

const context = { app_id: "app_crm", widget_id: "w_health", issue_id: "iss_1042" };
const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });

/** Limits low enough to show "+N more" in German too. */
const GERMAN_PAYLOAD = {
  ...ACCOUNT_PAYLOAD,
  components: [
    ...ACCOUNT_PAYLOAD.components,
    { type: "text", label: "Notizen", value: "Erste Zeile\nZweite Zeile\nDritte Zeile" },
    { type: "badge", label: "Stufen", items: [{ value: "Gold", color: "orange" }, { value: "Neu", color: "blue" }, { value: "Aktiv", color: "green" }] },
    { type: "link", label: "Profil", url: "https://crm.example.com/accounts/acme" },
  ],
};

/** Every sidecard word in German through one <SidecardProvider>: widget, CustomApp states, ConnectionPanel. */
function GermanEverywhere() {
  const globals = useStoryGlobals();
  const [ready] = useState(() => answersAfter(0, GERMAN_PAYLOAD));
  const [failing] = useState(() => answersInTurn(notFound));
  const [checking] = useState(() => pendingForever);
  return (
    <SidecardProvider locale="de-DE" timeZone={globals.timeZone} theme={globals.theme} messages={{ ...germanMessages, ...germanHostMessages }}>
      <div className="sb-stack">
        <CustomApp url="https://crm.example.com/pylon" context={context} fetch={ready} now={STORY_NOW} appName="CRM" appUrl="https://crm.example.com" limits={{ maxTextLines: 1, maxBadgeItems: 2 }} />
        <Widget payload={{ version: "1.0.0", components: [] }} />
        <CustomApp url="https://crm.example.com/pylon" context={{ ...context, issue_id: "iss_404" }} fetch={failing} retry={false} />
        <ConnectionPanel url="https://crm.example.com/pylon" fetch={checking} />
      </div>
    </SidecardProvider>
  );
}

/** A host's own loading and error states in place of sidecard's (its design system's spinner and alert). */
function HostSlots() {
  const globals = useStoryGlobals();
  const [loading] = useState(() => pendingForever);
  const [failing] = useState(() => answersInTurn(notFound));
  return (
    <div className="sb-stack">
      <CustomApp url="https://crm.example.com/pylon" context={context} fetch={loading} theme={globals.theme} renderLoading={() => <p className="sb-messages-note">Your spinner here…</p>} />
      <CustomApp
        url="https://crm.example.com/pylon"
        context={{ ...context, issue_id: "iss_404" }}
        fetch={failing}
        retry={false}
        theme={globals.theme}
        renderError={({ error, retry }) => (
          <div className="sb-messages-note" role="alert">
            Your alert: {error.kind}.{" "}
            <button type="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
      />
    </div>
  );
}

const meta = {
  title: "Host/Messages and provider",
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "sidecard's own words are `messages` (`SidecardMessages` from `sidecard`, `SidecardHostMessages` from `sidecard/host`); `<SidecardProvider>` sets them app-wide with `locale`, `timeZone`, `theme` and `dateFormat`, and a component's own props win. `germanMessages` and `germanHostMessages` are complete examples. `<CustomApp renderLoading renderError>` takes the host's own states.",
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

export const German: Story = {
  render: () => <GermanEverywhere />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(germanHostMessages.failureTitle("http"))).toBeInTheDocument());
    await waitFor(() => expect(canvas.getByText("Acme Corp")).toBeInTheDocument());
    await expect(canvas.getByText(germanMessages.empty)).toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: germanHostMessages.refresh })).toBeInTheDocument();
    await expect(canvas.getByText(germanHostMessages.connectionStatus("checking"))).toBeInTheDocument();
  },
};

export const HostLoadingAndErrorStates: Story = {
  name: "Host loading and error states (renderLoading, renderError)",
  render: () => <HostSlots />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Your spinner here…")).toBeInTheDocument();
    await waitFor(() => expect(canvas.getByRole("button", { name: "Try again" })).toBeInTheDocument());
  },
};
