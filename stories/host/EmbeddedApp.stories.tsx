import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { EmbeddedApp, type EmbeddedAppProps } from "../../src/host/index.js";
import { useStoryGlobals } from "../story-widget.js";
import demoPagePath from "./embed-demo.svg?no-inline";

// A page Storybook itself serves (same origin as the story), so the stories need no network.
// `?no-inline`: Vite would otherwise inline a small asset as a data: URL, which is not http(s).
const DEMO_PAGE = new URL(demoPagePath, window.location.href).href;

const values: EmbeddedAppProps["values"] = {
  issue: { id: "iss_1042" },
  account: { id: "acc_acme", name: "Acme & Sons" },
  requester: { email: "jane+billing@acme.example" },
  custom_fields: { tier: "gold" },
};

function StoryEmbeddedApp(props: EmbeddedAppProps) {
  const { theme } = useStoryGlobals();
  return <EmbeddedApp theme={theme} {...props} />;
}

const meta = {
  title: "Host/EmbeddedApp",
  component: StoryEmbeddedApp,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`<EmbeddedApp url values height title>` shows an iframe app: `url` is a template (`{{issue.id}}`, `{{account.id}}`, `{{requester.email}}`, `{{custom_fields.<key>}}`) filled by `buildEmbedUrl`, each value percent-encoded where it stands; the template fixes the origin. The frame is sandboxed (`allow-scripts allow-forms allow-popups` by default), lazy, sends no referrer and gets no permissions. A refused URL shows why instead of a frame.",
      },
    },
  },
  args: {
    url: `${DEMO_PAGE}?issue={{issue.id}}&account={{ account.id }}&email={{requester.email}}&tier={{custom_fields.tier}}`,
    values,
    title: "Billing for Acme",
    height: 160,
  },
} satisfies Meta<typeof StoryEmbeddedApp>;

export default meta;
type Story = StoryObj<typeof meta>;

const frameIn = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLIFrameElement>('iframe[data-sidecard="embedded-app"]');

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const frame = frameIn(canvasElement)!;
    await expect(frame.getAttribute("loading")).toBe("lazy");
    await expect(frame.getAttribute("referrerpolicy")).toBe("no-referrer");
    await expect(new URL(frame.src).searchParams.get("email")).toBe("jane+billing@acme.example");
  },
};

export const SameOriginWithScripts: Story = {
  name: "Same-origin URL: no allow-same-origin beside scripts",
  args: { sandbox: ["allow-scripts", "allow-same-origin", "allow-forms"] },
  play: async ({ canvasElement }) => {
    // The demo page is on the story's own origin: granting both would let it lift its sandbox.
    await expect(frameIn(canvasElement)!.getAttribute("sandbox")).toBe("allow-scripts allow-forms");
  },
};

export const LeastPrivilege: Story = {
  name: "Sandbox: a static page needs no scripts",
  args: { sandbox: [] },
  play: async ({ canvasElement }) => {
    await expect(frameIn(canvasElement)!.getAttribute("sandbox")).toBe("");
  },
};

export const TallClamped: Story = {
  name: "Height clamped (5000 → 2000 px)",
  args: { height: 5000 },
  play: async ({ canvasElement }) => {
    await expect(frameIn(canvasElement)!.getAttribute("height")).toBe("2000");
  },
};

export const ShortClamped: Story = {
  name: "Height clamped (20 → 100 px)",
  args: { height: 20 },
  play: async ({ canvasElement }) => {
    await expect(frameIn(canvasElement)!.getAttribute("height")).toBe("100");
  },
};

export const VariableInHost: Story = {
  name: "Refused: a variable in the host",
  args: { url: "https://{{account.id}}.apps.example.com/billing" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-sidecard-state="error"] [data-code="variable_in_origin"]')).not.toBeNull();
    await expect(frameIn(canvasElement)).toBeNull();
  },
};

export const UnknownAndMissing: Story = {
  name: "Refused: unknown and missing variables",
  args: { url: `${DEMO_PAGE}?issue={{issue.title}}&field={{custom_fields.region}}` },
  play: async ({ canvasElement }) => {
    const codes = [...canvasElement.querySelectorAll("[data-code]")].map((li) => li.getAttribute("data-code"));
    await expect(codes).toEqual(["unknown_variable", "missing_variable"]);
  },
};

export const NotHttp: Story = {
  name: "Refused: not an http(s) URL",
  args: { url: "javascript:alert({{issue.id}})" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-code="unsafe_url"]')).not.toBeNull();
  },
};
