/**
 * Visual regression suite: every Storybook story, at each width and theme, screenshotted in
 * Debian's Chromium and compared with the baselines in test/visual/baselines/.
 *
 *   npm run test:visual                     compare; fails listing the stories that changed
 *   npm run test:visual -- --update         rewrite the baselines on purpose
 *   npm run test:visual -- --grep badge     only the stories whose id contains "badge"
 *   npm run test:visual -- --build          rebuild Storybook even when storybook-static is fresh
 *
 * Actual, expected and diff images of every change land in test/visual/__diff__/ (gitignored).
 * See CONTRIBUTING.md, "Visual tests".
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pixelmatch from "pixelmatch";
import { chromium, type Browser, type Page } from "playwright";
import { PNG } from "pngjs";
import sirv from "sirv";
import { STORY_NOW } from "../../stories/story-widget.js";
import { chromiumLaunchOptions, findChromium } from "../chromium.js";
import { EXCLUDED, MAX_DIFF_PIXELS, PAGES, PIXEL_THRESHOLD, THEMES, VIEWPORT, WIDTHS } from "./config.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const STATIC_DIR = join(ROOT, "storybook-static");
const BASELINE_DIR = join(HERE, "baselines");
const MANIFEST_PATH = join(BASELINE_DIR, "manifest.json");
const DIFF_DIR = join(HERE, "__diff__");
/** Sources a Storybook build depends on: newer than the build means it is stale. */
const BUILD_INPUTS = ["src", "stories", ".storybook", "package.json", "package-lock.json", "vite.config.ts"];
const RENDER_TIMEOUT_MS = 20_000;

type Variant = `${(typeof WIDTHS)[number]}-${(typeof THEMES)[number]}`;
const VARIANTS: Variant[] = THEMES.flatMap((theme) => WIDTHS.map((width): Variant => `${width}-${theme}`));

/**
 * The committed record of baselines: per story, per variant, the PNG that shows it. Variants that
 * render pixel-identically (a story that pins its width or theme, or does not change with width)
 * share one file, so the repository stores each distinct look once.
 */
interface Manifest {
  note: string;
  /** Per baseline file, the SHA-256 of its pixels: an unchanged shot passes without decoding it. */
  files: Record<string, string>;
  stories: Record<string, Record<Variant, string>>;
}

interface Shot {
  variant: Variant;
  png: PNG;
}

interface StoryResult {
  id: string;
  shots: Shot[];
  error?: string;
}

const { values: options } = parseArgs({
  options: {
    update: { type: "boolean", default: false },
    grep: { type: "string" },
    build: { type: "boolean", default: false },
  },
});

async function main(): Promise<number> {
  const started = Date.now();
  ensureStorybookBuild(options.build);
  const allIds = readStoryIds();
  const staleExclusions = Object.keys(EXCLUDED).filter((id) => !allIds.includes(id));
  if (staleExclusions.length > 0) {
    console.error(`test/visual/config.ts excludes stories that do not exist: ${staleExclusions.join(", ")}`);
    return 1;
  }
  const ids = allIds.filter((id) => !(id in EXCLUDED) && (!options.grep || id.includes(options.grep)));
  if (ids.length === 0) {
    console.error(`No story matches${options.grep ? ` --grep ${options.grep}` : ""}.`);
    return 1;
  }

  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error("No Chromium found: install Debian's chromium or set CHROMIUM_PATH.");
    return 1;
  }

  rmSync(DIFF_DIR, { recursive: true, force: true });
  const { server, origin } = await serveStatic(STATIC_DIR);
  const launch = chromiumLaunchOptions(chromiumPath);
  const browser = await chromium.launch({
    ...launch,
    // Nothing outside the local Storybook resolves: an unreachable icon fails at once, every run.
    args: [...launch.args, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    env: { ...process.env, FONTCONFIG_FILE: join(HERE, "fonts.conf") },
  });
  let results: StoryResult[];
  try {
    results = await renderAll(browser, origin, ids);
  } finally {
    await browser.close();
    server.close();
  }

  const manifest = readManifest();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const excludedNote = Object.keys(EXCLUDED).length ? `, ${Object.keys(EXCLUDED).length} excluded (see config.ts)` : "";
  const errored = results.filter((result) => result.error);
  for (const result of errored) console.error(`✗ ${result.id}: ${result.error}`);

  if (options.update) {
    const written = update(
      manifest,
      results.filter((result) => !result.error),
      !options.grep,
      errored.map((result) => result.id),
    );
    console.log(`Baselines: ${written.changed} file(s) written, ${written.removed} removed, ${written.files} file(s) for ${Object.keys(manifest.stories).length} stories.`);
    console.log(`visual: ${results.length - errored.length} passed, ${errored.length} failed (${ids.length} stories × ${VARIANTS.length} variants, ${seconds()} s${excludedNote})`);
    return errored.length ? 1 : 0;
  }

  const failures = compare(manifest, results.filter((result) => !result.error));
  if (!options.grep) {
    const unknown = Object.keys(manifest.stories).filter((id) => !ids.includes(id));
    if (unknown.length > 0) failures.push(...unknown.map((id) => `${id}: has a baseline but no story (run with --update)`));
    const orphans = listPngs().filter((file) => !Object.values(manifest.stories).some((files) => Object.values(files).includes(file)));
    if (orphans.length > 0) failures.push(...orphans.map((file) => `${file}: baseline file not in manifest.json (run with --update)`));
  }
  const failed = new Set([...errored.map((result) => result.id), ...failures.map((line) => line.split(":")[0])]);
  if (failures.length > 0) {
    console.error(`\nVisual changes in ${failures.length} place(s):`);
    for (const line of failures) console.error(`  ${line}`);
    console.error(`\nLook at test/visual/__diff__/ (<story>.<variant>.actual|expected|diff.png).`);
    console.error("If the change is meant, run `npm run test:visual -- --update` and commit the baselines with it.");
  }
  console.log(`visual: ${ids.filter((id) => !failed.has(id)).length} passed, ${failed.size} failed (${ids.length} stories × ${VARIANTS.length} variants, ${seconds()} s${excludedNote})`);
  return failed.size > 0 ? 1 : 0;
}

