/**
 * Next.js App Router check (issue 12): installs the packed tarball into examples/nextjs, runs
 * `next build` and `next start` on 127.0.0.1, fetches both pages and asserts the server-rendered
 * HTML holds every component of the widget, then loads them in Chromium and fails on any console
 * error or warning (a hydration mismatch is reported there) or uncaught page error.
 *
 *   npm run build && npm run check:nextjs
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright";
import { installInto, packTarball, root, run } from "./lib/pack-into.ts";

const fixture = join(root, "examples/nextjs");
const env = { NEXT_TELEMETRY_DISABLED: "1" };
const COMPONENTS = ["card", "text", "date_time", "badge", "button", "link", "divider"];

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on("error", reject);
  });
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

function checkWidgetHtml(page: string, html: string) {
  check(html.includes('data-sidecard="widget"'), `${page}: HTML holds data-sidecard="widget"`);
  for (const type of COMPONENTS) check(html.includes(`data-sidecard-component="${type}"`), `${page}: HTML holds a ${type}`);
  check(html.includes('class="sc-header"') && html.includes('class="sc-icon"'), `${page}: HTML holds the widget header and its icon`);
  check(html.includes("Globex Corporation"), `${page}: HTML holds the payload's text`);
  check(!html.includes('data-sidecard-state="error"'), `${page}: no error state`);
}

async function main() {
  installInto(fixture, packTarball());
  run(join(fixture, "node_modules/.bin/next"), ["build"], fixture, env);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(join(fixture, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: fixture,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        // Not listening yet: try again until the deadline.
      }
      if (Date.now() > deadline) throw new Error(`next start did not answer on ${base} within 30 s`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const serverHtml = await (await fetch(`${base}/`)).text();
    checkWidgetHtml("/ (Server Component)", serverHtml);
    check(serverHtml.includes("valid on the server"), "/: parseWidget ran in the Server Component");
    check(serverHtml.includes('data-override="dotted"'), "/: an override from a client file, passed by a Server Component, is rendered");
    const clientHtml = await (await fetch(`${base}/client`)).text();
    checkWidgetHtml("/client (client component)", clientHtml);
    check(clientHtml.includes('data-override="dotted"'), "/client: the override is rendered");

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      for (const path of ["/", "/client"]) {
        const page = await browser.newPage();
        const messages: string[] = [];
        page.on("console", (m) => {
          // The fixture has no favicon; the browser's request for one is not the page's doing.
          if (m.location().url.endsWith("/favicon.ico")) return;
          if (m.type() === "error" || m.type() === "warning") messages.push(`console.${m.type()}: ${m.text()} (${m.location().url})`);
        });
        page.on("pageerror", (error) => messages.push(`page error: ${error.message}`));
        await page.goto(`${base}${path}`);
        await page.waitForSelector("html[data-hydrated='true']", { timeout: 15_000 });
        // Widgets still there after hydration (a mismatch would make React re-render the tree).
        check((await page.locator('[data-sidecard="widget"]').count()) >= 1, `${path}: widget present after hydration`);
        if (path === "/client") {
          await page.getByRole("button", { name: /Theme/ }).click();
          check((await page.locator('[data-sidecard="widget"][data-theme="dark"]').count()) === 1, "/client: the widget re-renders on client state (theme dark)");
        }
        await page.waitForTimeout(500);
        check(messages.length === 0, `${path}: no console error or warning in Chromium (hydration)${messages.length ? `\n       ${messages.join("\n       ")}` : ""}`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.kill("SIGTERM");
  }
  if (failures.length > 0) {
    console.error(`\ncheck-nextjs: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log("\ncheck-nextjs: PASS");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
