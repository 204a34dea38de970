import { describe, expect, it } from "vitest";
import { readStoryGlobals } from "../../stories/story-widget.js";

// The visual suite sets width and theme through the iframe URL (`globals=sidebarWidth:280`),
// where Storybook's parser turns "280" into a number; the toolbar gives strings.
describe("readStoryGlobals", () => {
  it("takes the width from the URL's number as well as from the toolbar's string", () => {
    expect(readStoryGlobals({ sidebarWidth: 280, theme: "dark" })).toMatchObject({ sidebarWidth: "280", theme: "dark" });
    expect(readStoryGlobals({ sidebarWidth: "420" }).sidebarWidth).toBe("420");
  });

  it("falls back to the default for a width that is not offered", () => {
    expect(readStoryGlobals({ sidebarWidth: 300 }).sidebarWidth).toBe("360");
    expect(readStoryGlobals({ sidebarWidth: "wide" }).sidebarWidth).toBe("360");
  });
});
