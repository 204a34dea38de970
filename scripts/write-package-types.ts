/**
 * Declarations tsc cannot emit, after it has run. First the stylesheet's: `sidecard/styles.css`
 * is imported for its side effect only, and TypeScript 7 rejects a side-effect import it has no
 * declaration for (TS2882); the exports' `types` conditions point at these. Then a CommonJS twin
 * (`.d.cts`) of every declaration in dist/ that tsc emitted as ESM (`.d.ts`), the stylesheet's
 * included: the `require` export conditions point at them, so a CJS consumer
 * (moduleResolution node16/nodenext) gets CJS-format types whose relative imports name the
 * `.cjs` files, not ESM types it could not `require`.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const dist = resolve(import.meta.dirname, "../dist");

// Relative specifiers only: `from "./x.js"` / `import("../y.js")` become `.cjs`; packages stay.
const relativeJs = /((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.js(["'])/g;

const CSS_DECLARATION = `// The stylesheet exports nothing: \`import "sidecard/styles.css";\` loads it for its side effect.
export {};
`;
writeFileSync(join(dist, "styles.css.d.ts"), CSS_DECLARATION);

let written = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, "utf8").replace(relativeJs, "$1$2.cjs$3");
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), text);
  written++;
}
console.log(`wrote ${written} .d.cts declarations`);