/** Builds Storybook unless storybook-static is newer than every source it is built from. */
function ensureStorybookBuild(force: boolean) {
  const builtAt = existsSync(join(STATIC_DIR, "index.json")) ? statSync(join(STATIC_DIR, "index.json")).mtimeMs : 0;
  if (!force && builtAt > 0 && newestMtime(BUILD_INPUTS.map((path) => join(ROOT, path))) < builtAt) {
    console.log("Using the fresh storybook-static/ build.");
    return;
  }
  console.log("Building Storybook (npm run build-storybook)…");
  const built = spawnSync("npm", ["run", "build-storybook"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`npm run build-storybook failed (exit ${built.status})`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(path).map((name) => join(path, name))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

/** Story ids from the build's index (docs pages are not stories). */
function readStoryIds(): string[] {
  const index = JSON.parse(readFileSync(join(STATIC_DIR, "index.json"), "utf8")) as {
    entries: Record<string, { id: string; type: string }>;
  };
  return Object.values(index.entries)
    .filter((entry) => entry.type === "story")
    .map((entry) => entry.id)
    .sort();
}

async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(sirv(dir, { dev: false, etag: true }));
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Renders the stories on PAGES pages at once. Each page takes a fixed share of the stories (the
 * same neighbours every run) and goes through them once per variant: it loads Storybook with that
 * variant's globals, then switches story by story over Storybook's channel (setCurrentStory, as
 * its manager does), which mounts each story fresh and runs its play function without paying for
 * a page load every time.
 */
async function renderAll(browser: Browser, origin: string, ids: string[]): Promise<StoryResult[]> {
  const results = new Map<string, StoryResult>(ids.map((id) => [id, { id, shots: [] }]));
  const harnessCss = readFileSync(join(HERE, "harness.css"), "utf8");
  const worker = async (share: string[]) => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      colorScheme: "light",
      reducedMotion: "reduce",
      locale: "en-US",
      timezoneId: "UTC",
    });
    // Live relative dates ("20 seconds ago") read the clock: pin it to the stories' "now".
    await context.clock.setFixedTime(STORY_NOW);
    const page = await context.newPage();
    for (const variant of VARIANTS) {
      let loaded = false;
      for (const id of share) {
        const result = results.get(id)!;
        if (result.error) continue;
        try {
          if (!loaded) {
            await openStorybook(page, origin, id, variant, harnessCss);
            loaded = true;
          } else {
            await switchStory(page, id, variant);
          }
          result.shots.push({ variant, png: await capture(page, variant) });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          result.error = message.replace(/\s+/g, " ").slice(0, 300);
          loaded = false; // start the next story from a fresh page
        }
      }
    }
    await context.close();
  };
  const shares = Array.from({ length: Math.min(PAGES, ids.length) }, (_, page) => ids.filter((_, index) => index % PAGES === page));
  await Promise.all(shares.map(worker));
  return [...results.values()];
}

