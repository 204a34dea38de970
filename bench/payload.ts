/**
 * Seeded benchmark payloads: `count` leaf components in cards of 10 (so `count / 10` cards),
 * a mix of text (some multi-line), date_time, badge (1–4 items), button, link and divider.
 * The same seed gives the same content on every machine and in every page.
 */
import type { LeafComponent } from "../src/index.js";

/** mulberry32: a tiny, fast, deterministic PRNG (seeded; never Math.random). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_SEED = 0x5eedcafe;
export const COMPONENTS_PER_CARD = 10;

const WORDS = ["account", "plan", "enterprise", "renewal", "owner", "region", "usage", "seats", "health", "priority", "tier", "status", "invoice", "contract", "workspace", "integration"];
const COLORS = ["blue", "green", "red", "orange", "gray"] as const;

export type BenchPayload = {
  version: string;
  header: { title: string };
  components: { type: "card"; header: { title: string }; components: LeafComponent[] }[];
};

export function makePayload(count: number, seed = BENCH_SEED): BenchPayload {
  const random = createRandom(seed + count);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const label = () => words(1 + int(2));

  const leaf = (): LeafComponent => {
    const roll = random();
    if (roll < 0.25) return { type: "text", label: label(), value: words(1 + int(6)) };
    if (roll < 0.35) return { type: "text", label: label(), value: Array.from({ length: 2 + int(3) }, () => words(2 + int(5))).join("\n") };
    if (roll < 0.5) {
      const date = new Date(Date.UTC(2020 + int(6), int(12), 1 + int(28), int(24), int(60), int(60)));
      return { type: "date_time", label: label(), value: date.toISOString().replace(/\.\d{3}Z$/, "Z") };
    }
    if (roll < 0.65) {
      return { type: "badge", label: label(), items: Array.from({ length: 1 + int(4) }, () => ({ value: words(1 + int(2)), color: pick(COLORS) })) };
    }
    if (roll < 0.75) return { type: "button", label: `Open ${label()}`, button_type: "link", url: `https://admin.example.com/accounts/${int(1e6)}?tab=${pick(WORDS)}` };
    if (roll < 0.87) return { type: "link", label: `View ${label()}`, url: `https://app.example.com/${pick(WORDS)}/${int(1e6)}` };
    return { type: "divider" };
  };

  const cards = Math.max(1, Math.round(count / COMPONENTS_PER_CARD));
  return {
    version: "1.0.0",
    header: { title: "Account health" },
    components: Array.from({ length: cards }, (_, index) => ({
      type: "card" as const,
      header: { title: `${pick(WORDS)} ${index + 1}` },
      components: Array.from({ length: COMPONENTS_PER_CARD }, leaf),
    })),
  };
}

/** Where the update benchmark changes a value: the first text component of the middle card. */
export function updateTarget(payload: BenchPayload): { card: number; component: number } {
  const card = Math.floor(payload.components.length / 2);
  const component = payload.components[card].components.findIndex((c) => c.type === "text");
  if (component === -1) throw new Error(`card ${card} has no text component`);
  return { card, component };
}

/**
 * A new payload where ONE text value differs. Only the objects along the changed path are new
 * (root, components array, the card, its components array, the text component); every other
 * component object keeps its identity, as an app that updates immutably would send it.
 */
export function withOneValueChanged(payload: BenchPayload, value: string): BenchPayload {
  const { card, component } = updateTarget(payload);
  const oldCard = payload.components[card];
  const newCard = {
    ...oldCard,
    components: oldCard.components.map((c, i) => (i === component ? { ...c, value } : c)),
  };
  return { ...payload, components: payload.components.map((c, i) => (i === card ? newCard : c)) };
}
