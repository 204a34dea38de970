"use client";

import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";
import type { DateTimeFormatOptions } from "../format/format-date-time.js";
import type { SidecardMessages } from "./messages.js";
import type { SidecardHostMessages } from "../host/host-messages.js";

/**
 * App-wide defaults for every `<Widget>`, `<CustomApp>` and `<ConnectionPanel>` below it; a
 * component's own props win.
 */
export interface SidecardSettings extends Pick<DateTimeFormatOptions, "locale" | "timeZone" | "dateFormat"> {
  theme?: "light" | "dark" | "auto";
  /** The widget's words and the host components' (`SidecardHostMessages`). */
  messages?: Partial<SidecardMessages & SidecardHostMessages>;
}

export interface SidecardProviderProps extends SidecardSettings {
  children?: ReactNode;
}

const SidecardContext = createContext<SidecardSettings>({});

/** Sets `locale`, `timeZone`, `theme`, `dateFormat` and `messages` for every sidecard component below it. */
export function SidecardProvider({ locale, timeZone, theme, dateFormat, messages, children }: SidecardProviderProps) {
  const stableMessages = useShallowStable(messages);
  const value = useMemo(() => ({ locale, timeZone, theme, dateFormat, messages: stableMessages }), [locale, timeZone, theme, dateFormat, stableMessages]);
  return <SidecardContext.Provider value={value}>{children}</SidecardContext.Provider>;
}

/** The nearest `<SidecardProvider>`'s settings (`{}` without one). */
export function useSidecardSettings(): SidecardSettings {
  return useContext(SidecardContext);
}

/**
 * The complete words for a component: its defaults, then the provider's, then its own prop.
 * Keyed on the words, not on object identity, so an inline `messages={{…}}` does not re-render
 * the whole widget every time its host renders.
 */
export function useMessages<T extends object>(defaults: T, own: Partial<T> | undefined): T {
  const fromProvider = useContext(SidecardContext).messages as Partial<T> | undefined;
  const merged = useMemo(() => pickMessages(defaults, fromProvider, own), [defaults, fromProvider, own]);
  return useShallowStable(merged);
}

/** Only the keys `defaults` knows, each from the last source that has it. */
function pickMessages<T extends object>(defaults: T, ...sources: (Partial<T> | undefined)[]): T {
  const result = { ...defaults };
  for (const source of sources) {
    if (!source) continue;
    for (const key of Object.keys(defaults) as (keyof T)[]) {
      const value = source[key];
      if (value !== undefined && typeof value === typeof defaults[key]) result[key] = value;
    }
  }
  return result;
}

function useShallowStable<T extends object | undefined>(value: T): T {
  const previous = useRef(value);
  // eslint-disable-next-line react-hooks/refs -- a memo cache: it only ever hands back an equal value
  return shallowEqual(previous.current, value) ? previous.current : (previous.current = value);
}

function shallowEqual(a: object | undefined, b: object | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
