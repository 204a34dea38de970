"use client";

import { useSyncExternalStore } from "react";
import type { DateTimeFormatOptions } from "../format/format-date-time.js";

// A server cannot know the viewer's zone or locale, so a date rendered without `timeZone` or
// `locale` would read differently on the server and in the hydrating browser (React's error
// #418, and a client re-render of the whole root). Both read the server snapshot: a fixed zone
// and locale. React then re-renders with the client snapshot, the viewer's own. A client-only
// render (no hydration) reads the client snapshot from the start.

/** What the server and the hydrating client format in when the host gave no zone or locale. */
export const HYDRATION_DATE_DEFAULTS = { timeZone: "UTC", locale: "en-US" } as const;

// Nothing changes the answer once on the client: the store never notifies.
const subscribe = () => () => {};
const isViewer = () => true;
const isServer = () => false;

/**
 * `options` as they are once the viewer's defaults may be used (on the client, after
 * hydration); before that (server render, hydration) the missing zone and locale are filled with
 * HYDRATION_DATE_DEFAULTS.
 */
export function useViewerDateDefaults(options: DateTimeFormatOptions): DateTimeFormatOptions {
  const viewer = useSyncExternalStore(subscribe, isViewer, isServer);
  if (viewer) return options;
  return { ...options, timeZone: options.timeZone ?? HYDRATION_DATE_DEFAULTS.timeZone, locale: options.locale ?? HYDRATION_DATE_DEFAULTS.locale };
}
