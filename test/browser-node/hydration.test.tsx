// @vitest-environment node
// A server in UTC renders a widget whose dates carry no `timeZone`; a browser in Los Angeles
// hydrates that HTML. The first client render must match the server's text and titles (no
// React #418, no client re-render that throws the server's DOM away), and the viewer's zone
// must show right after. A client-only render shows the viewer's zone at once.
process.env.TZ = "UTC"; // the server's own zone (Node reads TZ when it changes)

import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright";
import { renderToString } from "react-dom/server";
import { build, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Widget } from "../../src/index.js";
import { chromiumLaunchOptions, findChromium } from "../chromium.js";
import { testServers } from "../host/http-test-server.js";

const executablePath = findChromium();
const inCi = process.env.CI === "true";

describe("hydration browser availability", () => {
  it.runIf(inCi)("has a Chromium to drive under CI", () => {
    expect(executablePath, "CI=true but no Chromium: set CHROMIUM_PATH or install /usr/bin/chromium").not.toBeNull();
  });
});

const VALUE = "2024-07-15T12:34:56Z";
const SERVER_TEXT = "Jul 15, 2024, 12:34 PM";
const SERVER_TITLE = "Monday, July 15, 2024, 12:34:56 PM UTC (UTC+00:00)";
const VIEWER_TEXT = "Jul 15, 2024, 5:34 AM";
const VIEWER_TITLE = "Monday, July 15, 2024, 5:34:56 AM America/Los_Angeles (UTC-07:00)";

