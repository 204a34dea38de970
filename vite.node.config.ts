import { builtinModules } from "node:module";
import { resolve } from "node:path";
import { defineConfig } from "vite";

// The Node-side entries: `sidecard/server` (dist/server.js) and the `sidecard` CLI (dist/cli.js).
// Runs after the browser library build, so it must not empty dist/. `--mode cjs` builds the
// CommonJS copy of `sidecard/server` (dist/server.cjs) for `require()`; the CLI stays ESM.
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const external = (id: string) =>
  nodeBuiltins.has(id) || /^(react|react-dom|zod|date-fns|@date-fns\/tz)(\/|$)/.test(id);

export default defineConfig(({ mode }) => {
  const cjs = mode === "cjs";
  return {
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
          ...(cjs ? {} : { cli: resolve(import.meta.dirname, "src/cli/sidecard.ts") }),
        },
        formats: [cjs ? "cjs" : "es"],
      },
      rolldownOptions: {
        external,
        // Keep dist/server.js's exports exactly the public API: shared code goes to a chunk
        // instead of being exported from server.js for cli.js to import.
        preserveEntrySignatures: "strict",
        output: cjs
          ? { entryFileNames: "[name].cjs", chunkFileNames: "chunks/[name]-[hash].cjs", exports: "named" }
          : { entryFileNames: "[name].js", chunkFileNames: "chunks/[name]-[hash].js" },
      },
    },
  };
});
