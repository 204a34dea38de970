/**
 * sidecard benchmark: `<Widget>` against a minimal hand-written baseline (bench/minimal.tsx: the
 * same visible result with the fewest elements, no validation) and, as a second column, the
 * identical-DOM baseline (bench/baseline.tsx: sidecard's own markup by hand), all three in one
 * Chromium page; plus `renderToString` and `parseWidget` in Node. See BENCHMARKS.md.
 *
 *   npm run bench                  # full run (5 warm-ups, then 25 repetitions per figure)
 *   npm run bench -- --quick       # fewer repetitions, for a quick look while optimising
 *   npm run bench -- --sizes 1000  # only some payload sizes (default 1000,10000)
 *   npm run bench -- --reps 40     # more repetitions (narrower medians on a noisy machine)
 *   npm run bench -- --no-build    # use the existing dist/ for the Node figures
 *   npm run bench -- --profile     # CPU profiles of mount, refresh and update (largest size)
 *   npm run bench -- --heap-diff   # what each renderer keeps in the JS heap, by kind (smallest size)
 *   npm run bench -- --screenshot  # bench/results/look-<variant>.png: 20 components of each, to compare the looks
 *   CHROMIUM_PATH=/path/to/chrome npm run bench
 *
 * Prints every figure and each target as PASS/FAIL, writes bench/results/latest.json, and
 * exits 1 when a target is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join, relative, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium, type Browser, type CDPSession, type Page } from "playwright";
import { build } from "vite";
import type { BenchApi } from "./page.js";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizesArg = args.indexOf("--sizes");
const SIZES = sizesArg >= 0 ? args[sizesArg + 1].split(",").map(Number) : [1_000, 10_000];
const WARMUPS = quick ? 2 : 5;
const repsArg = args.indexOf("--reps");
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 5 : 25;
/** Heap figures barely vary between repetitions, and each costs several full garbage collections. */
const HEAP_REPS = quick ? 3 : 8;
const NODE_REPS = quick ? 10 : 25;
const SSR_REPS = quick ? 5 : 15;
const profile = args.includes("--profile");
const VARIANTS = ["widget", "minimal", "sameDom"] as const;
type Variant = (typeof VARIANTS)[number];

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--js-flags=--expose-gc",
];

interface Stats {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples };
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const perVariant = <T>(make: () => T): Record<Variant, T> => ({ widget: make(), minimal: make(), sameDom: make() });

// ---------------------------------------------------------------------------------------------
// 1. Production bundles of the three pages.

