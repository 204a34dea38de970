// Mutation testing (`npm run mutate`): see CONTRIBUTING.md, "Mutation testing".
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "src/parse/**/*.ts",
    "src/render/**/*.{ts,tsx}",
    "src/components/**/*.tsx",
    "src/protocol/**/*.ts",
    "src/schema/**/*.ts",
  ],
  coverageAnalysis: "perTest",
  // Static mutants (module-level tables and constants, evaluated once at import) can only be
  // judged by re-running every test for each of them; they made a run several times longer.
  // CONTRIBUTING.md, "Mutation testing", says what this leaves out.
  ignoreStatic: true,
  // Two cores on the project's machines; more workers only queue.
  concurrency: 2,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // The sandbox copy needs sources and tests only, not build output or image baselines.
  ignorePatterns: ["dist", "storybook-static", "bench/results", "test/visual", "**/.next", "coverage"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10000,
};
