import react from "@vitejs/plugin-react";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { chromiumLaunchOptions, requireChromiumOrWarn } from "./test/chromium.ts";

const chromium = requireChromiumOrWarn();

// A fresh browser config per project: a shared object mislabels the projects (TOOLCHAIN.md).
function browser() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions(chromium as string) }),
    instances: [{ browser: "chromium" as const }],
  };
}

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: "unit",
      environment: "jsdom",
      globals: true,
      include: ["test/**/*.test.{ts,tsx}"],
      exclude: ["test/browser/**", "test/browser-node/**"],
      setupFiles: ["test/setup.ts"],
    },
  },
];

if (chromium) {
  projects.push(
    {
      extends: true,
      test: {
        name: "browser",
        include: ["test/browser/**/*.test.{ts,tsx}"],
        setupFiles: ["test/browser/setup.ts"],
        browser: browser(),
      },
    },
    {
      // Node tests that drive Chromium themselves with Playwright (the preview host).
      extends: true,
      test: {
        name: "browser-node",
        environment: "node",
        include: ["test/browser-node/**/*.test.{ts,tsx}"],
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
    },
    {
      // Every story as a test in Chromium: it must render, pass its play function, have no axe
      // violation (a11y.test = "error") and log no unexpected console error (.storybook/preview.tsx).
      extends: true,
      plugins: [storybookTest({ configDir: ".storybook" })],
      test: {
        name: "storybook",
        browser: browser(),
      },
    },
  );
}

export default defineConfig({
  plugins: [react()],
  // Pre-bundled up front so Vite does not discover them mid-run and reload the browser tests.
  optimizeDeps: { include: ["axe-core", "react", "react-dom", "react-dom/client", "react/jsx-dev-runtime"] },
  test: { projects },
});