async function buildPages(outDir: string, minify = true): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: Object.fromEntries(VARIANTS.map((variant) => [variant, join(root, `bench/pages/${variant === "sameDom" ? "same-dom" : variant}.tsx`)])),
        output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
      },
    },
  });
  const styles = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".css"))
    .map((e) => `<link rel="stylesheet" href="/${relative(outDir, join(e.parentPath, e.name))}">`)
    .join("");
  const scripts = VARIANTS.map((variant) => `<script type="module" src="/${variant}.js"></script>`).join("");
  // Each mount gets a container of a sidebar's width, so layout does a sidebar's work.
  const frame = "<style>body{margin:0}.bench-frame{width:320px}</style>";
  writeFileSync(join(outDir, "bench.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sidecard bench</title>${frame}${styles}${scripts}</head><body></body></html>`);
}

// Cross-origin isolation headers give performance.now() its fine (5 µs) resolution.
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = createServer((request, response) => {
    const path = join(dir, new URL(request.url ?? "/", "http://x").pathname);
    if (!path.startsWith(dir)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(path);
      response.writeHead(200, {
        "Content-Type": types[extname(path)] ?? "application/octet-stream",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
        "Cache-Control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      done({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Driving the page.

interface BenchPage {
  variant: Variant;
  page: Page;
  cdp: CDPSession;
}

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Builds the three pages (minified, or not so that function names survive in profiles), serves
 * them, opens them in one Chromium and hands them to `measure`; browser, server and build go after.
 */
async function withPages<T>(minify: boolean, measure: (pages: Record<Variant, BenchPage>) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(join(tmpdir(), "sidecard-bench-"));
  log(`building production bundles → ${outDir}`);
  await buildPages(outDir, minify);
  const { server, origin } = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return await measure(await openPages(browser, origin));
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * All variants live in ONE page: same renderer process, same heap, same React, same core.
 * (With a page each, identical code measured 3–12 % apart depending on which page ran it.)
 * Each repetition measures one variant at a time.
 */
async function openPages(browser: Browser, origin: string): Promise<Record<Variant, BenchPage>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction((variants) => variants.every((v) => typeof window.benches?.[v] === "object"), [...VARIANTS]);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await cdp.send("Performance.enable");
  return { widget: { variant: "widget", page, cdp }, minimal: { variant: "minimal", page, cdp }, sameDom: { variant: "sameDom", page, cdp } };
}

/** Runs `fn` in the page on the variant's bench API. `fn` is sent as source: it may only use its arguments. */
function run<A, R>(p: BenchPage, fn: (bench: BenchApi, arg: A) => R, arg?: A): Promise<R> {
  return p.page.evaluate<R>(`(${fn.toString()})(window.benches[${JSON.stringify(p.variant)}], ${JSON.stringify(arg ?? null)})`);
}

interface Memory {
  /** V8's JS heap (CDP Runtime.getHeapUsage usedSize). */
  js: number;
  /** Blink's garbage-collected heap, DOM nodes and their wrappers' C++ side (embedderHeapUsedSize). */
  blink: number;
  /** DOM nodes alive in the renderer, text nodes included (CDP Performance.getMetrics Nodes). */
  nodes: number;
}

async function memory(p: BenchPage): Promise<Memory> {
  await run(p, (b) => b.gc());
  await p.cdp.send("HeapProfiler.collectGarbage");
  const usage = (await p.cdp.send("Runtime.getHeapUsage")) as { usedSize: number; embedderHeapUsedSize?: number };
  const { metrics } = await p.cdp.send("Performance.getMetrics");
  return { js: usage.usedSize, blink: usage.embedderHeapUsedSize ?? Number.NaN, nodes: metrics.find((m) => m.name === "Nodes")?.value ?? Number.NaN };
}

/** Whether the identical-DOM baseline still renders exactly the Widget's markup (it must be kept in step when sidecard's DOM changes). */
async function sameMarkup(pages: Record<Variant, BenchPage>, size: number): Promise<{ identical: boolean; detail: string }> {
  const html = perVariant(() => "");
  for (const variant of ["widget", "sameDom"] as const) {
    html[variant] = await run(pages[variant], (b, n) => {
      b.prepare(n);
      b.mount();
      const markup = b.html();
      b.unmount();
      return markup;
    }, size);
  }
  if (!html.widget.includes('data-sidecard-component="card"') || html.widget.includes('data-sidecard-state="error"')) {
    throw new Error(`the Widget did not render the ${size}-component payload:\n${html.widget.slice(0, 600)}`);
  }
  // The ids `aria-controls` points at come from useId, which counts differently in each root.
  const blankIds = (markup: string) => markup.replace(/ (id|aria-controls)="[^"]*"/g, ' $1=""');
  const a = blankIds(html.widget);
  const b = blankIds(html.sameDom);
  if (a === b) return { identical: true, detail: "" };
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return { identical: false, detail: `differ at char ${i}:\n  widget:   …${a.slice(Math.max(0, i - 100), i + 100)}\n  same DOM: …${b.slice(Math.max(0, i - 100), i + 100)}` };
}

interface SizeResult {
  elements: Record<Variant, number>;
  /** parseWidget alone in the page: the validation share of the Widget's mount. */
  validate: Stats;
  mount: Record<Variant, Stats>;
  mountLayout: Record<Variant, Stats>;
  refresh: Record<Variant, Stats>;
  update: Record<Variant, Stats>;
  heapJs: Record<Variant, Stats>;
  heapBlink: Record<Variant, Stats>;
  nodes: Record<Variant, Stats>;
}

/** Rotates which variant goes first, so none always runs right after another. */
function order(rep: number): readonly Variant[] {
  const k = rep % VARIANTS.length;
  return [...VARIANTS.slice(k), ...VARIANTS.slice(0, k)];
}

async function measureSize(pages: Record<Variant, BenchPage>, size: number): Promise<SizeResult> {
  const elements = perVariant(() => 0);
  for (const variant of VARIANTS) {
    elements[variant] = await run(pages[variant], (b, n) => {
      b.prepare(n);
      b.mount();
      const count = b.elementCount();
      b.unmount();
      return count;
    }, size);
  }

  // Mount, and mount + style + layout: a fresh payload and a fresh root every repetition.
  const mount = perVariant((): number[] => []);
  const mountLayout = perVariant((): number[] => []);
  for (const [samples, withLayout] of [[mount, false], [mountLayout, true]] as const) {
    log(`  ${withLayout ? "mount + layout" : "mount"}…`);
    for (let rep = 0; rep < WARMUPS + REPS; rep++) {
      for (const variant of order(rep)) {
        const ms = await run(pages[variant], (b, { n, layout }) => {
          b.prepare(n);
          b.gc();
          const elapsed = layout ? b.mountLayout() : b.mount();
          b.unmount();
          return elapsed;
        }, { n: size, layout: withLayout });
        if (rep >= WARMUPS) samples[variant].push(ms);
      }
    }
  }

  // What a mounted widget retains: JS heap, Blink's heap and DOM nodes, mounted minus before
  // (the payload is in memory in both).
  const heapJs = perVariant((): number[] => []);
  const heapBlink = perVariant((): number[] => []);
  const nodes = perVariant((): number[] => []);
  log("  heap retained…");
  for (let rep = 0; rep < 1 + HEAP_REPS; rep++) {
    for (const variant of order(rep)) {
      const p = pages[variant];
      await run(p, (b, n) => b.prepare(n), size);
      const before = await memory(p);
      await run(p, (b) => void b.mountLayout());
      const after = await memory(p);
      await run(p, (b) => b.unmount());
      if (rep >= 1) {
        heapJs[variant].push(after.js - before.js);
        heapBlink[variant].push(after.blink - before.blink);
        nodes[variant].push(after.nodes - before.nodes);
      }
    }
  }

  const validate: number[] = [];
  for (let rep = 0; rep < WARMUPS + REPS; rep++) {
    const ms = await run(pages.widget, (b, n) => {
      b.prepare(n);
      b.gc();
      return b.validate() as number;
    }, size);
    if (rep >= WARMUPS) validate.push(ms);
  }

  // Refresh (a fresh JSON.parse, nothing keeps its identity) and the identity-keeping update,
  // with every variant mounted and laid out once.
  const refresh = perVariant((): number[] => []);
  const update = perVariant((): number[] => []);
  for (const variant of VARIANTS) await run(pages[variant], (b, n) => { b.prepare(n); b.mountLayout(); }, size);
  for (const [samples, fresh] of [[refresh, true], [update, false]] as const) {
    log(`  ${fresh ? "refresh" : "update (identity kept)"}…`);
    for (let rep = 0; rep < WARMUPS + REPS; rep++) {
      for (const variant of order(rep)) {
        const ms = await run(pages[variant], (b, isRefresh) => {
          if (isRefresh) b.prepareRefresh();
          else b.prepareUpdate();
          b.gc();
          return b.update();
        }, fresh);
        if (rep >= WARMUPS) samples[variant].push(ms);
      }
    }
  }
  for (const variant of VARIANTS) await run(pages[variant], (b) => b.unmount());

  const all = (samples: Record<Variant, number[]>) => perVariantFrom((v) => stats(samples[v]));
  return {
    elements,
    validate: stats(validate),
    mount: all(mount),
    mountLayout: all(mountLayout),
    refresh: all(refresh),
    update: all(update),
    heapJs: all(heapJs),
    heapBlink: all(heapBlink),
    nodes: all(nodes),
  };
}

function perVariantFrom<T>(make: (variant: Variant) => T): Record<Variant, T> {
  return { widget: make("widget"), minimal: make("minimal"), sameDom: make("sameDom") };
}

// ---------------------------------------------------------------------------------------------
// 3. Node: parseWidget and renderToString, each in its own process, on the built dist/.

function nodeScript(script: string, reps: number): string {
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(root, script), String(reps)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: "production", SIZES: SIZES.join(",") },
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  return result.stdout;
}

function measureNodeParse(): Record<string, Stats> {
  const raw = JSON.parse(nodeScript("bench/parse-node.ts", NODE_REPS)) as Record<string, { samples: number[] }>;
  return Object.fromEntries(Object.entries(raw).map(([size, r]) => [size, stats(r.samples)]));
}

function measureServerRender(): Record<string, Record<Variant, Stats>> {
  const raw = JSON.parse(nodeScript("bench/ssr-node.ts", SSR_REPS)) as Record<string, Record<Variant, { samples: number[] }>>;
  return Object.fromEntries(Object.entries(raw).map(([size, r]) => [size, perVariantFrom((v) => stats(r[v].samples))]));
}

// ---------------------------------------------------------------------------------------------
// 4. Report.

interface Target {
  name: string;
  value: number;
  limit: number;
  unit: "×" | "ms";
  pass: boolean;
}

const fmtMs = (s: Stats) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const fmtKiB = (s: Stats) => `${(s.median / 1024).toFixed(0)} KiB`;
const fmtCount = (s: Stats) => s.median.toLocaleString("en-US");
/** The figure the targets judge: median over median. */
const ratio = (widget: Stats, baseline: Stats) => widget.median / baseline.median;
/**
 * Median of the per-repetition ratios (each repetition runs the variants back to back), shown
 * for context: a slow stretch of the machine hits every variant of a repetition, so this moves
 * less between runs than the ratio of medians.
 */
const pairedRatio = (widget: Stats, baseline: Stats) => stats(widget.samples.map((w, i) => w / baseline.samples[i])).median;
const one = (n: number): Stats => ({ median: n, min: n, max: n, samples: [n] });

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * `--profile`: CPU profiles of the timed mount, refresh and update call of every variant at the largest
 * size, from an unminified production build so function names survive. Writes the first of each
 * to bench/results/*.cpuprofile (open in Chrome DevTools › Performance) and prints the functions
 * with the most self time per call, summed over the repetitions.
 */
async function runProfile(): Promise<void> {
  const size = Math.max(...SIZES);
  const runs = Math.max(REPS, 8);
  await withPages(false, async (pages) => {
    for (const variant of VARIANTS) {
      const p = pages[variant];
      await p.cdp.send("Profiler.enable");
      await p.cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      for (const phase of ["mount", "refresh", "update"] as const) {
        for (let i = 0; i < 2; i++) {
          await run(p, (b, n) => { b.prepare(n); b.mount(); b.unmount(); }, size); // warm-up
        }
        if (phase !== "mount") await run(p, (b, n) => { b.prepare(n); b.mount(); }, size);
        // Only the timed call is profiled: payloads are made and garbage collected outside it.
        const self = new Map<string, number>();
        let total = 0;
        for (let i = 0; i < runs; i++) {
          await run(p, (b, { ph, n }) => {
            if (ph === "mount") b.prepare(n);
            else if (ph === "refresh") b.prepareRefresh();
            else b.prepareUpdate();
            b.gc();
          }, { ph: phase, n: size });
          await p.cdp.send("Profiler.start");
          await run(p, (b, ph) => (ph === "mount" ? b.mount() : b.update()), phase);
          const { profile: cpu } = await p.cdp.send("Profiler.stop");
          if (phase === "mount") await run(p, (b) => b.unmount());
          if (i === 0) {
            mkdirSync(join(root, "bench/results"), { recursive: true });
            writeFileSync(join(root, `bench/results/${variant}-${phase}-${size}.cpuprofile`), JSON.stringify(cpu));
          }
          const byId = new Map((cpu.nodes as ProfileNode[]).map((node) => [node.id, node]));
          const deltas = cpu.timeDeltas ?? [];
          (cpu.samples ?? []).forEach((id: number, k: number) => {
            const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
            const key = `${functionName || "(anonymous)"} ${url ? `${url.split("/").pop()}:${lineNumber + 1}` : ""}`.trim();
            const ms = (deltas[k] ?? 0) / 1000;
            if (key === "(idle)" || key === "(program)") return; // mostly the CDP round trip around the call
            total += ms;
            self.set(key, (self.get(key) ?? 0) + ms);
          });
        }
        console.log(`\n  ${variant} ${phase}, ${size.toLocaleString("en-US")} components: ${(total / runs).toFixed(1)} ms sampled per call, top self time (bench/results/${variant}-${phase}-${size}.cpuprofile)`);
        for (const [name, ms] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 25)) {
          console.log(`    ${(ms / runs).toFixed(2).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
        }
        if (phase !== "mount") await run(p, (b) => b.unmount());
      }
    }
  });
}

async function main() {
  if (!args.includes("--no-build")) {
    log("building dist/ for the Node figures (npm run build; --no-build skips)…");
    const built = spawnSync("npm", ["run", "build"], { cwd: root, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stdout}\n${built.stderr}`);
  }
  if (profile) return runProfile();
  if (args.includes("--heap-diff")) return heapDiff();
  if (args.includes("--screenshot")) return screenshots();
  const started = Date.now();
  const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
  const sizes: Record<string, SizeResult> = {};
  let isolated = false;
  let markup = { identical: true, detail: "" };
  await withPages(true, async (pages) => {
    isolated = await run(pages.widget, (b) => b.crossOriginIsolated);
    markup = await sameMarkup(pages, 100);
    if (markup.identical) log("markup check: the same-DOM baseline renders the Widget's DOM exactly");
    else log(`WARNING: the same-DOM baseline (bench/baseline.tsx) no longer renders the Widget's DOM; its column compares different DOM until it is updated. Markup ${markup.detail}`);
    for (const size of SIZES) {
      log(`measuring ${size.toLocaleString("en-US")} components (${WARMUPS} warm-ups + ${REPS} reps, interleaved)…`);
      sizes[size] = await measureSize(pages, size);
    }
  });
  log("measuring parseWidget in Node…");
  const nodeParse = measureNodeParse();
  log("measuring renderToString in Node…");
  const serverRender = measureServerRender();

  const targets: Target[] = [];
  const target = (name: string, value: number, limit: number, unit: Target["unit"] = "×") => targets.push({ name, value, limit, unit, pass: value <= limit });
  for (const size of [1_000, 10_000]) {
    const r = sizes[size];
    const n = size.toLocaleString("en-US");
    if (r) {
      target(`mount ${n}`, ratio(r.mount.widget, r.mount.minimal), 1.05);
      target(`mount + layout ${n}`, ratio(r.mountLayout.widget, r.mountLayout.minimal), 1.1);
      target(`refresh ${n}`, ratio(r.refresh.widget, r.refresh.minimal), 0.6);
      target(`JS heap retained ${n}`, ratio(r.heapJs.widget, r.heapJs.minimal), 1.2);
      target(`DOM elements ${n}`, r.elements.widget / r.elements.minimal, 1.15);
    }
    const s = serverRender[size];
    if (s) target(`renderToString ${n}`, ratio(s.widget, s.minimal), 1.2);
  }
  if (nodeParse["10000"]) target("parseWidget 10,000 (Node)", nodeParse["10000"].median, 1, "ms");

  // Table: per size, the medians (min–max) of each variant, Widget / minimal (and paired), Widget / same DOM.
  const rows: string[][] = [["components", "figure", "Widget", "minimal", "same DOM", "W/minimal", "(paired)", "W/same DOM"]];
  const add = (n: string, figure: string, r: Record<Variant, Stats>, fmt: (s: Stats) => string, paired = true) =>
    rows.push([n, figure, fmt(r.widget), fmt(r.minimal), fmt(r.sameDom), `${ratio(r.widget, r.minimal).toFixed(2)}×`, paired ? `${pairedRatio(r.widget, r.minimal).toFixed(2)}×` : "", `${ratio(r.widget, r.sameDom).toFixed(2)}×`]);
  for (const [size, r] of Object.entries(sizes)) {
    const n = Number(size).toLocaleString("en-US");
    add(n, "DOM elements", perVariantFrom((v) => one(r.elements[v])), fmtCount, false);
    add(n, "DOM nodes (CDP, with text)", r.nodes, fmtCount, false);
    add(n, "mount ms", r.mount, fmtMs);
    rows.push([n, "  of which parseWidget", fmtMs(r.validate), "—", "—", "", "", ""]);
    add(n, "mount + layout ms", r.mountLayout, fmtMs);
    add(n, "refresh ms (fresh JSON.parse)", r.refresh, fmtMs);
    add(n, "update ms (identity kept)", r.update, fmtMs);
    add(n, "JS heap retained", r.heapJs, fmtKiB);
    add(n, "Blink heap retained", r.heapBlink, fmtKiB);
    if (serverRender[size]) add(n, "renderToString ms (Node)", serverRender[size], fmtMs);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}`;
  console.log(`\nsidecard bench — Chromium, ${quick ? "QUICK: " : ""}${WARMUPS} warm-ups + ${REPS} reps (heap: ${HEAP_REPS}), median (min–max)\n`);
  console.log(line(rows[0]));
  for (const row of rows.slice(1)) console.log(line(row));
  if (!markup.identical) console.log("\n  note: the same-DOM baseline no longer renders the Widget's DOM exactly (bench/baseline.tsx needs updating); its column compares different DOM.");
  console.log("\n  parseWidget in Node, ms, median (min–max):");
  for (const [size, s] of Object.entries(nodeParse)) console.log(`    ${Number(size).toLocaleString("en-US").padStart(6)} components  ${fmtMs(s)}`);
  const loadAfter = loadavg().map((l) => Number(l.toFixed(2)));
  console.log(`\n  load average before ${loadBefore.join(" ")}, after ${loadAfter.join(" ")} on ${cpus().length} cores${loadAfter[0] > cpus().length * 0.5 ? " — a busy machine: treat the timings as indicative" : ""}`);
  console.log("\n  targets (ratios to the minimal baseline in this run):");
  for (const t of targets) {
    const shown = t.unit === "ms" ? `${t.value.toFixed(2)} ms` : `${t.value.toFixed(2)}×`;
    console.log(`    ${t.pass ? "PASS" : "FAIL"}  ${t.name.padEnd(26)} ${shown.padStart(9)}  (target ≤ ${t.limit}${t.unit === "ms" ? " ms" : "×"})`);
  }

  const withRatios = (r: Record<Variant, Stats>) => ({ ...r, ratio: ratio(r.widget, r.minimal), pairedRatio: pairedRatio(r.widget, r.minimal), sameDomRatio: ratio(r.widget, r.sameDom) });
  const result = {
    date: new Date().toISOString(),
    quick,
    warmups: WARMUPS,
    reps: REPS,
    heapReps: HEAP_REPS,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    environment: {
      node: process.version,
      chromium: browserVersion(CHROMIUM_PATH),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      crossOriginIsolated: isolated,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    source: sourceState(),
    sameDomIdentical: markup.identical,
    units: { elements: "count", nodes: "count", mount: "ms", mountLayout: "ms", refresh: "ms", update: "ms", heapJs: "bytes", heapBlink: "bytes", serverRender: "ms", nodeParse: "ms" },
    sizes: Object.fromEntries(
      Object.entries(sizes).map(([size, r]) => [
        size,
        {
          elements: { ...r.elements, ratio: r.elements.widget / r.elements.minimal, sameDomRatio: r.elements.widget / r.elements.sameDom },
          nodes: withRatios(r.nodes),
          validate: r.validate,
          mount: withRatios(r.mount),
          mountLayout: withRatios(r.mountLayout),
          refresh: withRatios(r.refresh),
          update: withRatios(r.update),
          heapJs: withRatios(r.heapJs),
          heapBlink: withRatios(r.heapBlink),
          serverRender: serverRender[size] ? withRatios(serverRender[size]) : null,
        },
      ]),
    ),
    nodeParseWidget: nodeParse,
    targets,
  };
  mkdirSync(join(root, "bench/results"), { recursive: true });
  const file = join(root, "bench/results/latest.json");
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n  wrote ${file.slice(root.length + 1)} (${result.durationSeconds} s)`);
  process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
}

/**
 * `--heap-diff`: what each renderer keeps in V8's heap once mounted, by kind. Two heap snapshots
 * per variant (the payload prepared, then mounted and laid out, after three warm-up mounts), and
 * their difference grouped by node type, constructor and — for plain objects — their first
 * property names (so `{type,label,value}` is a normalised text component and
 * `{$$typeof,type,key,ref,props}` a React element). Also counts the mounted fibers by tag and
 * type. Unminified build, so names survive. How the JS heap target was met (BENCHMARKS.md).
 */
async function heapDiff(): Promise<void> {
  const size = Math.min(...SIZES);
  await withPages(false, async (pages) => {
    for (const variant of VARIANTS) {
      const p = pages[variant];
      for (let i = 0; i < 3; i++) await run(p, (b, n) => { b.prepare(n); b.mountLayout(); b.unmount(); }, size);
      await run(p, (b, n) => b.prepare(n), size);
      const before = await heapByKind(p);
      await run(p, (b) => void b.mountLayout());
      const after = await heapByKind(p);
      const fibers = await p.page.evaluate(countFibers);
      await run(p, (b) => b.unmount());
      const rows = [...after]
        .map(([kind, [count, bytes]]) => [kind, count - (before.get(kind)?.[0] ?? 0), bytes - (before.get(kind)?.[1] ?? 0)] as const)
        .filter(([, , bytes]) => bytes !== 0)
        .sort((x, y) => y[2] - x[2]);
      const outside = rows.filter(([kind]) => kind !== "native").reduce((sum, [, , bytes]) => sum + bytes, 0);
      console.log(`\n  ${variant}, ${size.toLocaleString("en-US")} components: ${(outside / 1024).toFixed(0)} KiB kept outside Blink's native objects; top kinds (KiB, count)`);
      for (const [kind, count, bytes] of rows.slice(0, 25)) console.log(`    ${(bytes / 1024).toFixed(1).padStart(8)}  ${String(count).padStart(6)}  ${kind}`);
      console.log(`    fibers: ${fibers.map(([name, count]) => `${name} ${count}`).join(", ")}`);
    }
  });
}

/** A heap snapshot (after collecting garbage) as [count, self bytes] per kind of node. */
async function heapByKind(p: BenchPage): Promise<Map<string, [number, number]>> {
  await run(p, (b) => b.gc());
  await p.cdp.send("HeapProfiler.collectGarbage");
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => void chunks.push(event.chunk);
  p.cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  await p.cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  p.cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  const { snapshot, nodes, edges, strings } = JSON.parse(chunks.join("")) as HeapSnapshot;
  const nodeFields = snapshot.meta.node_fields.length;
  const edgeFields = snapshot.meta.edge_fields.length;
  const nodeTypes = snapshot.meta.node_types[0];
  const edgeTypes = snapshot.meta.edge_types[0];
  const kinds = new Map<string, [number, number]>();
  for (let i = 0, edge = 0; i < nodes.length; i += nodeFields) {
    const type = nodeTypes[nodes[i]];
    let kind = type === "object" || type === "closure" ? `${type} ${strings[nodes[i + 1]].slice(0, 60)}` : type;
    const edgeCount = nodes[i + 4];
    if (kind === "object Object") {
      const names: string[] = [];
      for (let e = 0; e < edgeCount && names.length < 6; e++) {
        const at = edge + e * edgeFields;
        if (edgeTypes[edges[at]] === "property" && !strings[edges[at + 1]].startsWith("__")) names.push(strings[edges[at + 1]]);
      }
      kind = `{${names.join(",")}}`;
    }
    edge += edgeCount * edgeFields;
    const entry = kinds.get(kind) ?? [0, 0];
    entry[0] += 1;
    entry[1] += nodes[i + 3];
    kinds.set(kind, entry);
  }
  return kinds;
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Runs in the page: the mounted React fibers counted by tag and type (React 19's internal fields, for diagnosis only). */
function countFibers(): [string, number][] {
  type Fiber = { tag: number; type: unknown; child: Fiber | null; sibling: Fiber | null; stateNode: { current: Fiber } };
  const container = [...document.body.children].find((element) => Object.keys(element).some((key) => key.startsWith("__reactContainer")));
  if (!container) return [];
  const key = Object.keys(container).find((k) => k.startsWith("__reactContainer"))!;
  const counts = new Map<string, number>();
  const stack: Fiber[] = [(container as unknown as Record<string, Fiber>)[key].stateNode.current];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    const type = fiber.type as { displayName?: string; name?: string; type?: { name?: string } } | string | null;
    const name = typeof type === "string" ? type : (type?.displayName ?? type?.name ?? type?.type?.name ?? `tag ${fiber.tag}`);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
  return [...counts].sort((x, y) => y[1] - x[1]);
}

/** The three variants side by side: the baselines must show what the Widget shows. */
async function screenshots(): Promise<void> {
  await withPages(true, async (pages) => {
    mkdirSync(join(root, "bench/results"), { recursive: true });
    for (const variant of VARIANTS) {
      await run(pages[variant], (b) => { b.prepare(20); b.mountLayout(); });
      const file = join(root, `bench/results/look-${variant}.png`);
      await pages[variant].page.locator(".bench-frame").screenshot({ path: file });
      await run(pages[variant], (b) => b.unmount());
      console.log(`wrote ${relative(root, file)}`);
    }
  });
}

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
function sourceState(): { commit: string; srcModified: boolean } {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  return { commit: git("rev-parse", "--short", "HEAD"), srcModified: git("status", "--porcelain", "--", "src").length > 0 };
}

function browserVersion(executablePath: string): string {
  const out = spawnSync(executablePath, ["--version"], { encoding: "utf8" });
  return (out.stdout || "").trim().split("\n").pop() ?? "unknown";
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
