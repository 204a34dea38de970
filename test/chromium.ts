import { existsSync } from "node:fs";

/** Where a Chromium or Chrome may be on this machine, in the order we try them. */
const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** The browser for real-layout tests: `CHROMIUM_PATH` first, then the usual install paths. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Launch options that work headless as root on Debian (see shared/TOOLCHAIN.md). */
export function chromiumLaunchOptions(executablePath: string) {
  return {
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  };
}

/**
 * Browser tests are part of `npm test`. Without a browser they are skipped locally with a loud
 * notice, and fail under CI=true (a missing browser must never pass silently).
 */
export function requireChromiumOrWarn(): string | null {
  const path = findChromium();
  if (path) return path;
  const message = [
    "",
    "!".repeat(78),
    "!! No Chromium/Chrome found: the browser and story tests are NOT running.",
    "!! Install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.",
    "!".repeat(78),
    "",
  ].join("\n");
  if (process.env.CI === "true") throw new Error(`${message}\nCI=true: a missing browser is a failure.`);
  console.warn(message);
  return null;
}
