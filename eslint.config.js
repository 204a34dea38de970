// ESLint 9 flat config: typescript-eslint (type-aware) + React hooks rules over all of sidecard's
// own code. `npm run lint` runs it with --max-warnings 0, so a warning fails CI like an error.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Build output, caches and the fixture apps' own installs are not ours to lint.
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "**/storybook-static/**",
      "**/coverage/**",
      "reports/**",
      ".stryker-tmp/**",
      "bench/results/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Config files at the root sit outside tsconfig.json's include on purpose.
          allowDefaultProject: ["*.js", "*.mjs"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_`-prefixed names are deliberate (unused parameters kept for a signature's shape).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Passing on a value whose type is unknown (an abort signal's reason, a caught error) is
      // allowed, as only-throw-error allows it by default; a literal non-Error is still an error.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Consumer fixtures: separate projects with their own package.json and tsconfig that import
    // the built package (scripts/check-*.ts install and type-check them); linted without types.
    files: ["examples/nextjs/**", "examples/jest/**", "test/fixtures/ts-consumers/**"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false } },
  },
  {
    // The Jest fixture is CommonJS on purpose: it checks that `require("sidecard")` works.
    files: ["examples/jest/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.jest, ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The bench's hand-written renderers read a trusted payload untyped on purpose: a minimal
    // baseline validates nothing and types nothing, which is what it measures against.
    files: ["bench/minimal.tsx", "bench/baseline.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
    },
  },
);
