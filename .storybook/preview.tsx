import type { Decorator, Preview } from "@storybook/react-vite";
import "../src/styles/index.css";
import "../stories/stories.css";
import {
  DEFAULT_STORY_GLOBALS,
  readStoryGlobals,
  SIDEBAR_WIDTHS,
  SidebarFrame,
  STORY_LOCALES,
  STORY_TIME_ZONES,
  StoryGlobalsProvider,
} from "../stories/story-widget.js";
import { clearWidgetCache } from "../src/host/index.js";
import { failOnConsoleErrors, watchConsoleErrors } from "./console-errors.js";

/**
 * Every story follows the toolbar (theme, width, locale, zone) and renders in a sidebar-like
 * frame, unless it draws its own frames (`parameters: { sidebarFrame: false }`, the playground).
 */
const withSidebar: Decorator = (Story, context) => (
  <StoryGlobalsProvider globals={readStoryGlobals(context.globals)}>
    {context.parameters.sidebarFrame === false ? (
      <Story />
    ) : (
      <SidebarFrame>
        <Story />
      </SidebarFrame>
    )}
  </StoryGlobalsProvider>
);

const preview: Preview = {
  decorators: [withSidebar],
  globalTypes: {
    theme: {
      description: "Widget theme",
      toolbar: {
        title: "Theme",
        icon: "mirror",
        items: [
          { value: "light", title: "Light", icon: "sun" },
          { value: "dark", title: "Dark", icon: "moon" },
        ],
        dynamicTitle: true,
      },
    },
    sidebarWidth: {
      description: "Host sidebar width",
      toolbar: {
        title: "Width",
        icon: "sidebar",
        items: SIDEBAR_WIDTHS.map((width) => ({ value: width, title: `${width} px` })),
        dynamicTitle: true,
      },
    },
    locale: {
      description: "Viewer locale (dates)",
      toolbar: {
        title: "Locale",
        icon: "globe",
        items: STORY_LOCALES.map((locale) => ({ value: locale, title: locale })),
        dynamicTitle: true,
      },
    },
    timeZone: {
      description: "Viewer time zone (dates)",
      toolbar: {
        title: "Time zone",
        icon: "time",
        items: STORY_TIME_ZONES.map((zone) => ({ value: zone, title: zone })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { ...DEFAULT_STORY_GLOBALS },
  parameters: {
    layout: "padded",
    // Axe violations fail the story tests ("todo" would only report them).
    a11y: { test: "error" },
    controls: { expanded: true },
  },
  beforeEach: () => {
    // Each story is a visit of its own: the page-wide answer cache (keyed by app URL and
    // context, not by the canned fetch) must not show one story's answer in the next.
    clearWidgetCache();
    // Unexpected console.error calls fail the story (see console-errors.ts).
    return watchConsoleErrors();
  },
  afterEach: failOnConsoleErrors,
};

export default preview;
