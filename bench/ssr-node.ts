/**
 * Server rendering in Node: `renderToString` of `<Widget>` (from the built `dist/`, as a server
 * imports it) and of the two baselines, on the benchmark payloads. Run by bench/run.ts in its own
 * process (`node --expose-gc --import tsx`); prints one JSON object of samples in ms.
 *
 * Each run renders a fresh `JSON.parse` of the payload text (what a server has after reading
 * the endpoint's answer), so the Widget's validation is part of its figure, and collects garbage
 * before the timed call. The variants alternate within each repetition.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import type { WidgetPayload } from "../src/index.js";
import { BaselineWidget } from "./baseline.js";
import { MinimalWidget } from "./minimal.js";
import { makePayload } from "./payload.js";

const entry = new URL("../dist/index.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) throw new Error("dist/index.js is missing: run `npm run build` first (`npm run bench` does).");
const { Widget } = (await import(entry.href)) as typeof import("../src/index.js");

const reps = Number(process.argv[2] ?? 15);
const warmups = Number(process.argv[3] ?? 5);
const sizes = (process.env.SIZES ?? "1000,10000").split(",").map(Number);
const LIMITS = { maxComponents: 1_000_000 };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const variants: Record<string, (payload: unknown) => ReactElement> = {
  widget: (payload) => createElement(Widget, { payload, locale: "en-US", timeZone: "UTC", limits: LIMITS }),
  minimal: (payload) => createElement(MinimalWidget, { payload: payload as WidgetPayload }),
  sameDom: (payload) => createElement(BaselineWidget, { payload: payload as WidgetPayload }),
};
const names = Object.keys(variants);

const results: Record<string, Record<string, { samples: number[]; chars: number }>> = {};
for (const size of sizes) {
  const text = JSON.stringify(makePayload(size));
  const bySize: Record<string, { samples: number[]; chars: number }> = Object.fromEntries(names.map((n) => [n, { samples: [], chars: 0 }]));
  for (let i = 0; i < warmups + reps; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      gc();
      const element = variants[name](JSON.parse(text));
      const started = performance.now();
      const html = renderToString(element);
      const elapsed = performance.now() - started;
      if (name === "widget" && html.includes('data-sidecard-state="error"')) throw new Error(`the Widget rendered an error state for the ${size}-component payload`);
      bySize[name].chars = html.length;
      if (i >= warmups) bySize[name].samples.push(elapsed);
    }
  }
  results[size] = bySize;
}
process.stdout.write(JSON.stringify(results));
