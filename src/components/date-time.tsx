import type { ReactElement } from "react";
import type { DateTimeComponent } from "../schema/widget-schema.js";
import { formatDateTime, type DateTimeFormatOptions } from "../format/format-date-time.js";
import { parseRfc3339 } from "../parse/rfc3339.js";
import { SERVER_TICK, useRelativeClock } from "../render/relative-clock.js";
import { useViewerDateDefaults } from "../render/use-viewer-zone.js";
import { useWidgetSettings, type WidgetSettings } from "../render/widget-settings.js";
import { renderRow } from "./row.js";

export interface DateTimeProps {
  component: DateTimeComponent;
  /** JSON Pointer to the component in the payload. Passed to host overrides; sidecard's own components do not read it (and are not given it). */
  path?: string;
}

/** A `<time>` in the viewer's (or the given) locale and zone; the hover title has the full timestamp. */
export function DateTime({ component }: DateTimeProps) {
  return renderDateTimeRow(component, useWidgetSettings());
}

/** The date row for these settings: `<DateTime>` reads them from the widget, the widget's own registry hands them over. */
export function renderDateTimeRow(component: DateTimeComponent, { dateTime }: WidgetSettings): ReactElement {
  // "3 minutes ago" keeps counting while the widget stays open, unless `now` pins the moment.
  // Only such dates subscribe to the clock: the others carry no hook and no effect for it.
  if (dateTime.dateFormat === "relative" && dateTime.now === undefined) return <TickingDateTime component={component} dateTime={dateTime} />;
  // Without a given zone and locale the server cannot know the viewer's: see useViewerDateDefaults.
  if (dateTime.timeZone === undefined || dateTime.locale === undefined) return <ViewerDateTime component={component} dateTime={dateTime} />;
  return renderDateTime(component, dateTime);
}

function TickingDateTime({ component, dateTime }: { component: DateTimeComponent; dateTime: DateTimeFormatOptions }) {
  const tick = useRelativeClock();
  return renderDateTime(component, useViewerDateDefaults(dateTime), tick === SERVER_TICK);
}

function ViewerDateTime({ component, dateTime }: { component: DateTimeComponent; dateTime: DateTimeFormatOptions }) {
  return renderDateTime(component, useViewerDateDefaults(dateTime));
}

/**
 * `serverClock`: a relative date ("3 minutes ago") rendered on the server or hydrated from its
 * HTML. The clock moves on between the two, so the text may differ, as a timestamp's does
 * (React's `suppressHydrationWarning` case). Hydration keeps the server's text; the render that
 * follows it gives the `<time>` another key, so React replaces it with the client's text.
 */
function renderDateTime(component: DateTimeComponent, dateTime: DateTimeFormatOptions, serverClock = false): ReactElement {
  const date = parseRfc3339(component.value);
  const formatted = date ? formatDateTime(date, dateTime) : { text: component.value, title: component.value };
  return renderRow(
    "date_time",
    component.label,
    <time key={serverClock ? "server" : "client"} className="sc-text" dateTime={component.value} title={formatted.title} suppressHydrationWarning={serverClock || undefined}>
      {formatted.text}
    </time>,
    component.icon_url,
  );
}
