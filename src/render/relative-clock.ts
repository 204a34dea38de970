"use client";

import { useSyncExternalStore } from "react";

// Relative dates ("3 minutes ago") must move on while a sidebar stays open. One timer serves
// every widget on the page, and it runs only while some relative date is mounted.

/** How often relative dates are re-rendered. */
export const RELATIVE_TICK_MS = 30_000;

let tick = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick++;
    for (const notify of listeners) notify();
  }, RELATIVE_TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const readTick = () => tick;
/** What the server and the hydrating browser read; the browser reads its own tick (≥ 0) after. */
export const SERVER_TICK = -1;
const readServerTick = () => SERVER_TICK;

/**
 * Re-renders the calling component every RELATIVE_TICK_MS while it is mounted, and returns the
 * tick. The server and the hydrating client read SERVER_TICK; once hydrated, the client's own
 * tick differs, so React renders the component once more, with the clock as it is then.
 */
export function useRelativeClock(): number {
  return useSyncExternalStore(subscribe, readTick, readServerTick);
}
