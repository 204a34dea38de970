import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { CustomApp, type CustomAppProps } from "../../src/host/index.js";
import { STORY_NOW, useStoryGlobals } from "../story-widget.js";
import { ACCOUNT_PAYLOAD, answersAfter, answersInTurn, jsonResponse, neverAnswer, pendingForever } from "./canned-fetch.js";

const context = {
  app_id: "app_crm",
  widget_id: "w_health",
  issue_id: "iss_1042",
  organization_id: "org_7",
  account_id: "acc_acme",
  requester_id: "usr_5",
  requester_email: "jane@acme.example",
};

type StoryProps = Omit<CustomAppProps, "fetch"> & {
  /** Makes the story's `fetch`; called once per mount so every visit starts fresh. */
  makeFetch: () => NonNullable<CustomAppProps["fetch"]>;
};

/** `<CustomApp>` with the toolbar's theme, locale and zone, and a canned fetch made per mount. */
function StoryCustomApp({ makeFetch, ...props }: StoryProps) {
  const globals = useStoryGlobals();
  const [fetch] = useState(makeFetch);
  return <CustomApp locale={globals.locale} timeZone={globals.timeZone} theme={globals.theme} now={STORY_NOW} fetch={fetch} {...props} />;
}

const meta = {
  title: "Host/CustomApp",
  component: StoryCustomApp,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`<CustomApp url context>` fetches a custom app's widget for an issue and renders it: a skeleton while loading, the widget, an error state with Retry, and Refresh — in the widget header, as in Pylon — that keeps the last answer on show (marked stale) until the new one arrives. These stories use a canned `fetch`; see docs/host-integration.md for a real host.",
      },
    },
  },
  args: { url: "https://crm.example.com/pylon", context, makeFetch: () => answersAfter(0) },
} satisfies Meta<typeof StoryCustomApp>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-sidecard-state="ready"]')).not.toBeNull());
    await expect(within(canvasElement).getByText("Acme Corp")).toBeInTheDocument();
  },
};

export const Loading: Story = {
  name: "Loading (skeleton)",
  args: { makeFetch: () => pendingForever },
  play: async ({ canvasElement }) => {
    const skeleton = canvasElement.querySelector('[data-sidecard-state="loading"]');
    await expect(skeleton).toHaveAttribute("aria-busy", "true");
  },
};

export const ErrorWithRetry: Story = {
  name: "Error with Retry",
  args: {
    retry: false,
    makeFetch: () =>
      answersInTurn(
        () => jsonResponse({ error: "upstream CRM is down" }, 502),
        () => jsonResponse(ACCOUNT_PAYLOAD),
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole("alert");
    await expect(alert).toHaveTextContent("The app answered HTTP 502 Bad Gateway");
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(await canvas.findByText("Acme Corp")).toBeInTheDocument();
  },
};

export const Timeout: Story = {
  name: "Error: timeout",
  args: { makeFetch: () => pendingForever, timeoutMs: 300 },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole("alert", {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent("The app did not answer within 300 ms.");
  },
};

export const NotJson: Story = {
  name: "Error: not JSON",
  args: {
    makeFetch: () => answersInTurn(() => new Response("<!doctype html><title>Sign in</title>", { headers: { "content-type": "text/html" } })),
  },
};

export const StaleWhileRefreshing: Story = {
  name: "Stale while refreshing",
  args: { makeFetch: () => answersInTurn(() => jsonResponse(ACCOUNT_PAYLOAD), neverAnswer) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("Acme Corp");
    await userEvent.click(canvas.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(canvasElement.querySelector("[data-sidecard-stale]")).not.toBeNull());
    // The refresh's own region, in the header's actions (the widget has another, for copy outcomes).
    await expect(within(canvasElement.querySelector<HTMLElement>(".sc-header-actions")!).getByRole("status")).toHaveTextContent("Refreshing…");
    await expect(canvas.getByText("Acme Corp")).toBeInTheDocument();
  },
};

export const RefreshFailed: Story = {
  name: "Refresh failed (last answer kept)",
  args: {
    retry: false,
    makeFetch: () =>
      answersInTurn(
        () => jsonResponse(ACCOUNT_PAYLOAD),
        () => jsonResponse({ error: "maintenance window" }, 503),
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("Acme Corp");
    await userEvent.click(canvas.getByRole("button", { name: "Refresh" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent("Could not refresh");
  },
};

export const InvalidPayload: Story = {
  name: "Answer that is not a valid widget",
  args: { makeFetch: () => answersInTurn(() => jsonResponse({ version: "1.0.0", components: [{ type: "chart" }] })) },
};

export const RetriedAfter503: Story = {
  name: "Retried after a 503 (backoff)",
  parameters: { docs: { description: { story: "The app answers 503 with `Retry-After: 0`, then the widget: the host retries on its own and the viewer only sees the widget." } } },
  args: {
    retry: { attempts: 3, baseDelayMs: 50 },
    makeFetch: () =>
      answersInTurn(
        () => new Response("busy", { status: 503, headers: { "content-type": "text/plain", "retry-after": "0" } }),
        () => jsonResponse(ACCOUNT_PAYLOAD),
      ),
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Acme Corp")).toBeInTheDocument();
    await expect(canvasElement.querySelector('[role="alert"]')).toBeNull();
  },
};

/** Answers a widget naming the issue after `delayMs`, and counts requests per issue. */
function answersPerIssue(delayMs: number): NonNullable<CustomAppProps["fetch"]> {
  const asked = new Map<string, number>();
  return (url, init) => {
    const issue = new URL(url).searchParams.get("issue_id") ?? "";
    const n = (asked.get(issue) ?? 0) + 1;
    asked.set(issue, n);
    const payload = { version: "1.0.0", header: { title: `Issue ${issue}` }, components: [{ type: "text", label: "Answer", value: `#${n} for ${issue}` }] };
    return answersAfter(delayMs, payload)(url, init);
  };
}

function IssueSwitcher() {
  const globals = useStoryGlobals();
  const [fetch] = useState(() => answersPerIssue(600));
  const [issue, setIssue] = useState("iss_A");
  return (
    <div className="sb-stack">
      <div>
        {["iss_A", "iss_B"].map((id) => (
          <button type="button" key={id} onClick={() => setIssue(id)} aria-pressed={issue === id}>
            Open {id}
          </button>
        ))}
      </div>
      <CustomApp url="https://crm.example.com/pylon/cached" context={{ ...context, issue_id: issue }} fetch={fetch} theme={globals.theme} now={STORY_NOW} />
    </div>
  );
}

export const BackToACachedIssue: Story = {
  name: "Back to an issue: cached answer at once, marked stale",
  parameters: { docs: { description: { story: "Open B, then A again: A's last answer shows at once (`data-sidecard-stale`) while the app is asked again." } } },
  render: () => <IssueSwitcher />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("#1 for iss_A", {}, { timeout: 3000 });
    await userEvent.click(canvas.getByRole("button", { name: "Open iss_B" }));
    await canvas.findByText("#1 for iss_B", {}, { timeout: 3000 });
    await userEvent.click(canvas.getByRole("button", { name: "Open iss_A" }));
    await expect(canvas.getByText("#1 for iss_A")).toBeInTheDocument();
    await expect(canvasElement.querySelector("[data-sidecard-stale]")).not.toBeNull();
    await canvas.findByText("#2 for iss_A", {}, { timeout: 3000 });
  },
};
