/**
 * `parseWidget` in Node on the benchmark payloads: median and min–max of the runs after
 * warm-up, in ms. Run by bench/run.ts in its own process (`node --expose-gc --import tsx`);
 * prints one JSON object.
 *
 * It measures the built package (`dist/`, as an app imports it) on what parseWidget is given
 * in use: the endpoint's response as `JSON.parse` returns it (`fetchWidget` hands over exactly
 * that). Each run parses the JSON text afresh, so no object and no cache survives from a
 * previous run, and collects garbage before the timed call.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makePayload } from "./payload.js";

const entry = new URL("../dist/index.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) throw new Error("dist/index.js is missing: run `npm run build` first (`npm run bench` does).");
const { parseWidget } = (await import(entry.href)) as typeof import("../src/index.js");

const reps = Number(process.argv[2] ?? 25);
const warmups = Number(process.argv[3] ?? 10);
const sizes = (process.env.SIZES ?? "1000,10000").split(",").map(Number);
const options = { limits: { maxComponents: 1_000_000 } };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const results: Record<string, { samples: number[] }> = {};
for (const size of sizes) {
  const text = JSON.stringify(makePayload(size));
  const samples: number[] = [];
  for (let i = 0; i < warmups + reps; i++) {
    gc();
    const payload: unknown = JSON.parse(text);
    const started = performance.now();
    const result = parseWidget(payload, options);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`the ${size}-component bench payload is invalid: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    if (i >= warmups) samples.push(elapsed);
  }
  results[size] = { samples };
}
process.stdout.write(JSON.stringify(results));
