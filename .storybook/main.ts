import type { StorybookConfig } from "@storybook/react-vite";

// Storybook reads vite.config.ts for plugins but ignores its `build` section (the library build).
const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.tsx"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  // With telemetry on, `storybook build` waits on the closed network (TOOLCHAIN.md).
  core: { disableTelemetry: true },
};

export default config;
