import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The page `sidecard preview` serves: a small React app around the real <Widget>, built into
// dist/preview/ next to dist/cli.js. Everything is bundled; nothing is loaded from a CDN.
export default defineConfig({
  plugins: [react()],
  root: resolve(import.meta.dirname, "src/cli/preview-app"),
  base: "./",
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, "dist/preview"),
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
    // Browsers with native light-dark(): lowering it breaks the tokens, which are declared on
    // :root and must resolve where they are used (each widget follows its own color-scheme).
    cssTarget: ["chrome123", "edge123", "firefox120", "safari17.5"],
    // No inline <script>/<style>: the preview page is served with a strict Content-Security-Policy.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
