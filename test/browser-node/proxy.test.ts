// @vitest-environment node
import { chromium, type Browser, type BrowserContext, type Page } from "playwright";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCustomAppProxy, toNodeHandler } from "../../src/server/index.js";
import { chromiumLaunchOptions, findChromium } from "../chromium.js";
import { testServers, type TestHandler } from "../host/http-test-server.js";

// A hostile (or broken) app answers text/html with a script. Through createCustomAppProxy, the
// help desk's origin must run none of it, however the browser meets the proxied URL: a
// navigation, an iframe on the host page, or a fetch. A naive proxy that forwards the app's
// Content-Type (the recipe the docs used to show) is the control: the same page does run it.

const executablePath = findChromium();
const inCi = process.env.CI === "true";

describe("proxy browser availability", () => {
  it.runIf(inCi)("has a Chromium to drive under CI", () => {
    expect(executablePath, "CI=true but no Chromium: set CHROMIUM_PATH or install chromium").not.toBeNull();
  });
});

const FETCH_QUERY = "request_type=fetch_data&app_id=a&widget_id=w&issue_id=1&organization_id=o&account_id=2&requester_id=r&requester_email=e%40x.test";

const serveForFile = testServers("all");

/** A test server for the whole file (closed after its tests); its origin as `base`. */
async function listen(listener: TestHandler): Promise<{ base: string }> {
  return { base: (await serveForFile(listener)).url("") };
}

describe.skipIf(!executablePath)("createCustomAppProxy in Chromium: an app's HTML runs nothing on the host origin", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: { base: string };
  let host: { base: string };
  const beacons: string[] = [];

  beforeAll(async () => {
    app = await listen((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": "app_cookie=1; Path=/" });
      res.end(`<!doctype html><title>app</title><script>
        document.cookie = "pwned=1; path=/";
        (window.top || window).pwned = true;
        fetch("/beacon?ran=" + encodeURIComponent(location.href));
      </script>`);
    });

    const proxy = toNodeHandler(createCustomAppProxy({ resolveApp: () => ({ url: `${app.base}/widget`, secret: "s" }) }));
    host = await listen(async (req, res) => {
      const url = new URL(req.url!, "http://host");
      if (url.pathname === "/beacon") {
        beacons.push(url.searchParams.get("ran") ?? "");
        res.writeHead(204).end();
      } else if (url.pathname === "/api/custom-apps/billing") {
        await proxy(req, res);
      } else if (url.pathname === "/naive-proxy") {
        // The control: forwards the app's Content-Type, as the old doc snippet did.
        const upstream = await fetch(`${app.base}/widget${url.search}`, { redirect: "manual" });
        res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "application/octet-stream" });
        res.end(await upstream.text());
      } else {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": "agent_session=1; Path=/" });
        res.end("<!doctype html><title>help desk</title><h1>Help desk</h1>");
      }
    });
    browser = await chromium.launch(chromiumLaunchOptions(executablePath!));
  });

  beforeEach(async () => {
    await context?.close();
    beacons.length = 0;
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${host.base}/`);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  async function cookieNames(): Promise<string[]> {
    return (await context.cookies(host.base)).map((cookie) => cookie.name).sort();
  }

  /** Gives a script that did run time to set its flag and send its beacon. */
  const settle = () => page.waitForTimeout(300);

  it("control: a proxy that forwards the app's Content-Type runs the app's script on the host origin", async () => {
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      document.body.append(frame);
    }, `/naive-proxy?${FETCH_QUERY}`);
    await expect.poll(() => page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBe(true);
    await expect.poll(() => beacons.length).toBeGreaterThan(0);
    expect(await cookieNames()).toContain("pwned");
  });

  it("an iframe of the proxied URL on the host page runs nothing", async () => {
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener("load", resolve));
    }, `/api/custom-apps/billing?${FETCH_QUERY}`);
    await settle();
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(beacons).toEqual([]);
    expect(await cookieNames()).toEqual(["agent_session"]);
  });

  it("navigating to the proxied URL shows JSON and runs nothing", async () => {
    const response = await page.goto(`${host.base}/api/custom-apps/billing?${FETCH_QUERY}`);
    expect(response!.status()).toBe(502);
    expect(response!.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(response!.headers()["set-cookie"]).toBeUndefined();
    await settle();
    expect(beacons).toEqual([]);
    expect(await cookieNames()).toEqual(["agent_session"]);
    expect(JSON.parse((await page.textContent("body"))!)).toMatchObject({ kind: "not_json" });
  });

  it("a fetch of the proxied URL from the host page gets a JSON error and no cookie", async () => {
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as unknown };
    }, `/api/custom-apps/billing?${FETCH_QUERY}`);
    expect(answer).toEqual({
      status: 502,
      type: "application/json; charset=utf-8",
      body: { kind: "not_json", status: 200, error: "The app's answer is not JSON (Content-Type text/html); expected 200 with the widget JSON." },
    });
    await settle();
    expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(beacons).toEqual([]);
    expect(await cookieNames()).toEqual(["agent_session"]);
  });
});
