/**
 * sidecard benchmark: `<Widget>` against a hand-written baseline in Debian's Chromium, plus
 * `parseWidget` in Node. See BENCHMARKS.md for what each figure means.
 *
 *   npm run bench                 # full run (5 warm-ups, then 25 repetitions per figure)
 *   npm run bench -- --quick      # fewer repetitions, for a quick look while optimising
 *   npm run bench -- --sizes 1000 # only some payload sizes
 *   npm run bench -- --reps 40    # more repetitions (narrower medians on a noisy machine)
 *   CHROMIUM_PATH=/path/to/chrome npm run bench
 *
 * Writes bench/results/latest.json; exits 1 when a target is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { chromium, type Browser, type CDPSession, type Page } from "playwright";
import { build } from "vite";
import type { BenchApi } from "./page.js";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const sizesArg = args.indexOf("--sizes");
const SIZES = sizesArg >= 0 ? args[sizesArg + 1].split(",").map(Number) : [100, 1_000, 10_000];
const WARMUPS = quick ? 2 : 5;
const repsArg = args.indexOf("--reps");
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 5 : 25;
const NODE_REPS = quick ? 10 : 25;
const profile = args.includes("--profile");
const VARIANTS = ["widget", "baseline"] as const;
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

// ---------------------------------------------------------------------------------------------
// 1. Production bundles of the two pages.

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
        input: {
          widget: join(root, "bench/pages/widget.tsx"),
          baseline: join(root, "bench/pages/baseline.tsx"),
        },
        output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
      },
    },
  });
  const scripts = VARIANTS.map((variant) => `<script type="module" src="/${variant}.js"></script>`).join("");
  writeFileSync(join(outDir, "bench.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sidecard bench</title>${scripts}</head><body></body></html>`);
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
// 2. Driving the pages.

interface BenchPage {
  variant: Variant;
  page: Page;
  cdp: CDPSession;
}

/**
 * Both variants live in ONE page: same renderer process, same heap, same React, same core.
 * (With a page each, identical code measured 3–12 % apart depending on which page ran it.)
 * Each repetition measures one variant while the other is unmounted.
 */
async function openPages(browser: Browser, origin: string): Promise<Record<Variant, BenchPage>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => log(`page error: ${error.message}`));
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction((variants) => variants.every((v) => typeof window.benches?.[v] === "object"), [...VARIANTS]);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  return { widget: { variant: "widget", page, cdp }, baseline: { variant: "baseline", page, cdp } };
}

/** Runs `fn` in the page on the variant's bench API. `fn` is sent as source: it may only use its arguments. */
function run<A, R>(p: BenchPage, fn: (bench: BenchApi, arg: A) => R, arg?: A): Promise<R> {
  return p.page.evaluate(`(${fn.toString()})(window.benches[${JSON.stringify(p.variant)}], ${JSON.stringify(arg ?? null)})`) as Promise<R>;
}

async function usedHeap(p: BenchPage): Promise<number> {
  await run(p, (b) => b.gc());
  await p.cdp.send("HeapProfiler.collectGarbage");
  const usage = await p.cdp.send("Runtime.getHeapUsage");
  return usage.usedSize;
}

/** Widget and baseline must put the same DOM on the page, or the ratios compare different work. */
async function checkSameMarkup(pages: Record<Variant, BenchPage>, size: number): Promise<void> {
  const html: Partial<Record<Variant, string>> = {};
  for (const variant of VARIANTS) {
    html[variant] = await run(pages[variant], (b, n) => {
      b.prepare(n);
      b.mount();
      const markup = b.html();
      b.unmount();
      return markup;
    }, size);
  }
  if (html.widget !== html.baseline) {
    const a = html.widget ?? "";
    const b = html.baseline ?? "";
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    throw new Error(
      `Widget and baseline markup differ at ${size} components (char ${i}):\n  widget:   …${a.slice(Math.max(0, i - 120), i + 120)}\n  baseline: …${b.slice(Math.max(0, i - 120), i + 120)}`,
    );
  }
  if (!html.widget?.includes('data-sidecard-component="card"') || html.widget.includes('data-sidecard-state="error"')) {
    throw new Error(`the Widget did not render the ${size}-component payload:\n${html.widget?.slice(0, 600)}`);
  }
}

interface SizeResult {
  elements: number;
  /** parseWidget alone in the page: the validation share of the Widget's mount. */
  validate: Stats;
  mount: Record<Variant, Stats>;
  update: Record<Variant, Stats>;
  heap: Record<Variant, Stats>;
}

/** Alternates which variant goes first, so neither always runs right after the other. */
function order(rep: number): readonly Variant[] {
  return rep % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
}

