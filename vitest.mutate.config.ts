// Stryker runs the jsdom unit project only: the browser projects need a Chromium per worker,
// which Stryker's vitest runner cannot drive. The unit project is taken from vitest.config.ts so
// there is one definition of it. Left out here: the fuzz properties (their seed is fixed, but
// they cover nearly every parse line, so every parse mutant would run them all: far too slow
// once instrumented).
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import base from "./vitest.config.ts";

const unit = (base.test?.projects ?? []).find(
  (project): project is TestProjectInlineConfiguration =>
    typeof project === "object" && "test" in project && project.test?.name === "unit",
);
if (!unit?.test) throw new Error("vitest.config.ts has no project named unit");

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: [
      {
        ...unit,
        test: {
          ...unit.test,
          exclude: [...(unit.test.exclude ?? []), "test/fuzz/**"],
          setupFiles: [...[unit.test.setupFiles ?? []].flat(), "test/mutate-setup.ts"],
          // Instrumented code on two shared cores runs several times slower than usual.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
