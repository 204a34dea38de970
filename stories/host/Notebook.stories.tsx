import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor } from "storybook/test";
import { CustomApp, type CustomAppProps } from "../../src/host/index.js";
import { StoryWidget, STORY_NOW, useStoryGlobals } from "../story-widget.js";
import { ACCOUNT_PAYLOAD, answersAfter } from "./canned-fetch.js";
import "./host-stories.css";

// Account notebooks: no issue in the context, and wider than a sidebar.

const NOTEBOOK_PAYLOAD = {
  version: "1.0.0",
  header: { title: "Account health" },
  components: [
    { type: "text", label: "Plan", value: "Enterprise (annual)" },
    { type: "date_time", label: "Renewal", value: "2024-09-30T00:00:00Z" },
    { type: "badge", label: "Signals", items: [{ value: "Healthy", color: "green" }, { value: "Expansion", color: "blue" }, { value: "2 open invoices", color: "orange" }] },
    { type: "text", label: "Account owner", value: "Jane Smith\njane@acme.example" },
    { type: "divider" },
    ...ACCOUNT_PAYLOAD.components,
    { type: "button", label: "Open the account in the admin dashboard", button_type: "link", url: "https://admin.example.com/accounts/acme" },
    { type: "link", label: "View in Stripe", url: "https://dashboard.stripe.com/customers/cus_123" },
  ],
};

/** What a notebook knows: the account, its organisation, the app and the widget. */
const notebookContext = { app_id: "app_crm", widget_id: "w_health", organization_id: "org_7", account_id: "acc_acme" };

type StoryProps = Omit<CustomAppProps, "fetch" | "url" | "context"> & { width: "640" | "960" };

function NotebookCustomApp({ width, ...props }: StoryProps) {
  const globals = useStoryGlobals();
  const [fetch] = useState(() => answersAfter(0, NOTEBOOK_PAYLOAD));
  return (
    <div className="sb-notebook" data-width={width} data-theme={globals.theme}>
      <CustomApp
        url="https://crm.example.com/pylon"
        context={notebookContext}
        placement="account_notebook"
        fetch={fetch}
        locale={globals.locale}
        timeZone={globals.timeZone}
        theme={globals.theme}
        now={STORY_NOW}
        {...props}
      />
    </div>
  );
}

const meta = {
  title: "Host/Account notebook",
  component: NotebookCustomApp,
  tags: ["autodocs"],
  parameters: {
    sidebarFrame: false,
    docs: {
      description: {
        component:
          '`<CustomApp placement="account_notebook">` in an account notebook: the request carries the account, organisation, app and widget, with `issue_id`, `requester_id` and `requester_email` sent empty. At notebook widths a field\'s label stands beside its value, buttons keep their own width (at most 20rem) and pills their own (styles/placement.css, keyed on `data-placement`).',
      },
    },
  },
  args: { width: "640" },
} satisfies Meta<typeof NotebookCustomApp>;

export default meta;
type Story = StoryObj<typeof meta>;

const ready = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('[data-sidecard="custom-app"][data-sidecard-state="ready"]')).not.toBeNull());

export const At640: Story = {
  name: "640 px",
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(canvasElement.querySelector('[data-sidecard="custom-app"]')).toHaveAttribute("data-placement", "account_notebook");
  },
};

export const At960: Story = {
  name: "960 px",
  args: { width: "960" },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

/** A component of its own, so the story's hook runs where React allows hooks. */
function WidgetInNotebook() {
  const { theme } = useStoryGlobals();
  return (
    <div className="sb-notebook" data-width="960" data-theme={theme} data-placement="account_notebook">
      <StoryWidget payload={NOTEBOOK_PAYLOAD} />
    </div>
  );
}

export const WidgetInANotebook: Story = {
  name: "<Widget> alone, in a notebook",
  parameters: {
    docs: { description: { story: 'A host rendering `<Widget>` itself gets the notebook layout by putting `data-placement="account_notebook"` on an ancestor.' } },
  },
  render: () => <WidgetInNotebook />,
};
