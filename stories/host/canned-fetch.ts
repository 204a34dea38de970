import type { FetchFunction } from "../../src/host/index.js";

// Canned `fetch` functions for the host stories: they answer like an app would, with real
// `Response` objects, so the stories need no server.

export const ACCOUNT_PAYLOAD = {
  version: "1.0.0",
  header: { title: "Account health" },
  components: [
    {
      type: "card",
      header: { title: "Acme Corp" },
      components: [
        { type: "badge", label: "Plan", items: [{ value: "Enterprise", color: "blue" }] },
        { type: "text", label: "Open invoices", value: "2 (USD 4,300.00)" },
        { type: "date_time", label: "Renewal", value: "2024-09-30T00:00:00Z" },
        { type: "button", label: "Open in billing", button_type: "link", url: "https://billing.example.com/acme" },
      ],
    },
  ],
};

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** Never answers; rejects when the request is aborted, like a real fetch. */
export const pendingForever: FetchFunction = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
  });

/** Answers the account payload after `delayMs`. */
export function answersAfter(delayMs: number, payload: unknown = ACCOUNT_PAYLOAD): FetchFunction {
  return (_url, init) =>
    new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => resolve(jsonResponse(payload)), delayMs);
      init.signal?.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          reject(init.signal?.reason);
        },
        { once: true },
      );
    });
}

/** Answers with `responses` in turn (the last one repeats); each call gets a fresh Response. */
export function answersInTurn(...responses: Array<() => Response | Promise<Response>>): FetchFunction {
  let call = 0;
  return (url, init) => {
    const next = responses[Math.min(call++, responses.length - 1)];
    return next === neverAnswer ? pendingForever(url, init) : Promise.resolve(next());
  };
}

/** Marks a turn of `answersInTurn` that never answers. */
export function neverAnswer(): Response {
  throw new Error("neverAnswer is a marker");
}

/** An app that passes the handshake: echoes the code as text/plain. */
export const echoesCode: FetchFunction = (url) =>
  Promise.resolve(new Response(new URL(url).searchParams.get("code") ?? "", { status: 200, headers: { "content-type": "text/plain" } }));