async function measureSize(pages: Record<Variant, BenchPage>, size: number): Promise<SizeResult> {
  const mount = { widget: [] as number[], baseline: [] as number[] };
  const heap = { widget: [] as number[], baseline: [] as number[] };
  let elements = 0;
  for (let rep = 0; rep < WARMUPS + REPS; rep++) {
    for (const variant of order(rep)) {
      const p = pages[variant];
      await run(p, (b, n) => b.prepare(n), size);
      const before = await usedHeap(p);
      const ms = await run(p, (b) => b.mount());
      const after = await usedHeap(p);
      if (rep >= WARMUPS) {
        mount[variant].push(ms);
        heap[variant].push(after - before);
      }
      if (variant === "widget" && rep === 0) elements = await run(p, (b) => b.elementCount());
      await run(p, (b) => b.unmount());
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

  const update = { widget: [] as number[], baseline: [] as number[] };
  for (const variant of VARIANTS) {
    await run(pages[variant], (b, n) => {
      b.prepare(n);
      b.mount();
    }, size);
  }
  for (let rep = 0; rep < WARMUPS + REPS; rep++) {
    for (const variant of order(rep)) {
      const ms = await run(pages[variant], (b) => {
        b.prepareUpdate();
        b.gc();
        return b.update();
      });
      if (rep >= WARMUPS) update[variant].push(ms);
    }
  }
  for (const variant of VARIANTS) await run(pages[variant], (b) => b.unmount());

  return {
    elements,
    validate: stats(validate),
    mount: { widget: stats(mount.widget), baseline: stats(mount.baseline) },
    update: { widget: stats(update.widget), baseline: stats(update.baseline) },
    heap: { widget: stats(heap.widget), baseline: stats(heap.baseline) },
  };
}

// ---------------------------------------------------------------------------------------------
// 3. parseWidget in Node, in its own process.

function measureNodeParse(): Record<string, Stats> {
  const result = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(root, "bench/parse-node.ts"), String(NODE_REPS)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench/parse-node.ts failed:\n${result.stderr}`);
  const raw = JSON.parse(result.stdout) as Record<string, { samples: number[] }>;
  return Object.fromEntries(Object.entries(raw).map(([size, r]) => [size, stats(r.samples)]));
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
const fmtKiB = (s: Stats) => `${(s.median / 1024).toFixed(0)} KiB (${(s.min / 1024).toFixed(0)}–${(s.max / 1024).toFixed(0)})`;
/** The figure the targets judge: median over median. */
const ratio = (widget: Stats, baseline: Stats) => widget.median / baseline.median;
/** Best case over best case: less sensitive to a busy machine; shown for context only. */
const minRatio = (widget: Stats, baseline: Stats) => widget.min / baseline.min;
/**
 * Median of the per-repetition ratios (each repetition runs both variants back to back), shown
 * for context: a slow stretch of the machine hits both halves of a pair, so this moves less
 * between runs than the ratio of medians.
 */
const pairedRatio = (widget: Stats, baseline: Stats) => stats(widget.samples.map((w, i) => w / baseline.samples[i])).median;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * `--profile`: CPU profiles of the timed mount and update call of both variants at the largest
 * size, from an unminified production build so function names survive. Writes the first of each
 * to bench/results/*.cpuprofile (open in Chrome DevTools › Performance) and prints the functions
 * with the most self time per call, summed over the repetitions.
 */
async function runProfile(): Promise<void> {
  const size = Math.max(...SIZES);
  const outDir = mkdtempSync(join(tmpdir(), "sidecard-bench-"));
  await buildPages(outDir, false);
  const { server, origin } = await serve(outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const runs = Math.max(REPS, 8);
  try {
    const pages = await openPages(browser, origin);
    for (const variant of VARIANTS) {
      const p = pages[variant];
      await p.cdp.send("Profiler.enable");
      await p.cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      for (const phase of ["mount", "update"] as const) {
        for (let i = 0; i < 2; i++) {
          await run(p, (b, n) => { b.prepare(n); b.mount(); b.unmount(); }, size); // warm-up
        }
        if (phase === "update") await run(p, (b, n) => { b.prepare(n); b.mount(); }, size);
        // Only the timed call is profiled: payloads are made and garbage collected outside it.
        const self = new Map<string, number>();
        let total = 0;
        for (let i = 0; i < runs; i++) {
          await run(p, (b, { ph, n }) => {
            if (ph === "mount") b.prepare(n);
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
        if (phase === "update") await run(p, (b) => b.unmount());
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  if (profile) return runProfile();
  const started = Date.now();
  const outDir = mkdtempSync(join(tmpdir(), "sidecard-bench-"));
  log(`building production bundles → ${outDir}`);
  await buildPages(outDir);
  const { server, origin } = await serve(outDir);
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const sizes: Record<string, SizeResult> = {};
  let isolated = false;
  try {
    const pages = await openPages(browser, origin);
    isolated = await run(pages.widget, (b) => b.crossOriginIsolated);
    for (const size of [100, 1_000]) await checkSameMarkup(pages, size);
    log("markup check: Widget and baseline render identical DOM");
    for (const size of SIZES) {
      log(`measuring ${size.toLocaleString("en-US")} components (${WARMUPS} warm-ups + ${REPS} reps, interleaved)…`);
      sizes[size] = await measureSize(pages, size);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  log("measuring parseWidget in Node…");
  const nodeParse = measureNodeParse();

  const targets: Target[] = [];
  for (const size of [1_000, 10_000]) {
    const r = sizes[size];
    if (!r) continue;
    targets.push({ name: `mount ${size.toLocaleString("en-US")}`, value: ratio(r.mount.widget, r.mount.baseline), limit: 1.1, unit: "×", pass: false });
    targets.push({ name: `update ${size.toLocaleString("en-US")}`, value: ratio(r.update.widget, r.update.baseline), limit: 0.6, unit: "×", pass: false });
    targets.push({ name: `heap growth ${size.toLocaleString("en-US")}`, value: ratio(r.heap.widget, r.heap.baseline), limit: 1.3, unit: "×", pass: false });
  }
  if (nodeParse["10000"]) targets.push({ name: "parseWidget 10,000 (Node)", value: nodeParse["10000"].median, limit: 2, unit: "ms", pass: false });
  for (const t of targets) t.pass = t.value <= t.limit;

  // Table: per size, the medians (min–max) and the ratio Widget / baseline.
  const rows: string[][] = [["components", "figure", "Widget", "baseline", "Widget/baseline", "(of mins)", "(paired)"]];
  for (const [size, r] of Object.entries(sizes)) {
    const n = Number(size).toLocaleString("en-US");
    rows.push([n, "mount ms", fmtMs(r.mount.widget), fmtMs(r.mount.baseline), `${ratio(r.mount.widget, r.mount.baseline).toFixed(2)}×`, `${minRatio(r.mount.widget, r.mount.baseline).toFixed(2)}×`, `${pairedRatio(r.mount.widget, r.mount.baseline).toFixed(2)}×`]);
    rows.push([n, "  of which parseWidget", fmtMs(r.validate), "—", "", "", ""]);
    rows.push([n, "update ms", fmtMs(r.update.widget), fmtMs(r.update.baseline), `${ratio(r.update.widget, r.update.baseline).toFixed(2)}×`, `${minRatio(r.update.widget, r.update.baseline).toFixed(2)}×`, `${pairedRatio(r.update.widget, r.update.baseline).toFixed(2)}×`]);
    rows.push([n, "heap growth", fmtKiB(r.heap.widget), fmtKiB(r.heap.baseline), `${ratio(r.heap.widget, r.heap.baseline).toFixed(2)}×`, `${minRatio(r.heap.widget, r.heap.baseline).toFixed(2)}×`, `${pairedRatio(r.heap.widget, r.heap.baseline).toFixed(2)}×`]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => `  ${row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ")}`;
  console.log(`\nsidecard bench — Chromium, ${quick ? "QUICK: " : ""}${WARMUPS} warm-ups + ${REPS} reps, median (min–max)\n`);
  console.log(line(rows[0]));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log("\n  parseWidget in Node, ms, median (min–max):");
  for (const [size, s] of Object.entries(nodeParse)) console.log(`    ${Number(size).toLocaleString("en-US").padStart(6)} components  ${fmtMs(s)}`);
  console.log("\n  targets:");
  for (const t of targets) {
    const shown = t.unit === "ms" ? `${t.value.toFixed(2)} ms` : `${t.value.toFixed(2)}×`;
    console.log(`    ${t.pass ? "PASS" : "FAIL"}  ${t.name.padEnd(26)} ${shown.padStart(9)}  (target ≤ ${t.limit}${t.unit === "ms" ? " ms" : "×"})`);
  }

  const result = {
    date: new Date().toISOString(),
    quick,
    warmups: WARMUPS,
    reps: REPS,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    environment: {
      node: process.version,
      chromium: await browserVersion(executablePath),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      crossOriginIsolated: isolated,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
    source: sourceState(),
    units: { mount: "ms", update: "ms", heap: "bytes", nodeParse: "ms" },
    sizes: Object.fromEntries(
      Object.entries(sizes).map(([size, r]) => [
        size,
        {
          elements: r.elements,
          validate: r.validate,
          mount: { ...r.mount, ratio: ratio(r.mount.widget, r.mount.baseline), minRatio: minRatio(r.mount.widget, r.mount.baseline), pairedRatio: pairedRatio(r.mount.widget, r.mount.baseline) },
          update: { ...r.update, ratio: ratio(r.update.widget, r.update.baseline), minRatio: minRatio(r.update.widget, r.update.baseline), pairedRatio: pairedRatio(r.update.widget, r.update.baseline) },
          heap: { ...r.heap, ratio: ratio(r.heap.widget, r.heap.baseline), minRatio: minRatio(r.heap.widget, r.heap.baseline), pairedRatio: pairedRatio(r.heap.widget, r.heap.baseline) },
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

/** Which code was measured: the commit, and whether src/ had uncommitted changes. */
function sourceState(): { commit: string; srcModified: boolean } {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: root, encoding: "utf8" }).stdout?.trim() ?? "";
  return { commit: git("rev-parse", "--short", "HEAD"), srcModified: git("status", "--porcelain", "--", "src").length > 0 };
}

async function browserVersion(executablePath: string): Promise<string> {
  const out = spawnSync(executablePath, ["--version"], { encoding: "utf8" });
  return (out.stdout || "").trim().split("\n").pop() ?? "unknown";
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
