import { builtinModules } from "node:module";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// The Node-side entries: `sidecard/server` (dist/server.js) and the `sidecard` CLI (dist/cli.js).
// Runs after the browser library build, so it must not empty dist/.
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const external = (id: string) =>
  nodeBuiltins.has(id) || /^(react|react-dom|zod|date-fns|@date-fns\/tz)(\/|$)/.test(id);

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    target: "node20",
    ssr: true,
    lib: {
      entry: {
        server: resolve(import.meta.dirname, "src/server/index.ts"),
        cli: resolve(import.meta.dirname, "src/cli/sidecard.ts"),
      },
      formats: ["es"],
    },
    rolldownOptions: {
      external,
      // Keep dist/server.js's exports exactly the public API: shared code goes to a chunk
      // instead of being exported from server.js for cli.js to import.
      preserveEntrySignatures: "strict",
      output: { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
});
