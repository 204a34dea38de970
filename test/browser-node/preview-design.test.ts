// @vitest-environment node
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_WATCH_CLIENTS } from "../../src/cli/preview/file-watch.js";
import { startPreviewServer, type PreviewServer, type PreviewServerOptions } from "../../src/cli/preview/server.js";
import { readSharedPayload } from "../../src/cli/preview-app/share-link.js";
import { answer, startTestServer, type TestServer } from "../host/http-test-server.js";
import { chromiumLaunchOptions, findChromium } from "../chromium.js";

const executablePath = findChromium();

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const payload = (title: string, components: unknown[] = [{ type: "text", label: "Plan", value: "Enterprise" }]) =>
  pretty({ version: "1.0.0", header: { title }, components });

/** A payload file in a fresh folder. */
function payloadFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "sidecard-design-")), "payload.json");
  writeFileSync(file, text);
  return file;
}

describe.skipIf(!executablePath)("sidecard preview as a design tool, in Chromium", () => {
  let browser: Browser;
  let pageDir: string;
  const servers: PreviewServer[] = [];

  async function preview(options: Omit<PreviewServerOptions, "pageDir" | "port">): Promise<PreviewServer> {
    const server = await startPreviewServer({ ...options, pageDir, port: 0 });
    servers.push(server);
    return server;
  }

  /** A page that records console errors and Content-Security-Policy violations. */
  async function open(url: string, viewport = { width: 1440, height: 900 }): Promise<Page & { problems: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = (await context.newPage()) as Page & { problems: string[] };
    page.problems = [];
    page.on("pageerror", (error) => page.problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") page.problems.push(message.text());
    });
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective}`)),
    );
    await page.goto(url);
    return page;
  }

  const editor = (page: Page) => page.getByLabel("Payload JSON");
  const sidebarWidget = (page: Page) => page.getByTestId("sidebar").locator('[data-sidecard="widget"]');

  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), "sidecard-design-page-"));
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

  it("shows the payload beside the widget in a mock issue view's sidebar, under a strict CSP", async () => {
    const server = await preview({ target: { kind: "example" }, secret: "s" });
    const response = await fetch(server.url);
    expect(response.headers.get("content-security-policy")).toMatch(/style-src 'self';.*script-src 'self'/);
    const page = await open(server.url);

    await sidebarWidget(page).getByRole("heading", { name: "Acme Corp · account health" }).waitFor();
    // The editor holds the app's answer, pretty-printed, and says where it came from.
    expect(JSON.parse(await editor(page).inputValue())).toMatchObject({ version: "1.0.0", header: { title: "Acme Corp · account health" } });
    expect(await page.getByTestId("payload-source").textContent()).toMatch(/^The app's answer/);
    // The issue view: a conversation on the left, the sidebar (with the widget) on the right.
    const issue = page.getByTestId("issue-view");
    expect(await issue.getByRole("heading", { level: 3, name: /CSV export/ }).count()).toBe(1);
    expect(await issue.getByRole("list", { name: "Conversation (mock)" }).locator("li").count()).toBe(3);
    const conversation = (await issue.locator(".pv-issue-main").boundingBox())!;
    const sidebar = (await page.getByTestId("sidebar").boundingBox())!;
    expect(sidebar.x).toBeGreaterThan(conversation.x + conversation.width - 1);
    expect(await issue.textContent()).toContain("jane.doe@example.com"); // from the context parameters

    for (const width of [280, 360, 420]) {
      await page.getByLabel(`${width} px`).check();
      expect((await sidebarWidget(page).boundingBox())!.width).toBe(width);
    }
    // The page's chrome follows the theme through the widget's tokens.
    const chrome = () => page.locator(".pv-pane").first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await chrome();
    await page.getByLabel("Dark").check();
    expect(await chrome()).not.toBe(light);
    expect(await sidebarWidget(page).getAttribute("data-theme")).toBe("dark");

    expect(await page.locator("[style]").count()).toBe(0);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it("reports an invalid edit at its line and column, marks the line, jumps there, and keeps the last valid widget", async () => {
    const server = await preview({ target: { kind: "example" } });
    const page = await open(server.url);
    await sidebarWidget(page).waitFor();

    const broken = '{\n  "version": "1.0.0",\n  "header": { "title": "Draft" }\n  "components": []\n}';
    await editor(page).fill(broken);
    const error = page.getByTestId("json-error");
    await expect.poll(() => error.textContent()).toMatch(/^Line 4, column 3 Invalid JSON found '"' where ',' or '}' was expected/);
    expect(await editor(page).getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('.pv-gutter-line[data-problem="error"]').allTextContents()).toEqual(["4"]);
    expect(await page.getByTestId("diagnostic-count").textContent()).toBe("1 error, 0 warnings");
    // The widget stays (the last valid payload), marked as such, so the layout does not jump while typing.
    expect(await page.locator(".pv-stale-note").count()).toBe(1);
    expect(await sidebarWidget(page).count()).toBe(1);

    await error.getByRole("button", { name: "Line 4, column 3" }).click();
    expect(await editor(page).evaluate((el) => [document.activeElement === el, (el as HTMLTextAreaElement).selectionStart])).toEqual([
      true,
      broken.indexOf('"components"'),
    ]);

    // Schema diagnostics are placed too: at the value their JSON Pointer names.
    const invalid = payload("Draft", [{ type: "text", label: "Plan", value: "Pro" }, { type: "link", label: "Run", url: "javascript:alert(1)" }]);
    await editor(page).fill(invalid);
    const item = page.locator('.pv-problem-item[data-code="unsafe_url"]');
    await item.waitFor();
    const urlLine = invalid.split("\n").findIndex((line) => line.includes("javascript:")) + 1;
    const urlColumn = invalid.split("\n")[urlLine - 1].indexOf('"javascript:') + 1;
    expect(await item.getByRole("button").textContent()).toBe(`Line ${urlLine}, column ${urlColumn}`);
    expect(await item.textContent()).toContain("/components/1/url");
    await page.getByLabel("isolate").check();
    await sidebarWidget(page).locator('[data-sidecard-component="text"]').waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    // Format pretty-prints; Revert goes back to the app's answer.
    await editor(page).fill('{"version":"1.0.0","header":{"title":"One line"},"components":[]}');
    await page.getByRole("button", { name: "Format" }).click();
    expect(await editor(page).inputValue()).toBe(payload("One line", []));
    await page.getByRole("button", { name: "Revert" }).click();
    expect((JSON.parse(await editor(page).inputValue()) as { header: { title?: string } }).header.title).toBe("Acme Corp · account health");
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it("watch mode: the page follows the payload file as it is saved, at the file's own lines", async () => {
    const file = payloadFile(payload("First"));
    const server = await preview({ target: { kind: "file", path: file } });
    const page = await open(server.url);
    await sidebarWidget(page).getByRole("heading", { name: "First" }).waitFor();
    expect(await editor(page).inputValue()).toBe(payload("First"));
    await expect.poll(() => page.getByTestId("payload-source").textContent()).toMatch(/payload\.json · watching/);

    // Saved in place.
    writeFileSync(file, payload("Second"));
    await sidebarWidget(page).getByRole("heading", { name: "Second" }).waitFor();
    expect(await editor(page).inputValue()).toBe(payload("Second"));

    // Saved the way many editors do: a new file renamed over the old one.
    const temp = `${file}.tmp`;
    writeFileSync(temp, payload("Third"));
    renameSync(temp, file);
    await sidebarWidget(page).getByRole("heading", { name: "Third" }).waitFor();

    // A broken save: the error is at the file's line and column (the text is not reformatted).
    writeFileSync(file, '{\n  "version": "1.0.0",\n  oops\n}');
    await expect.poll(() => page.getByTestId("json-error").textContent()).toMatch(/^Line 3, column 3 Invalid JSON/);

    // The file does not overwrite edits made in the page: it offers to load instead.
    await editor(page).fill(payload("Mine"));
    writeFileSync(file, payload("Fourth"));
    await page.getByTestId("pending-source").waitFor();
    expect(await page.getByTestId("pending-source").textContent()).toMatch(/payload\.json changed on disk \(the editor has your edits\)/);
    expect(await editor(page).inputValue()).toBe(payload("Mine"));
    await page.getByRole("button", { name: "Load the file" }).click();
    expect(await editor(page).inputValue()).toBe(payload("Fourth"));
    await sidebarWidget(page).getByRole("heading", { name: "Fourth" }).waitFor();
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it("renders the light/dark × width matrix: eight widgets at 280, 360, 420 and the 640 px account notebook", async () => {
    const server = await preview({ target: { kind: "example" } });
    const page = await open(server.url, { width: 2400, height: 1200 });
    await sidebarWidget(page).waitFor();
    await page.getByRole("radio", { name: "Matrix" }).check();
    const cells = page.getByTestId("matrix-cell");
    await expect.poll(() => cells.locator('[data-sidecard="widget"]').count()).toBe(8);
    expect(await page.getByTestId("sidebar").count()).toBe(0); // one view at a time: bounded DOM
    expect(await page.getByRole("columnheader").allTextContents()).toEqual(["280 px", "360 px", "420 px", "Account notebook · 640 px"]);
    expect(await page.getByRole("rowheader").allTextContents()).toEqual(["Light", "Dark"]);

    const seen: string[] = [];
    const backgrounds = new Map<string, Set<string>>();
    for (let index = 0; index < 8; index++) {
      const cell = cells.nth(index);
      const widget = cell.locator('[data-sidecard="widget"]');
      const [width, theme] = [Number(await cell.getAttribute("data-width")), (await cell.getAttribute("data-theme"))!];
      seen.push(`${theme} ${width}`);
      expect((await widget.boundingBox())!.width).toBe(width);
      expect(await widget.getAttribute("data-theme")).toBe(theme);
      expect(await widget.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const background = await cell.evaluate((el) => getComputedStyle(el).backgroundColor);
      backgrounds.set(theme, (backgrounds.get(theme) ?? new Set()).add(background));
    }
    expect(seen).toEqual(["light 280", "light 360", "light 420", "light 640", "dark 280", "dark 360", "dark 420", "dark 640"]);
    // Each row is one theme's colors, and the two rows differ.
    expect([backgrounds.get("light")!.size, backgrounds.get("dark")!.size]).toEqual([1, 1]);
    expect([...backgrounds.get("light")!][0]).not.toBe([...backgrounds.get("dark")!][0]);
    // The matrix follows edits like the issue view.
    await editor(page).fill(payload("Edited in the matrix"));
    await expect.poll(() => page.getByRole("heading", { name: "Edited in the matrix" }).count()).toBe(8);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });

  it("copies a share link that carries the payload in the fragment; opening it in a fresh page shows the same widget", async () => {
    const server = await preview({ target: { kind: "example" } });
    const page = await open(server.url);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    await sidebarWidget(page).waitFor();
    const shared = payload("Shared draft", [
      { type: "text", label: "Owner", value: "Zoë Ångström 🚀" },
      { type: "badge", label: "Tier", items: [{ value: "Gold", color: "orange" }] },
    ]);
    await editor(page).fill(shared);
    await page.getByRole("button", { name: "Copy share link" }).click();
    await page.getByTestId("share-link").waitFor();
    const link = await page.getByTestId("share-link").inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await page.getByTestId("share-status").textContent()).toMatch(/^Link copied \(\d+ characters\)\. The payload is inside the link's #fragment: nothing is uploaded/);
    expect(link.startsWith(`${server.url}#payload=`)).toBe(true);
    expect(await readSharedPayload(new URL(link).hash)).toEqual({ ok: true, text: shared });
    const widgetHtml = await sidebarWidget(page).innerHTML();

    // A fresh browser context (no shared state) opening the link: same text, same widget, and
    // the payload is never sent to the server (the fragment stays in the browser).
    const fresh = await open(link);
    const requests: string[] = [];
    fresh.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
    await sidebarWidget(fresh).getByRole("heading", { name: "Shared draft" }).waitFor();
    expect(await editor(fresh).inputValue()).toBe(shared);
    expect(await fresh.getByTestId("payload-source").textContent()).toBe("From a share link");
    expect(await sidebarWidget(fresh).innerHTML()).toBe(widgetHtml);
    // The app's answer arrives after the handshake but does not replace the shared payload.
    await fresh.getByTestId("pending-source").waitFor();
    expect(await editor(fresh).inputValue()).toBe(shared);
    await fresh.reload();
    await sidebarWidget(fresh).getByRole("heading", { name: "Shared draft" }).waitFor();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((entry) => entry.includes("Shared draft") || entry.includes("payload="))).toEqual([]);

    // A damaged link says so instead of failing silently.
    const damaged = await open(`${server.url}#payload=~AAAA`);
    await expect.poll(() => damaged.getByTestId("share-status").textContent()).toMatch(/damaged|not UTF-8/);
    expect([...page.problems, ...fresh.problems, ...damaged.problems]).toEqual([]);
    await Promise.all([page.context().close(), fresh.context().close(), damaged.context().close()]);
  });

  it("is keyboard-usable: Tab reaches the controls, the editor and the problems, with a visible focus ring", async () => {
    const server = await preview({ target: { kind: "example" } });
    const page = await open(server.url);
    await sidebarWidget(page).waitFor();
    await editor(page).fill('{"version":"1.0.0",}');
    await page.getByTestId("json-error").waitFor();
    // Start from the top: a click on the (unfocusable) title sets where Tab starts.
    await page.getByRole("heading", { level: 1 }).click();

    const reached: string[] = [];
    const rings: Record<string, boolean> = {};
    for (let step = 0; step < 30; step++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const name = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
        // The ring is on the element, or on the frame/segment that draws it for it.
        const ringOf = (node: Element | null) => {
          if (!node) return false;
          const style = getComputedStyle(node);
          return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
        };
        const ring = ringOf(el) || ringOf(el.closest(".pv-editor")) || ringOf(el.parentElement?.querySelector("span") ?? null);
        return { label: `${el.tagName.toLowerCase()}:${name.trim()}`, ring };
      });
      reached.push(focused.label);
      rings[focused.label] = focused.ring;
    }
    for (const expected of [
      "button:Disconnect",
      "button:Copy share link",
      "input:Issue view", // the checked radio of each group is its tab stop
      "input:360 px",
      "input:Light",
      "input:strict",
      "button:Hide",
      "textarea:Payload JSON",
      "button:Line 1, column 20",
      "summary:Request to the app",
    ]) {
      expect(reached, `Tab should reach ${expected}`).toContain(expected);
      expect(rings[expected], `${expected} shows where focus is`).toBe(true);
    }
    // Tab leaves the editor (no focus trap); the order runs top to bottom, left to right.
    expect(reached.indexOf("button:Copy share link")).toBeLessThan(reached.indexOf("input:Issue view"));
    expect(reached.indexOf("textarea:Payload JSON")).toBeLessThan(reached.indexOf("button:Line 1, column 20"));

    // Arrow keys move within a segmented control, as with any radio group.
    await page.getByRole("radio", { name: "Issue view" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("radio", { name: "Matrix" }).isChecked()).toBe(true);
    await page.getByRole("region", { name: "Widths and themes matrix" }).waitFor();
    expect(await page.getByRole("region", { name: "Widths and themes matrix" }).getAttribute("tabindex")).toBe("0");
    await page.context().close();
  });

  it("--embed shows the iframe app under the widget, its template filled from the context, framed by the page's CSP", async () => {
    const seen: string[] = [];
    const embedApp: TestServer = await startTestServer((req, res) => {
      seen.push(req.url ?? "");
      answer(res, 200, "text/html; charset=utf-8", "<!doctype html><title>embedded</title><p id=hello>Hello from the iframe app</p>");
    });
    try {
      const template = `${embedApp.url()}issues/{{issue.id}}?who={{requester.email}}`;
      const server = await preview({ target: { kind: "example" }, embed: template });
      const response = await fetch(server.url);
      expect(response.headers.get("content-security-policy")).toContain(`frame-src ${new URL(embedApp.url()).origin}`);
      const page = await open(server.url);
      const frame = page.getByTestId("sidebar").locator("iframe");
      await frame.waitFor();
      const src = new URL((await frame.getAttribute("src"))!);
      expect(src.pathname).toMatch(/\/issues\/[^/]+$/);
      expect(src.searchParams.get("who")).toContain("@");
      expect(await frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
      expect(await frame.getAttribute("title")).toBe("Embedded app (preview)");
      // The page's CSP lets the frame load: the app's own page is inside it.
      await expect.poll(() => page.frameLocator('[data-testid="sidebar"] iframe').locator("#hello").textContent(), { timeout: 10_000 }).toBe("Hello from the iframe app");
      expect(seen.some((url) => url.startsWith("/issues/"))).toBe(true);
      expect(page.problems).toEqual([]);
      await page.close();
    } finally {
      await embedApp.close();
    }
  });

  it("--embed refuses a template whose origin holds a variable", async () => {
    await expect(preview({ target: { kind: "example" }, embed: "https://{{account.id}}.example.com/x" })).rejects.toThrow(/origin must be written out/);
  });
});