/** Loads Storybook's iframe on one story with the variant's globals and the harness stylesheet. */
async function openStorybook(page: Page, origin: string, id: string, variant: Variant, harnessCss: string) {
  const [width, theme] = variant.split("-");
  // a11y.manual: the story tests run axe; here it would only cost time.
  const globals = `theme:${theme};sidebarWidth:${width};a11y.manual:!true`;
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=${globals}`);
  await page.addStyleTag({ content: harnessCss });
  // "finished" comes after the play function and afterEach, also when one of them threw.
  await page.waitForFunction(
    () => {
      const render = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
      return render && ["finished", "aborted"].includes(render.phase ?? "");
    },
    undefined,
    { timeout: RENDER_TIMEOUT_MS },
  );
  await failOnErrorDisplay(page, variant);
}

/** Shows another story in the loaded iframe and waits until Storybook reports it finished. */
async function switchStory(page: Page, id: string, variant: Variant) {
  // A string, not a function: tsx would wrap the inner named functions in a helper the page lacks.
  const status = await page.evaluate<string>(`new Promise((resolve) => {
    const storyId = ${JSON.stringify(id)};
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const timer = setTimeout(() => {
      channel.off("storyFinished", onFinished);
      resolve("no storyFinished within ${RENDER_TIMEOUT_MS} ms");
    }, ${RENDER_TIMEOUT_MS});
    function onFinished(payload) {
      if (payload.storyId !== storyId) return;
      clearTimeout(timer);
      channel.off("storyFinished", onFinished);
      resolve(payload.status);
    }
    channel.on("storyFinished", onFinished);
    channel.emit("setCurrentStory", { storyId, viewMode: "story" });
  })`);
  await failOnErrorDisplay(page, variant);
  if (status !== "success") throw new Error(`the story failed at ${variant}: ${status}`);
}

/** A render, play function or afterEach that threw leaves Storybook's error display on show. */
async function failOnErrorDisplay(page: Page, variant: Variant) {
  const message = await page.evaluate(() =>
    document.body.classList.contains("sb-show-errordisplay") ? document.querySelector("#error-message")?.textContent?.trim() || "Storybook shows an error" : "",
  );
  if (message) throw new Error(`the story failed at ${variant}: ${message}`);
}

/** Screenshots the story's root element once fonts and images are in. */
async function capture(page: Page, variant: Variant): Promise<PNG> {
  await page.setViewportSize(VIEWPORT);
  const target = page.locator("#storybook-root > .sb-sidebar, #storybook-root > :first-child").first();
  const box = await target.boundingBox();
  if (!box) throw new Error(`the story has no visible root element at ${variant}`);
  // A tall story gets a viewport as tall as itself, so that every lazy image is in view and loads.
  const bottom = Math.ceil(box.y + box.height) + 16;
  if (bottom > VIEWPORT.height) await page.setViewportSize({ width: VIEWPORT.width, height: bottom });
  await page.evaluate(async () => {
    await document.fonts.ready;
    const images = [...document.images].filter((image) => !image.complete).map((image) => image.decode().catch(() => undefined));
    await Promise.race([Promise.all(images), new Promise((timeUp) => setTimeout(timeUp, 5_000))]);
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
  });
  return PNG.sync.read(await target.screenshot({ caret: "hide", scale: "css" }));
}

function readManifest(): Manifest {
  if (!existsSync(MANIFEST_PATH)) return { note: "", files: {}, stories: {} };
  return JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as Manifest;
}

function listPngs(): string[] {
  return existsSync(BASELINE_DIR) ? readdirSync(BASELINE_DIR).filter((name) => name.endsWith(".png")).sort() : [];
}

/** Compares each shot with its baseline; writes actual/expected/diff for each change. */
function compare(manifest: Manifest, results: StoryResult[]): string[] {
  const failures: string[] = [];
  for (const { id, shots } of results) {
    const files = manifest.stories[id];
    if (!files) {
      failures.push(`${id}: no baseline (new story? run with --update)`);
      continue;
    }
    const changed: string[] = [];
    for (const { variant, png: actual } of shots) {
      const file = files[variant];
      if (file && manifest.files[file] === pixelKey(actual)) continue;
      const expectedPath = file ? join(BASELINE_DIR, file) : "";
      if (!file || !existsSync(expectedPath)) {
        changed.push(`${variant} (baseline file missing)`);
        writeDiff(id, variant, actual);
        continue;
      }
      const expected = PNG.sync.read(readFileSync(expectedPath));
      const { pixels, diff } = differingPixels(expected, actual);
      if (!diff) {
        changed.push(`${variant} (size ${expected.width}×${expected.height} → ${actual.width}×${actual.height})`);
        writeDiff(id, variant, actual, expected);
      } else if (pixels > MAX_DIFF_PIXELS) {
        changed.push(`${variant} (${pixels} px)`);
        writeDiff(id, variant, actual, expected, diff);
      }
    }
    if (changed.length > 0) failures.push(`${id}: ${changed.join(", ")}`);
  }
  return failures;
}

/** Pixels that differ beyond the threshold, and the diff image; a size change is no diff image. */
function differingPixels(expected: PNG, actual: PNG): { pixels: number; diff?: PNG } {
  if (expected.width !== actual.width || expected.height !== actual.height) return { pixels: Number.POSITIVE_INFINITY };
  const diff = new PNG({ width: actual.width, height: actual.height });
  const pixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  return { pixels, diff };
}

function writeDiff(id: string, variant: Variant, actual: PNG, expected?: PNG, diff?: PNG) {
  mkdirSync(DIFF_DIR, { recursive: true });
  const base = join(DIFF_DIR, `${id}.${variant}`);
  writeFileSync(`${base}.actual.png`, encode(actual));
  if (expected) writeFileSync(`${base}.expected.png`, encode(expected));
  if (diff) writeFileSync(`${base}.diff.png`, encode(diff));
}

/** Optimised, opaque PNG: RGB without alpha (the shots are opaque), strongest deflate. */
function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 9, filterType: -1 });
}

/**
 * Rewrites the baselines: each distinct look once, the manifest naming the file per story and
 * variant. Identical looks share a file across variants and across stories (a story that pins
 * its width or theme looks like another story's variant). A file's name carries a hash of its
 * pixels, so a file never changes under a story that shares it; a shot within the threshold of
 * its current baseline keeps that file (no churn from rasteriser noise). With `prune` (a full
 * run), stories no longer rendered are dropped; files no story uses are removed.
 */
function update(manifest: Manifest, results: StoryResult[], prune: boolean, failedIds: string[]) {
  mkdirSync(BASELINE_DIR, { recursive: true });
  const previousStories = manifest.stories;
  const previousFiles = manifest.files ?? {};
  const pathOf = (file: string) => join(BASELINE_DIR, file);
  // A story that failed to render keeps its baselines: a failure must not delete them.
  const stories = prune ? Object.fromEntries(Object.entries(previousStories).filter(([id]) => failedIds.includes(id))) : { ...previousStories };
  const byPixels = new Map<string, string>();
  const hashes: Record<string, string> = {};
  const register = (file: string, key: string) => {
    if (!byPixels.has(key)) byPixels.set(key, file);
    hashes[file] = key;
  };
  for (const files of Object.values(stories)) {
    for (const file of Object.values(files)) {
      const key = previousFiles[file];
      if (key && existsSync(pathOf(file))) register(file, key);
    }
  }
  let changed = 0;
  for (const { id, shots } of results) {
    const files = {} as Record<Variant, string>;
    for (const { variant, png } of shots) {
      const key = pixelKey(png);
      const before = previousStories[id]?.[variant];
      const beforeKey = before ? previousFiles[before] : undefined;
      if (before && beforeKey && beforeKey !== key && existsSync(pathOf(before)) && differingPixels(PNG.sync.read(readFileSync(pathOf(before))), png).pixels <= MAX_DIFF_PIXELS) {
        register(before, beforeKey);
        register(before, key);
        hashes[before] = beforeKey;
        files[variant] = before;
        continue;
      }
      const same = byPixels.get(key);
      if (same) {
        files[variant] = same;
        continue;
      }
      const file = `${id}.${variant}.${key.slice(0, 12)}.png`;
      if (!existsSync(pathOf(file))) {
        writeFileSync(pathOf(file), encode(png));
        changed++;
      }
      register(file, key);
      files[variant] = file;
    }
    stories[id] = files;
  }
  manifest.stories = Object.fromEntries(Object.entries(stories).sort(([a], [b]) => a.localeCompare(b)));
  manifest.note =
    "Written by `npm run test:visual -- --update`. Per story and variant (width-theme), the baseline PNG; identical looks share one file; files lists each file's pixel SHA-256.";
  const referenced = new Set(Object.values(manifest.stories).flatMap((files) => Object.values(files)));
  manifest.files = Object.fromEntries([...referenced].sort().map((file) => [file, hashes[file]]));
  writeFileSync(MANIFEST_PATH, `${JSON.stringify({ note: manifest.note, files: manifest.files, stories: manifest.stories }, null, 2)}\n`);
  let removed = 0;
  for (const file of listPngs()) {
    if (!referenced.has(file)) {
      rmSync(pathOf(file));
      removed++;
    }
  }
  return { changed, removed, files: referenced.size };
}

/** Identity of an image's pixels (size and RGBA), for sharing one file between identical looks. */
function pixelKey(png: PNG): string {
  return createHash("sha256").update(`${png.width}x${png.height}:`).update(png.data).digest("hex");
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
