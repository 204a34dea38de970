import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, within } from "storybook/test";
import { STORY_LOCALES, STORY_TIME_ZONES, StoryWidget } from "../story-widget.js";
import { cardOf, ICON_OK, widgetOf } from "../story-payloads.js";

const meta = {
  title: "Components/DateTime",
  component: StoryWidget,
  tags: ["autodocs"],
  parameters: {
    docs: {
      description: {
        component:
          "`date_time`: an RFC 3339 instant shown in the viewer's locale and time zone (toolbar: Locale, Time zone). The `<time>` keeps the original value in `dateTime`; its title has the full timestamp with the zone. Stories use a fixed “now” of 2024-07-15T15:00:00Z.",
      },
    },
  },
  args: { payload: widgetOf("Date and time", { type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" }) },
} satisfies Meta<typeof StoryWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const created = { type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" };

/** Follows the toolbar's locale and time zone. */
export const Alone: Story = {};

export const InCard: Story = {
  args: {
    payload: cardOf("Date and time", "Account", created, { type: "date_time", label: "Renews", value: "2025-01-31T00:00:00Z", icon_url: ICON_OK }),
  },
};

export const DefaultFormat: Story = {
  name: "Default format (en-US, UTC)",
  args: { locale: "en-US", timeZone: "UTC" },
  play: async ({ canvasElement }) => {
    const time = canvasElement.querySelector("time")!;
    await expect(time).toHaveTextContent("Jul 15, 2024, 12:34 PM");
    await expect(time).toHaveAttribute("dateTime", "2024-07-15T12:34:56Z");
    await expect(time.getAttribute("title")).toContain("UTC");
  },
};

/** The same instant in each zone of the toolbar; the locale follows the toolbar. */
export const TimeZones: Story = {
  name: "Time zones",
  render: (args) => (
    <div className="sb-stack">
      {STORY_TIME_ZONES.map((timeZone) => (
        <StoryWidget key={timeZone} {...args} timeZone={timeZone} payload={widgetOf(timeZone, { ...created, label: `Created (${timeZone})` })} />
      ))}
    </div>
  ),
};

/** The same instant in each locale of the toolbar; the zone follows the toolbar. */
export const Locales: Story = {
  render: (args) => (
    <div className="sb-stack">
      {STORY_LOCALES.map((locale) => (
        <StoryWidget key={locale} {...args} locale={locale} payload={widgetOf(locale, { ...created, label: `Created (${locale})` })} />
      ))}
    </div>
  ),
};

export const PinnedZoneAndLocale: Story = {
  name: "Pinned: de-DE, Asia/Kolkata",
  args: { locale: "de-DE", timeZone: "Asia/Kolkata" },
  play: async ({ canvasElement }) => {
    // 12:34:56Z is 18:04 in Kolkata (UTC+05:30), whatever the machine's own zone.
    await expect(canvasElement.querySelector("time")).toHaveTextContent("18:04");
  },
};

export const Relative: Story = {
  name: "Relative dates",
  args: {
    dateFormat: "relative",
    locale: "en-US",
    payload: cardOf(
      "Date and time",
      "Activity",
      { type: "date_time", label: "Last seen", value: "2024-07-15T14:58:00Z" },
      { type: "date_time", label: "Last login", value: "2024-07-15T12:00:00Z" },
      { type: "date_time", label: "Last order", value: "2024-07-14T09:30:00Z" },
      { type: "date_time", label: "Signed up", value: "2023-03-02T10:00:00Z" },
      { type: "date_time", label: "Trial ends", value: "2024-07-18T15:00:00Z" },
    ),
  },
  play: async ({ canvasElement }) => {
    const times = [...canvasElement.querySelectorAll("time")].map((time) => time.textContent);
    await expect(times).toEqual(["2 minutes ago", "3 hours ago", "yesterday", "last year", "in 3 days"]);
  },
};

const newYearsEve = widgetOf("Date and time", { type: "date_time", label: "Last seen", value: "2023-12-31T20:00:00Z" });
const NEW_YEAR = new Date("2024-01-01T00:00:00Z");

export const RelativeInAnotherZone: Story = {
  name: "Relative dates count days in the zone shown",
  parameters: {
    docs: {
      description: {
        story:
          "Calendar days are counted in the time zone the widget shows, not the machine's. 2023-12-31T20:00Z seen at 2024-01-01T00:00Z is “yesterday” in UTC but “4 hours ago” in Asia/Tokyo, where both moments fall on January 1st.",
      },
    },
  },
  render: () => (
    <div className="sb-stack">
      <StoryWidget payload={newYearsEve} dateFormat="relative" locale="en-US" timeZone="UTC" now={NEW_YEAR} label="UTC" />
      <StoryWidget payload={newYearsEve} dateFormat="relative" locale="en-US" timeZone="Asia/Tokyo" now={NEW_YEAR} label="Asia/Tokyo" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const times = [...canvasElement.querySelectorAll("time")].map((time) => time.textContent);
    await expect(times).toEqual(["yesterday", "4 hours ago"]);
  },
};

/** A date 20 seconds old when the story opens, measured from the real clock. */
function LiveRelative() {
  const [value] = useState(() => new Date(Date.now() - 20_000).toISOString());
  return <StoryWidget payload={widgetOf("Date and time", { type: "date_time", label: "Last seen", value })} dateFormat="relative" locale="en-US" now={undefined} />;
}

export const RelativeLive: Story = {
  name: "Relative dates, live (no pinned now)",
  parameters: {
    docs: {
      description: {
        story: "Without a pinned `now`, relative dates are measured from the clock and re-rendered every 30 seconds while the widget is open (one timer for the whole page). Leave this story open: “20 seconds ago” becomes “1 minute ago”.",
      },
    },
  },
  render: () => <LiveRelative />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("time")?.textContent).toMatch(/^\d+ seconds ago$/);
  },
};

export const RelativeFollowsLocale: Story = {
  name: "Relative dates (toolbar locale)",
  args: { ...Relative.args, locale: undefined },
};

export const CustomPattern: Story = {
  name: "Custom pattern (yyyy-MM-dd HH:mm)",
  args: { dateFormat: "yyyy-MM-dd HH:mm", timeZone: "UTC" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("time")).toHaveTextContent("2024-07-15 12:34");
  },
};

export const OffsetAndFraction: Story = {
  name: "Offsets and fractional seconds",
  args: {
    payload: cardOf(
      "Date and time",
      "Timestamps",
      { type: "date_time", label: "Offset −04:00", value: "2024-07-15T08:34:56-04:00" },
      { type: "date_time", label: "Offset +05:30", value: "2024-07-15T18:04:56+05:30" },
      { type: "date_time", label: "Fraction", value: "2024-07-15T12:34:56.789123Z" },
      { type: "date_time", label: "Lower-case t and z", value: "2024-07-15t12:34:56z" },
    ),
  },
};

const invalid = widgetOf(
  "Date and time",
  { type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" },
  { type: "date_time", label: "Renews", value: "2023-02-29T10:00:00Z" },
  { type: "date_time", label: "Closed", value: "yesterday" },
);

export const InvalidDateStrict: Story = {
  name: "Invalid date (strict)",
  args: { payload: invalid, mode: "strict" },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole("alert");
    await expect(alert).toHaveTextContent("/components/1/value");
    await expect(alert).toHaveTextContent("/components/2/value");
    await expect(canvasElement.querySelector("time")).toBeNull();
  },
};

export const InvalidDateIsolate: Story = {
  name: "Invalid date (isolate)",
  args: { payload: invalid, mode: "isolate" },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("time")).toHaveLength(1);
    await expect(canvasElement.querySelectorAll('[data-sidecard-invalid="date_time"]')).toHaveLength(2);
  },
};

export const LongLabel: Story = {
  name: "Long label",
  args: { payload: widgetOf("Date and time", { ...created, label: "Date the customer last accepted the updated data processing agreement" }) },
};

export const Narrow: Story = {
  name: "280 px sidebar",
  globals: { sidebarWidth: "280" },
  args: { ...PinnedZoneAndLocale.args, payload: cardOf("Date and time", "Account", created, { type: "date_time", label: "Renews", value: "2025-01-31T00:00:00Z" }) },
};

export const Dark: Story = {
  name: "Dark theme",
  globals: { theme: "dark" },
  args: { payload: cardOf("Date and time", "Account", created, { type: "date_time", label: "Renews", value: "2025-01-31T00:00:00Z", icon_url: ICON_OK }) },
};
