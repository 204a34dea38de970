/**
 * The code the benchmark page runs. Each variant's entry (bench/pages/*.tsx) passes its
 * renderer here; bench/run.ts loads all of them in one page and drives `window.benches[variant]`.
 * Everything outside the timed region (making payloads, garbage collection, unmounting) is
 * done in separate calls.
 */
import type { ReactElement } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { makePayload, withOneValueChanged, type BenchPayload } from "./payload.js";

export interface BenchApi {
  variant: string;
  crossOriginIsolated: boolean;
  /** Makes a fresh payload of `count` components (new objects every time, same content). */
  prepare(count: number): void;
  /** Timed: render the prepared payload into a new root until React has committed the DOM. */
  mount(): number;
  /** Timed: `mount()`, then force style and layout (reading `offsetHeight`), as the first frame must. */
  mountLayout(): number;
  /** Timed: only the validation step of mounting (`parseWidget` on the prepared payload); `null` for the baselines. */
  validate(): number | null;
  /** Makes the next update's payload: one text value differs, every other component keeps its identity. */
  prepareUpdate(): void;
  /**
   * Makes the next refresh's payload: a fresh `JSON.parse` of the answer with one text value
   * changed, as `<CustomApp>` hands it over when it refreshes: no object keeps its identity.
   */
  prepareRefresh(): void;
  /** Timed: re-render with the prepared update or refresh until committed. */
  update(): number;
  unmount(): void;
  html(): string;
  elementCount(): number;
  gc(): void;
}

declare global {
  interface Window {
    /** Every variant's API by name: all variants run in the same page. */
    benches: Record<string, BenchApi>;
    gc?: () => void;
  }
}

export function installBench(
  variant: string,
  render: (payload: BenchPayload) => ReactElement,
  validate?: (payload: BenchPayload) => unknown,
): void {
  let container: HTMLElement | null = null;
  let root: Root | null = null;
  let payload: BenchPayload | null = null;
  let next: BenchPayload | null = null;
  let count = 0;
  let updates = 0;

  const createContainer = () => {
    container = document.createElement("div");
    container.className = "bench-frame"; // a sidebar's width (bench.html)
    document.body.append(container);
    root = createRoot(container);
  };

  window.benches ??= {};
  window.benches[variant] = {
    variant,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    prepare(n) {
      count = n;
      payload = makePayload(n);
    },
    mount() {
      if (!payload) throw new Error("prepare() first");
      createContainer();
      const element = render(payload);
      const started = performance.now();
      flushSync(() => root!.render(element));
      return performance.now() - started;
    },
    mountLayout() {
      if (!payload) throw new Error("prepare() first");
      createContainer();
      const element = render(payload);
      const started = performance.now();
      flushSync(() => root!.render(element));
      void container!.offsetHeight; // style recalculation and layout of the new DOM
      return performance.now() - started;
    },
    validate() {
      if (!payload) throw new Error("prepare() first");
      if (!validate) return null;
      const started = performance.now();
      validate(payload);
      return performance.now() - started;
    },
    prepareUpdate() {
      if (!payload) throw new Error("prepare() first");
      updates += 1;
      next = withOneValueChanged(payload, `updated value ${updates} for ${count}`);
    },
    prepareRefresh() {
      if (!payload) throw new Error("prepare() first");
      updates += 1;
      next = JSON.parse(JSON.stringify(withOneValueChanged(payload, `refreshed value ${updates} for ${count}`))) as BenchPayload;
    },
    update() {
      if (!root || !next) throw new Error("mount() and prepareUpdate() or prepareRefresh() first");
      const element = render(next);
      payload = next;
      next = null;
      const started = performance.now();
      flushSync(() => root!.render(element));
      return performance.now() - started;
    },
    unmount() {
      root?.unmount();
      container?.remove();
      root = null;
      container = null;
    },
    html: () => container?.innerHTML ?? "",
    elementCount: () => container?.querySelectorAll("*").length ?? 0,
    gc() {
      if (!window.gc) throw new Error("launch Chromium with --js-flags=--expose-gc");
      window.gc();
      window.gc();
    },
  };
}