describe("the preview server's watch endpoint", () => {
  const servers: PreviewServer[] = [];
  const pageDir = mkdtempSync(join(tmpdir(), "sidecard-design-stub-"));
  writeFileSync(join(pageDir, "index.html"), "<!doctype html><title>stub</title>");
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  async function start(target: PreviewServerOptions["target"], maxBytes?: number) {
    const server = await startPreviewServer({ target, pageDir, port: 0, maxBytes });
    servers.push(server);
    return server;
  }

  /** Reads Server-Sent Events until `count` `payload` events came. */
  type WatchEvent = { text: string | null; error: string | null; version: number };
  async function events(response: Response, count: number): Promise<WatchEvent[]> {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    const found: WatchEvent[] = [];
    while (found.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        if (block.includes("event: payload") && data) found.push(JSON.parse(data.slice(6)) as WatchEvent);
      }
    }
    await reader.cancel();
    return found;
  }

  it("streams the file's text on connect and on each save; says so when it is missing or too large", async () => {
    const file = payloadFile("{}");
    const server = await start({ kind: "file", path: file }, 64);
    const config = (await (await fetch(`${server.url}api/config`)).json()) as { watch: boolean };
    expect(config.watch).toBe(true);
    const response = await fetch(`${server.url}api/watch`);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const received = events(response, 4);
    setTimeout(() => writeFileSync(file, '{"a":1}'), 150);
    setTimeout(() => writeFileSync(file, "x".repeat(65)), 400);
    setTimeout(() => renameSync(file, `${file}.gone`), 650);
    const [first, second, third, fourth] = await received;
    expect(first).toEqual({ text: "{}", error: null, version: 1 });
    expect(second).toEqual({ text: '{"a":1}', error: null, version: 2 });
    expect(third).toEqual({ text: null, error: "payload.json is larger than 64 bytes, the most the preview reads.", version: 3 });
    expect(fourth).toEqual({ text: null, error: "payload.json is missing (waiting for it to be saved again).", version: 4 });
  });

  it("answers 404 when no file is previewed, and 503 past the client limit", async () => {
    const example = await start({ kind: "example" });
    expect((await fetch(`${example.url}api/watch`)).status).toBe(404);
    expect(((await (await fetch(`${example.url}api/config`)).json()) as { watch: boolean }).watch).toBe(false);

    const server = await start({ kind: "file", path: payloadFile("{}") });
    const controllers = Array.from({ length: MAX_WATCH_CLIENTS }, () => new AbortController());
    const open = await Promise.all(controllers.map((controller) => fetch(`${server.url}api/watch`, { signal: controller.signal })));
    expect(open.every((response) => response.status === 200)).toBe(true);
    const refused = await fetch(`${server.url}api/watch`);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: string }).error).toBe(`At most ${MAX_WATCH_CLIENTS} pages can watch payload.json at once.`);
    for (const controller of controllers) controller.abort();
  });
});
