import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The browser-facing library: ESM entries for the package exports, CSS as its own entry so no
// module imports CSS (declarations stay clean and hosts choose when to load the stylesheet).
// A CommonJS copy (.cjs) beside it serves `require()` (Jest's default mode, CJS TypeScript).
const external = (id: string) =>
  /^(react|react-dom|zod|date-fns|@date-fns\/tz)(\/|$)/.test(id) || id.startsWith("node:");

const perModule = { assetFileNames: "[name][extname]", preserveModules: true, preserveModulesRoot: "src" } as const;

/** The shipped stylesheet without its comments (they explain the source, not the package): the CSS stays as written, light-dark() included. */
const stripCssComments = {
  name: "sidecard:strip-css-comments",
  generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; source?: string | Uint8Array }>) {
    for (const file of Object.values(bundle)) {
      if (file.type === "asset" && file.fileName.endsWith(".css") && typeof file.source === "string") {
        file.source = file.source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\n{2,}/g, "\n");
      }
    }
  },
};

export default defineConfig({
  plugins: [react(), stripCssComments],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    cssCodeSplit: true,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, "src/index.ts"),
        host: resolve(import.meta.dirname, "src/host/index.ts"),
        testing: resolve(import.meta.dirname, "src/testing/index.ts"),
        styles: resolve(import.meta.dirname, "src/styles/index.css"),
      },
    },
    rolldownOptions: {
      external,
      // One output module per source module: a host's bundler then drops whole modules it does
      // not use (the zod schemas stay out of a bundle that only renders widgets), and each
      // module keeps its own "use client" directive (the Next.js client boundary).
      output: [
        { ...perModule, format: "es", entryFileNames: "[name].js" },
        {
          ...perModule,
          format: "cjs",
          entryFileNames: "[name].cjs",
          exports: "named",
          // require() runs in Node (Jest, CJS servers): React 19's browser server renderer
          // creates a MessageChannel at load, which jsdom lacks and which keeps Jest from exiting.
          paths: { "react-dom/server": "react-dom/server.node" },
        },
      ],
    },
  },
});
