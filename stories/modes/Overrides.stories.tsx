import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { useWidgetSettings, type WidgetComponents } from "../../src/index.js";
import { StoryWidget } from "../story-widget.js";

// What a host override receives: the normalised component (never an invalid one), its JSON
// Pointer as `path`, and through useWidgetSettings() the widget's settings. These overrides keep
// sidecard's classes and the `data-sidecard-component` attribute of the DOM contract.

/** A text field on one line: "Label: value", its place in the payload as a data attribute. */
const InlineText: WidgetComponents["text"] = ({ component, path }) => (
  <p className="sc-field" data-sidecard-component="text" data-override-path={path}>
    <strong>{component.label}:</strong> {component.value}
  </p>
);

/** A date shown in ISO form with the zone the widget formats in, read from the widget settings. */
const IsoDate: WidgetComponents["date_time"] = ({ component }) => {
  const { dateTime } = useWidgetSettings();
  return (
    <p className="sc-field" data-sidecard-component="date_time">
      <strong>{component.label}:</strong> <time dateTime={component.value}>{component.value}</time> ({dateTime.timeZone ?? "viewer's zone"})
    </p>
  );
};

const payload = {
  version: "1.0.0",
  header: { title: "Account" },
  components: [
    { type: "text", label: "Plan", value: "Enterprise" },
    {
      type: "card",
      header: { title: "Renewal" },
      components: [
        { type: "text", label: "Owner", value: "Dana Whitfield" },
        { type: "date_time", label: "Renews", value: "2024-09-01T09:00:00Z" },
        { type: "badge", label: "Status", items: [{ value: "On track", color: "green" }] },
      ],
    },
  ],
};

const meta = {
  title: "Modes/Overrides",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`components={{ text: InlineText, date_time: IsoDate }}` replaces the React component for those wire types; the others keep sidecard's own. An override gets `{ component, path }` — the normalised component and its JSON Pointer (a card's override also gets the rendered `children`) — and can read the widget's settings with `useWidgetSettings()`. A component that throws is contained like any other (see Modes/Isolate).",
      },
    },
  },
  args: { payload, timeZone: "UTC", components: { text: InlineText, date_time: IsoDate } },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

export const TextAndDateOverrides: Story = {
  name: "Text and date overrides",
  play: async ({ canvasElement }) => {
    const paths = [...canvasElement.querySelectorAll("[data-override-path]")].map((el) => el.getAttribute("data-override-path"));
    await expect(paths).toEqual(["/components/0", "/components/1/components/0"]);
    await expect(within(canvasElement).getByText("Dana Whitfield")).toBeVisible();
    // The date override reads the widget's zone from useWidgetSettings (this story pins UTC).
    await expect(canvasElement.querySelector('[data-sidecard-component="date_time"]')).toHaveTextContent("2024-09-01T09:00:00Z (UTC)");
    // Types without an override keep sidecard's components.
    await expect(canvasElement.querySelector('[data-sidecard-component="badge"] .sc-badge')).toHaveTextContent("On track");
    await expect(canvasElement.querySelector('[data-sidecard-component="card"]')).not.toBeNull();
  },
};
