// @vitest-environment node
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer, type PreviewServer } from "../../src/cli/preview/server.js";
import { chromiumLaunchOptions, findChromium } from "../chromium.js";
import { answer, testServers } from "../host/http-test-server.js";

const executablePath = findChromium();
const inCi = process.env.CI === "true";

if (!executablePath && !inCi) {
  console.warn(
    "\n!!! SKIPPING the preview browser tests: no Chromium found (set CHROMIUM_PATH or install /usr/bin/chromium).\n" +
      "!!! With CI=true a missing browser fails instead.\n",
  );
}

describe("preview browser availability", () => {
  it.runIf(inCi)("has a Chromium to drive under CI", () => {
    expect(executablePath, "CI=true but no Chromium: set CHROMIUM_PATH or install chromium").not.toBeNull();
  });
});

const SECRET = "preview-secret";
const BROKEN_PAYLOAD = {
  version: "1.0.0",
  header: { title: "Broken" },
  components: [
    { type: "text", label: "Seats", value: 12 },
    { type: "card", components: [{ type: "card", components: [] }] },
    { type: "link", label: "Run", url: "javascript:alert(1)" },
  ],
};

describe.skipIf(!executablePath)("sidecard preview in Chromium", () => {
  let browser: Browser;
  let pageDir: string;
  const servers: Array<{ close(): Promise<void> }> = [];
  const serveApp = testServers("all");

  async function preview(options: Omit<Parameters<typeof startPreviewServer>[0], "pageDir" | "port">): Promise<PreviewServer> {
    const server = await startPreviewServer({ ...options, pageDir, port: 0 });
    servers.push(server);
    return server;
  }

  async function open(server: PreviewServer): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors: string[] = [];
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(server.url);
    (page as Page & { consoleErrors: string[] }).consoleErrors = consoleErrors;
    return page;
  }

  const status = (page: Page) => page.getByTestId("connection-status");

  beforeAll(async () => {
    // Build the real preview page (the same config `npm run build` uses) into a scratch folder.
    pageDir = mkdtempSync(join(tmpdir(), "sidecard-preview-page-"));
    await build({
      configFile: fileURLToPath(new URL("../../vite.preview.config.ts", import.meta.url)),
      logLevel: "error",
      build: { outDir: pageDir, emptyOutDir: true },
    });
    browser = await chromium.launch(chromiumLaunchOptions(executablePath!));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await browser?.close();
  });

  it("handshakes with the example app, renders the widget, and switches theme and width", async () => {
    const server = await preview({ target: { kind: "example" }, secret: SECRET });
    const page = await open(server);

    await expect.poll(() => status(page).textContent()).toBe("Verified");
    const widget = page.locator('[data-sidecard="widget"]');
    await widget.waitFor();
    expect(await widget.getByRole("heading", { name: "Acme Corp · account health" }).count()).toBe(1);
    expect(await widget.locator('[data-sidecard-component="badge"]').count()).toBeGreaterThan(0);
    expect(await widget.locator('[data-sidecard-component="button"] a, a[data-sidecard-component="button"]').first().getAttribute("href")).toBe(
      "https://admin.example.com/accounts/acc_3",
    );
    expect(await page.getByTestId("exchange").textContent()).toMatch(/HTTP 200 · \d+ ms · signed/);
    expect(await page.getByTestId("diagnostic-count").textContent()).toBe("0 errors, 0 warnings");
    // The answer is in the payload editor, pretty-printed.
    expect(JSON.parse(await page.getByLabel("Payload JSON").inputValue())).toMatchObject({ version: "1.0.0" });

    const background = () => widget.evaluate((el) => getComputedStyle(el).backgroundColor);
    const color = () => widget.evaluate((el) => getComputedStyle(el).color);
    const lightColors = [await background(), await color()];
    await page.getByLabel("Dark").check();
    expect(await widget.getAttribute("data-theme")).toBe("dark");
    expect([await background(), await color()]).not.toEqual(lightColors);

    const sidebar = page.getByTestId("sidebar");
    for (const width of [280, 360, 420]) {
      await page.getByLabel(`${width} px`).check();
      expect((await sidebar.boundingBox())!.width).toBe(width);
      expect((await widget.boundingBox())!.width).toBe(width);
      // Nothing in the widget overflows the sidebar horizontally.
      expect(await widget.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    expect((page as Page & { consoleErrors: string[] }).consoleErrors).toEqual([]);
    await page.close();
  });

  it("sends the edited context, signs requests, and shows the app's 401 when unsigned", async () => {
    const server = await preview({ target: { kind: "example" }, secret: SECRET });
    const page = await open(server);
    await expect.poll(() => status(page).textContent()).toBe("Verified");

    await page.getByText("Request to the app").click(); // the request controls fold away under the editor
    // No account id, and an email domain the example app has no account for: its answer names the domain it was sent.
    await page.getByLabel("account_id").fill("");
    await page.getByLabel("requester_email").fill("zoë@exämple.com");
    await page.getByRole("button", { name: "Re-fetch" }).click();
    await expect.poll(() => page.locator('[data-sidecard="widget"]').textContent()).toContain("Nobody at exämple.com has an account yet.");

    await page.getByLabel(/Sign requests/).uncheck();
    await page.getByRole("button", { name: "Re-fetch" }).click();
    await expect.poll(() => page.getByTestId("fetch-problem").textContent()).toMatch(/HTTP 401: Missing X-Pylon-Signature/);
    expect(await page.getByTestId("exchange").textContent()).toMatch(/HTTP 401 .* unsigned/);
    await page.close();
  });

  it("shows Unverified for an app that fails the handshake, and verifies on Retry connection", async () => {
    let answerCorrectly = false;
    const app = await serveApp((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.searchParams.get("request_type") === "verify") {
        const code = answerCorrectly ? url.searchParams.get("code") : "wrong";
        answer(res, 200, "application/json", JSON.stringify({ code }));
      } else {
        answer(res, 200, "application/json", JSON.stringify({ version: "1.0.0", header: {}, components: [] }));
      }
    });
    const appUrl = app.url("/custom-app");

    const server = await preview({ target: { kind: "url", url: appUrl } });
    const page = await open(server);
    await expect.poll(() => status(page).textContent()).toBe("Unverified");
    expect(await page.getByTestId("connection-problem").textContent()).toMatch(/answered the code "wrong"; expected "[0-9a-f]{32}", the code sent with this handshake/);
    expect(await page.locator('[data-sidecard="widget"]').count()).toBe(0);

    answerCorrectly = true;
    await page.getByRole("button", { name: "Retry connection" }).click();
    await expect.poll(() => status(page).textContent()).toBe("Verified");
    await page.locator('[data-sidecard="widget"]').waitFor();

    await page.getByRole("button", { name: "Disconnect" }).click();
    expect(await status(page).textContent()).toBe("Disconnected");
    expect(await page.locator('[data-sidecard="widget"]').count()).toBe(0);
    await page.close();
  });

  it("shows Unverified for an app that redirects, and the redirect target receives nothing", async () => {
    const targetSaw: string[] = [];
    const target = await serveApp((req, res) => {
      targetSaw.push(req.url ?? "");
      answer(res, 200, "text/plain", new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "");
    });
    const targetOrigin = target.url("");
    const app = await serveApp((req, res) => void res.writeHead(302, { Location: `${targetOrigin}${req.url}` }).end());

    const server = await preview({ target: { kind: "url", url: app.url("/app") }, secret: SECRET });
    const page = await open(server);
    await expect.poll(() => status(page).textContent()).toBe("Unverified");
    expect(await page.getByTestId("connection-problem").textContent()).toMatch(/HTTP 302 Found, a redirect to .*Redirects are not followed/);
    expect(await page.locator('[data-sidecard="widget"]').count()).toBe(0);
    expect(targetSaw).toEqual([]);
    await page.close();
  });

  it("serves a payload file as the app and lists a broken payload's diagnostics at the file's lines", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sidecard-preview-file-")), "broken.json");
    const text = JSON.stringify(BROKEN_PAYLOAD, null, 2);
    writeFileSync(file, text);
    const server = await preview({ target: { kind: "file", path: file } });
    const page = await open(server);
    await expect.poll(() => status(page).textContent()).toBe("Verified");

    const diagnostics = page.getByTestId("diagnostics");
    await diagnostics.waitFor();
    const lineOf = (needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;
    const items = await diagnostics.locator("li").allTextContents();
    expect(items).toEqual([
      expect.stringMatching(new RegExp(`^Line ${lineOf('"value": 12')}, column \\d+ error /components/0/value .*\\[invalid_type\\]$`)),
      expect.stringMatching(/^Line \d+, column \d+ error \/components\/1\/components\/0 .*\[nested_card\]$/),
      expect.stringMatching(new RegExp(`^Line ${lineOf("javascript:")}, column \\d+ error /components/2/url .*\\[unsafe_url\\]$`)),
    ]);
    expect(await page.getByTestId("diagnostic-count").textContent()).toBe("3 errors, 0 warnings");
    // Strict mode: the widget shows its error state, and never a javascript: link.
    await page.locator('[data-sidecard="widget"] [data-sidecard-state="error"]').waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    // Re-fetch still goes through the host client (the exchange line), and the file is re-read.
    writeFileSync(file, JSON.stringify({ version: "1.0.0", header: { title: "Fixed" }, components: [{ type: "divider" }] }));
    await page.getByText("Request to the app").click();
    await page.getByRole("button", { name: "Re-fetch" }).click();
    await page.locator('[data-sidecard="widget"] [data-sidecard-component="divider"]').waitFor();
    expect(await page.getByTestId("diagnostic-count").textContent()).toBe("0 errors, 0 warnings");

    // Text that is not JSON: the host client's answer and the editor both name line and column.
    writeFileSync(file, '{\n  "version": "1.0.0",\n  oops\n}');
    await page.getByRole("button", { name: "Re-fetch" }).click();
    await expect.poll(() => page.getByTestId("fetch-problem").textContent()).toMatch(/not valid JSON at line 3, column 3/);
    await expect.poll(() => page.getByTestId("json-error").textContent()).toMatch(/^Line 3, column 3/);
    await page.close();
  });
});
