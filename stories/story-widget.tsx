import { createContext, useContext, type ReactNode } from "react";
import { Widget, type WidgetProps } from "../src/index.js";

/** The toolbar globals every story follows (defined in .storybook/preview.tsx). */
export interface StoryGlobals {
  theme: "light" | "dark";
  sidebarWidth: SidebarWidth;
  locale: string;
  timeZone: string;
}

export const SIDEBAR_WIDTHS = ["280", "360", "420"] as const;
export type SidebarWidth = (typeof SIDEBAR_WIDTHS)[number];

export const STORY_LOCALES = ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "hi-IN", "pt-BR"] as const;
export const STORY_TIME_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
] as const;

/** Deterministic defaults: the same output on every machine, whatever its own locale and zone. */
export const DEFAULT_STORY_GLOBALS: StoryGlobals = {
  theme: "light",
  sidebarWidth: "360",
  locale: "en-US",
  timeZone: "UTC",
};

/** "Now" for every story, so relative dates ("3 hours ago") never drift. */
export const STORY_NOW = new Date("2024-07-15T15:00:00Z");

/** Reads a raw globals object (strings from the toolbar or the URL) into known values. */
export function readStoryGlobals(globals: Record<string, unknown>): StoryGlobals {
  // The URL (`globals=sidebarWidth:280`) gives numbers where the toolbar gives strings.
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => {
    const text = typeof value === "number" ? String(value) : value;
    return typeof text === "string" && (allowed as readonly string[]).includes(text) ? (text as T) : fallback;
  };
  return {
    theme: pick(globals.theme, ["light", "dark"] as const, DEFAULT_STORY_GLOBALS.theme),
    sidebarWidth: pick(globals.sidebarWidth, SIDEBAR_WIDTHS, DEFAULT_STORY_GLOBALS.sidebarWidth),
    locale: typeof globals.locale === "string" && globals.locale ? globals.locale : DEFAULT_STORY_GLOBALS.locale,
    timeZone: typeof globals.timeZone === "string" && globals.timeZone ? globals.timeZone : DEFAULT_STORY_GLOBALS.timeZone,
  };
}

const StoryGlobalsContext = createContext<StoryGlobals>(DEFAULT_STORY_GLOBALS);

export function StoryGlobalsProvider({ globals, children }: { globals: StoryGlobals; children: ReactNode }) {
  return <StoryGlobalsContext.Provider value={globals}>{children}</StoryGlobalsContext.Provider>;
}

export function useStoryGlobals(): StoryGlobals {
  return useContext(StoryGlobalsContext);
}

export type StoryWidgetProps = WidgetProps;

/**
 * `<Widget>` with the toolbar's locale, time zone and theme and the fixed story "now". Props
 * given explicitly win, so a story can pin a zone or a locale to show it.
 */
export function StoryWidget(props: StoryWidgetProps) {
  const globals = useStoryGlobals();
  return <Widget locale={globals.locale} timeZone={globals.timeZone} theme={globals.theme} now={STORY_NOW} {...props} />;
}

/**
 * The sidebar-like frame each story renders in. Its width and colors come from classes in
 * stories.css (no inline styles: strict CSP is a product requirement, stories included).
 */
export function SidebarFrame({ children }: { children: ReactNode }) {
  const { sidebarWidth, theme } = useStoryGlobals();
  return (
    <div className="sb-sidebar" data-width={sidebarWidth} data-theme={theme}>
      {children}
    </div>
  );
}
