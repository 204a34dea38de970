/**
 * What the visual suite renders and how strictly it compares. See CONTRIBUTING.md, "Visual tests".
 */

/** Every story is shot at each of these host sidebar widths and themes (Storybook globals). */
export const WIDTHS = ["360", "280"] as const;
export const THEMES = ["light", "dark"] as const;

/**
 * pixelmatch's per-pixel colour distance (0–1, OKLab): below it two pixels count as equal. 0.02
 * ignores the rasteriser's noise (a level or two on a rounded corner from run to run) yet catches
 * a token changing by one shade: #a40e26 → #b3132f on a badge's text is 27 px at 0.02 and 0 px
 * at 0.05. Anti-aliased edge pixels are not counted (pixelmatch's default), so the count is of
 * solid pixels.
 */
export const PIXEL_THRESHOLD = 0.02;

/**
 * How many pixels may differ before a story counts as changed. 0: the same Chromium with the same
 * fonts draws the same pixels every run (checked: two runs in a row give zero differing pixels),
 * so any counted pixel is a real change.
 */
export const MAX_DIFF_PIXELS = 0;

/**
 * Stories left out, each with the reason. Keep this empty unless a story cannot be made stable:
 * live clocks are pinned by the harness (Playwright's clock), animations are off.
 */
export const EXCLUDED: Record<string, string> = {
  // It shows the share link it made, which holds the static server's port (random per run); its
  // play function checks the link round-trips, and "Opened from a share link" covers the look.
  "playground--share-link": "the link shown holds the static server's random port",
};

/** The page each story renders in: wide enough for the playground's editor beside its preview. */
export const VIEWPORT = { width: 1024, height: 768 };

/** Pages rendering at once (CI has 2 cores). */
export const PAGES = 2;
