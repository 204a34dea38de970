/**
 * `parseWidget` in Node on the benchmark payloads: median and min–max of the runs after
 * warm-up, in ms. Run by bench/run.ts in its own process (`node --expose-gc --import tsx`);
 * prints one JSON object.
 */
import { parseWidget } from "../src/index.js";
import { makePayload } from "./payload.js";

const reps = Number(process.argv[2] ?? 25);
const warmups = Number(process.argv[3] ?? 10);
const sizes = [1_000, 10_000];
const options = { limits: { maxComponents: 1_000_000 } };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const results: Record<string, { samples: number[] }> = {};
for (const size of sizes) {
  const samples: number[] = [];
  for (let i = 0; i < warmups + reps; i++) {
    const payload = makePayload(size); // fresh objects each run: no cache can answer for a previous one
    gc();
    const started = performance.now();
    const result = parseWidget(payload, options);
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`the ${size}-component bench payload is invalid: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    if (i >= warmups) samples.push(elapsed);
  }
  results[size] = { samples };
}
process.stdout.write(JSON.stringify(results));
