/**
 * Size budget: what `import { Widget, parseWidget } from "sidecard"` adds to a consumer's
 * production Vite build (minified, tree-shaken, gzip), React and react-dom excluded, zod,
 * date-fns and @date-fns/tz included; and the shipped stylesheet. Exits 1 over budget.
 * Also fails when signing code (`crypto.subtle`) is in that bundle, or is loaded up front by a
 * browser bundle of `sidecard/host` (it must stay in the chunk imported only with a secret).
 *
 *   npm run size                 # bundles dist/index.js (run `npm run build` first)
 *   npm run size -- --source     # bundles src/index.ts instead (no build needed)
 *   npm run size -- --json       # machine-readable result on stdout
 *   npm run size -- --top 25     # how many contributors to list (default 15)
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";

const KiB = 1024;
export const BUDGETS = { jsGzip: 20 * KiB, cssGzip: 4 * KiB } as const;

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const fromSource = args.includes("--source");
const asJson = args.includes("--json");
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 15;

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(2)} KiB`;

/** `node_modules/zod/v4/mini/schemas.js` → package `zod`; a sidecard file → `sidecard`. */
function packageOf(id: string): string {
  const clean = id.replace(/\0/g, "").split("?")[0];
  const at = clean.lastIndexOf(`node_modules${sep}`);
  if (at === -1) return "sidecard";
  const parts = clean.slice(at + "node_modules".length + 1).split(sep);
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

function shortName(id: string): string {
  const clean = id.replace(/\0/g, "").split("?")[0];
  const at = clean.lastIndexOf(`node_modules${sep}`);
  return at === -1 ? relative(root, clean) : clean.slice(at + "node_modules".length + 1);
}

/** The module a consumer's `import … from "sidecard/<subpath>"` resolves to. */
function libraryEntry(subpath: "" | "host"): string {
  if (fromSource) return join(root, subpath === "" ? "src/index.ts" : `src/${subpath}/index.ts`);
  return join(root, subpath === "" ? "dist/index.js" : `dist/${subpath}.js`);
}

// Signing must not reach a browser bundle (SPEC: secrets never run in the browser).
const SIGNING_MARKER = "crypto.subtle";

async function bundleConsumer(): Promise<Rolldown.OutputChunk> {
  const chunks = await bundle(`import { Widget, parseWidget } from "sidecard";\nwindow.__sidecard = { Widget, parseWidget };\n`, false);
  if (chunks.length !== 1) throw new Error(`expected one JS chunk, got ${chunks.length}`);
  return chunks[0];
}

/**
 * A browser host's bundle of `sidecard/host` with code splitting on, as Vite builds it: the
 * chunks loaded up front must hold no signing code (it is imported lazily, only with a secret).
 */
async function hostEagerChunks(): Promise<Rolldown.OutputChunk[]> {
  const chunks = await bundle(`import { CustomApp, ConnectionPanel } from "sidecard/host";\nwindow.__sidecard = { CustomApp, ConnectionPanel };\n`, true);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (eager.has(chunk)) return;
    eager.add(chunk);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return [...eager];
}

async function bundle(entryCode: string, codeSplitting: boolean): Promise<Rolldown.OutputChunk[]> {
  for (const library of [libraryEntry(""), libraryEntry("host")]) {
    if (existsSync(library)) continue;
    console.error(`${relative(root, library)} does not exist: run \`npm run build\` first, or pass --source.`);
    process.exit(2);
  }
  const entryId = "\0consumer-entry";
  const output = await build({
    configFile: false,
    root,
    logLevel: "silent",
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [
      {
        name: "consumer-entry",
        enforce: "pre",
        resolveId(id) {
          if (id === entryId) return id;
          if (id === "sidecard") return libraryEntry("");
          if (id === "sidecard/host") return libraryEntry("host");
          return null;
        },
        load(id) {
          // Uses the exports so none is tree-shaken away, like an app that renders and validates.
          if (id === entryId) return entryCode;
          return null;
        },
      },
    ],
    build: {
      write: false,
      outDir: join(tmpdir(), "sidecard-size"), // nothing is written (write: false)
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: entryId,
        external: (id) => /^(react|react-dom)(\/|$)/.test(id),
        output: { codeSplitting },
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  return results.flatMap((r) => ("output" in r ? r.output : [])).filter((o): o is Rolldown.OutputChunk => o.type === "chunk");
}

interface Contributor {
  module: string;
  package: string;
  renderedBytes: number;
  /** The module's share of the gzip total, in proportion to its rendered size (an estimate). */
  estimatedGzip: number;
}

async function main() {
  const chunk = await bundleConsumer();
  const jsMinified = Buffer.byteLength(chunk.code);
  const jsGzip = gzip(chunk.code);

  const modules = Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0);
  const totalRendered = modules.reduce((sum, [, m]) => sum + m.renderedLength, 0) || 1;
  const contributors: Contributor[] = modules
    .map(([id, m]) => ({
      module: shortName(id),
      package: packageOf(id),
      renderedBytes: m.renderedLength,
      estimatedGzip: Math.round((jsGzip * m.renderedLength) / totalRendered),
    }))
    .sort((a, b) => b.renderedBytes - a.renderedBytes);
  const byPackage = new Map<string, { renderedBytes: number; estimatedGzip: number; modules: number }>();
  for (const c of contributors) {
    const entry = byPackage.get(c.package) ?? { renderedBytes: 0, estimatedGzip: 0, modules: 0 };
    entry.renderedBytes += c.renderedBytes;
    entry.estimatedGzip += c.estimatedGzip;
    entry.modules += 1;
    byPackage.set(c.package, entry);
  }

  const cssPath = join(root, "dist/styles.css");
  const css = existsSync(cssPath) ? readFileSync(cssPath) : null;
  const cssGzip = css ? gzip(css) : null;
  // For information: what a consumer's build makes of it after CSS minification.
  const cssMinifiedGzip = css ? gzip(roughlyMinifyCss(css.toString("utf8"))) : null;

  const failures: string[] = [];
  if (chunk.code.includes(SIGNING_MARKER)) failures.push(`the "sidecard" bundle contains signing code (${SIGNING_MARKER}).`);
  const hostEager = await hostEagerChunks();
  const signingChunks = hostEager.filter((c) => c.code.includes(SIGNING_MARKER)).map((c) => c.fileName);
  if (signingChunks.length > 0) failures.push(`the "sidecard/host" bundle loads signing code (${SIGNING_MARKER}) up front in ${signingChunks.join(", ")}.`);
  if (jsGzip > BUDGETS.jsGzip) failures.push(`JS is ${kib(jsGzip)} gzip, over the budget of ${kib(BUDGETS.jsGzip)} (by ${kib(jsGzip - BUDGETS.jsGzip)}).`);
  if (cssGzip === null) failures.push("dist/styles.css does not exist: run `npm run build` first.");
  else if (cssGzip > BUDGETS.cssGzip) failures.push(`dist/styles.css is ${kib(cssGzip)} gzip, over the budget of ${kib(BUDGETS.cssGzip)} (by ${kib(cssGzip - BUDGETS.cssGzip)}).`);

  if (asJson) {
    console.log(JSON.stringify({
      source: fromSource ? "src/index.ts" : "dist/index.js",
      js: { minifiedBytes: jsMinified, gzipBytes: jsGzip, budgetGzipBytes: BUDGETS.jsGzip },
      css: { bytes: css?.length ?? null, gzipBytes: cssGzip, minifiedGzipBytes: cssMinifiedGzip, budgetGzipBytes: BUDGETS.cssGzip },
      packages: Object.fromEntries(byPackage),
      modules: contributors,
      hostEagerSigningFree: signingChunks.length === 0,
      failures,
    }, null, 2));
  } else {
    console.log(`sidecard size (consumer bundle of ${fromSource ? "src/index.ts" : "dist/index.js"}: Widget + parseWidget, React external, minified, gzip -9)\n`);
    console.log(`  JS   ${kib(jsMinified).padStart(11)} minified  ${kib(jsGzip).padStart(10)} gzip   budget ${kib(BUDGETS.jsGzip)}  ${jsGzip <= BUDGETS.jsGzip ? "PASS" : "FAIL"}`);
    if (css && cssGzip !== null) console.log(`  CSS  ${kib(css.length).padStart(11)} shipped   ${kib(cssGzip).padStart(10)} gzip   budget ${kib(BUDGETS.cssGzip)}  ${cssGzip <= BUDGETS.cssGzip ? "PASS" : "FAIL"}  (comments and whitespace out: ${kib(cssMinifiedGzip ?? 0)} gzip)`);
    console.log("\n  By package (gzip share estimated from each module's rendered size):");
    for (const [name, p] of [...byPackage].sort((a, b) => b[1].renderedBytes - a[1].renderedBytes)) {
      console.log(`    ${name.padEnd(16)} ${String(p.modules).padStart(3)} modules  ${kib(p.renderedBytes).padStart(10)} rendered  ~${kib(p.estimatedGzip).padStart(9)} gzip  ${((100 * p.renderedBytes) / totalRendered).toFixed(1).padStart(5)}%`);
    }
    console.log(`\n  Top ${Math.min(top, contributors.length)} modules:`);
    for (const c of contributors.slice(0, top)) {
      console.log(`    ${kib(c.renderedBytes).padStart(10)} rendered  ~${kib(c.estimatedGzip).padStart(9)} gzip  ${c.module}`);
    }
    console.log(`\n  Signing code (${SIGNING_MARKER}): ${chunk.code.includes(SIGNING_MARKER) ? "FOUND in \"sidecard\"" : "none in \"sidecard\""}; ${signingChunks.length === 0 ? "none loaded up front by \"sidecard/host\" (lazy chunk only)" : "LOADED UP FRONT by \"sidecard/host\""}`);
    console.log("");
    if (!fromSource && existsSync(join(root, "src"))) {
      const distTime = statSync(join(root, "dist/index.js")).mtimeMs;
      const newest = newestMtime(join(root, "src"));
      if (newest > distTime) console.log("  note: src/ has changed since the last build; run `npm run build` (or pass --source) for current figures.\n");
    }
  }
  for (const failure of failures) console.error(`size budget FAILED: ${failure}`);
  if (failures.length === 0 && !asJson) console.log("size budget: PASS");
  process.exitCode = failures.length > 0 ? 1 : 0;
}

/** Comments and whitespace out: close to what a CSS minifier saves, without depending on one. */
function roughlyMinifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{}:;,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirRecursive(dir)) newest = Math.max(newest, statSync(entry).mtimeMs);
  return newest;
}

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
