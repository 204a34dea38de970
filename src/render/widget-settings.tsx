"use client";

import { createContext, useContext } from "react";
import type { DateTimeFormatOptions } from "../format/format-date-time.js";
import { DEFAULT_URL_SCHEMES } from "../parse/url-safety.js";
import { defaultRenderLimits, type RenderLimits } from "./render-limits.js";
import { englishMessages, type SidecardMessages } from "../messages/messages.js";

/** Settings every component of one widget shares; hosts' overrides can read them too. */
export interface WidgetSettings {
  /** Heading level of the widget title; card titles are one level below. */
  headingLevel: number;
  dateTime: DateTimeFormatOptions;
  allowedUrlSchemes: readonly string[];
  /** Cards (and the widget header) carry a collapse disclosure. */
  collapsible: boolean;
  /** Bounds on the lines of one text and the items of one badge that are drawn. */
  limits: RenderLimits;
  /** sidecard's own words: English, the `<SidecardProvider messages>`, then `<Widget messages>`. */
  messages: SidecardMessages;
}

export const defaultWidgetSettings: WidgetSettings = {
  headingLevel: 3,
  dateTime: {},
  allowedUrlSchemes: DEFAULT_URL_SCHEMES,
  collapsible: true,
  limits: defaultRenderLimits,
  messages: englishMessages,
};

export const WidgetSettingsContext = createContext<WidgetSettings>(defaultWidgetSettings);

export function useWidgetSettings(): WidgetSettings {
  return useContext(WidgetSettingsContext);
}

/** `<h1>`…`<h6>` for a level, clamped so a deep host page never asks for `<h7>`. */
export function headingTag(level: number): "h1" | "h2" | "h3" | "h4" | "h5" | "h6" {
  const clamped = Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 3)));
  return `h${clamped}` as "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
}