/** The page's script: React and sidecard from src/, a development build so that React also reports attribute (title) mismatches. */
async function buildClientBundle(): Promise<string> {
  const entryId = "\0hydration-entry.js";
  const widgetModule = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
  const code = `
    import { createElement } from "react";
    import { flushSync } from "react-dom";
    import { createRoot, hydrateRoot } from "react-dom/client";
    import { Widget } from ${JSON.stringify(widgetModule)};
    window.recoverableErrors = [];
    const root = () => document.getElementById("root");
    window.hydrateWidget = (props) => hydrateRoot(root(), createElement(Widget, props), {
      onRecoverableError: (error) => window.recoverableErrors.push(String(error && error.message || error)),
    });
    // Renders without hydration and reads the date in the same task: the first render's text.
    window.renderWidget = (props) => {
      flushSync(() => createRoot(root()).render(createElement(Widget, props)));
      const time = root().querySelector("time");
      return { text: time.textContent, title: time.title };
    };
  `;
  const output = await build({
    configFile: false,
    root: fileURLToPath(new URL("../..", import.meta.url)),
    logLevel: "error",
    mode: "development",
    define: { "process.env.NODE_ENV": JSON.stringify("development") },
    plugins: [{ name: "hydration-entry", resolveId: (id) => (id === entryId ? id : null), load: (id) => (id === entryId ? code : null) }],
    build: { write: false, minify: false, sourcemap: false, modulePreload: false, rolldownOptions: { input: entryId, output: { codeSplitting: false } } },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((r) => ("output" in r ? r.output : [])).find((o): o is Rolldown.OutputChunk => o.type === "chunk" && o.isEntry);
  if (!chunk) throw new Error("the hydration bundle has no entry chunk");
  return chunk.code;
}

describe.skipIf(!executablePath)("server-rendered dates hydrate without a mismatch", () => {
  let browser: Browser;
  const serve = testServers("all");
  let origin = "";
  let script = "";
  let html = "";

  const payload = () => ({
    version: "1.0.0",
    header: { title: "Order" },
    components: [
      { type: "date_time", label: "Created", value: VALUE },
      { type: "card", header: { title: "Shipping" }, components: [{ type: "date_time", label: "Shipped", value: "2024-12-24T23:30:00Z" }] },
      { type: "text", label: "Note", value: "Fragile" },
    ],
  });

  beforeAll(async () => {
    script = await buildClientBundle();
    const server = await serve((request, response) => {
      if (request.url === "/app.js") {
        response.writeHead(200, { "content-type": "text/javascript" }).end(script);
      } else if (request.url === "/") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head><meta charset="utf-8"><title>hydration</title></head><body><div id="root">${html}</div></body></html>`);
      } else if (request.url === "/favicon.ico") {
        response.writeHead(204).end();
      } else {
        response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    });
    origin = server.url("");
    browser = await chromium.launch(chromiumLaunchOptions(executablePath!));
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A page in Los Angeles that records every console error and warning. */
  async function openInLosAngeles(): Promise<{ context: BrowserContext; page: Page; messages: string[] }> {
    const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") messages.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => messages.push(`pageerror: ${error.message}`));
    return { context, page, messages };
  }

  it("renders UTC on the server, hydrates the same text and titles, then shows Los Angeles time", async () => {
    html = renderToString(<Widget payload={payload()} />);
    expect(html).toContain(`>${SERVER_TEXT}</time>`);
    expect(html).toContain(`title="${SERVER_TITLE}"`);

    const { context, page, messages } = await openInLosAngeles();
    try {
      await page.goto(`${origin}/`);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/Los_Angeles");
      // Mark the server's <time> nodes: a client re-render after a mismatch would replace them.
      await page.evaluate(() => document.querySelectorAll("time").forEach((time) => Object.assign(time, { fromServer: true })));
      await page.addScriptTag({ url: "/app.js" });
      await page.evaluate((props) => (window as unknown as { hydrateWidget(p: unknown): void }).hydrateWidget(props), { payload: payload() });

      const first = page.locator("time").first();
      await expect.poll(() => first.textContent()).toBe(VIEWER_TEXT);
      expect(await first.getAttribute("title")).toBe(VIEWER_TITLE);
      expect(await page.locator("time").nth(1).textContent()).toBe("Dec 24, 2024, 3:30 PM");
      expect(await page.evaluate(() => [...document.querySelectorAll("time")].map((time) => (time as unknown as { fromServer?: boolean }).fromServer === true))).toEqual([true, true]);
      expect(await page.evaluate(() => (window as unknown as { recoverableErrors: string[] }).recoverableErrors)).toEqual([]);
      expect(messages.filter((m) => /hydrat|#418|did(n't| not) match/i.test(m))).toEqual([]);
      expect(messages).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a relative date read a minute later in the browser hydrates without a mismatch, then shows the browser's reading", async () => {
    const props = { payload: payload(), dateFormat: "relative", timeZone: "UTC", locale: "en-US" } as const;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2024-07-15T12:38:56Z")); // the server renders 4 minutes after VALUE
      html = renderToString(<Widget {...props} />);
    } finally {
      vi.useRealTimers();
    }
    expect(html).toContain(">4 minutes ago</time>");
    const { context, page, messages } = await openInLosAngeles();
    try {
      await page.clock.setFixedTime(new Date("2024-07-15T12:39:56Z")); // the browser hydrates a minute later
      await page.goto(`${origin}/`);
      await page.addScriptTag({ url: "/app.js" });
      await page.evaluate((p) => (window as unknown as { hydrateWidget(p: unknown): void }).hydrateWidget(p), props);
      await expect.poll(() => page.locator("time").first().textContent()).toBe("5 minutes ago");
      expect(await page.evaluate(() => (window as unknown as { recoverableErrors: string[] }).recoverableErrors)).toEqual([]);
      expect(messages).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a client-only render shows the viewer's zone from its first render", async () => {
    html = "";
    const { context, page, messages } = await openInLosAngeles();
    try {
      await page.goto(`${origin}/`);
      await page.addScriptTag({ url: "/app.js" });
      const first = await page.evaluate((props) => (window as unknown as { renderWidget(p: unknown): { text: string; title: string } }).renderWidget(props), { payload: payload() });
      expect(first).toEqual({ text: VIEWER_TEXT, title: VIEWER_TITLE });
      expect(messages).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a zone and locale given by the host are used on the server and the client alike", async () => {
    html = renderToString(<Widget payload={payload()} timeZone="Asia/Tokyo" locale="en-US" />);
    expect(html).toContain(">Jul 15, 2024, 9:34 PM</time>");
    const { context, page, messages } = await openInLosAngeles();
    try {
      await page.goto(`${origin}/`);
      await page.addScriptTag({ url: "/app.js" });
      await page.evaluate((props) => (window as unknown as { hydrateWidget(p: unknown): void }).hydrateWidget(props), { payload: payload(), timeZone: "Asia/Tokyo", locale: "en-US" });
      await page.waitForTimeout(200);
      expect(await page.locator("time").first().textContent()).toBe("Jul 15, 2024, 9:34 PM");
      expect(await page.evaluate(() => (window as unknown as { recoverableErrors: string[] }).recoverableErrors)).toEqual([]);
      expect(messages).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("an icon that failed to load before hydration is gone after it, as one failing later is", async () => {
    const withIcons = (icon: string) => ({
      version: "1.0.0",
      header: { title: "Order", icon_url: icon },
      components: [{ type: "date_time", label: "Created", value: VALUE, icon_url: icon }, { type: "text", label: "Note", value: "Fragile", icon_url: `${origin}/missing-later.png` }],
    });
    const icon = `${origin}/missing.png`;
    html = renderToString(<Widget payload={withIcons(icon)} />);
    expect(html.match(/<img /g)).toHaveLength(3);
    const { context, page, messages } = await openInLosAngeles();
    try {
      // The last icon fails only after hydration: its answer waits until the script has run.
      await page.route("**/missing-later.png", async (route) => {
        await page.waitForFunction(() => "hydrateWidget" in window && (window as unknown as { hydrated?: boolean }).hydrated === true);
        await route.fulfill({ status: 404, contentType: "text/plain", body: "not found" });
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.querySelector<HTMLImageElement>('img[src$="/missing.png"]')?.complete === true && document.querySelectorAll('img[src$="/missing.png"]').length === 2 && [...document.querySelectorAll<HTMLImageElement>('img[src$="/missing.png"]')].every((img) => img.complete));
      await page.addScriptTag({ url: "/app.js" });
      await page.evaluate((props) => {
        (window as unknown as { hydrateWidget(p: unknown): void }).hydrateWidget(props);
        (window as unknown as { hydrated: boolean }).hydrated = true;
      }, { payload: withIcons(icon) });
      await expect.poll(() => page.locator("img").count()).toBe(0);
      expect(await page.locator("time").first().textContent()).toBe(VIEWER_TEXT);
      expect(await page.evaluate(() => (window as unknown as { recoverableErrors: string[] }).recoverableErrors)).toEqual([]);
      expect(messages.filter((m) => !m.includes("404 (Not Found)"))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
