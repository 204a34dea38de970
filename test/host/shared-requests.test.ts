// @vitest-environment node
import { describe, expect, it } from "vitest";
import { answerKey, fetchWidgetShared, requestKey, sharedRequestCount } from "../../src/host/shared-requests.js";
import { answer, testServers } from "./http-test-server.js";

const serve = testServers();

const context = { issue_id: "iss_1", app_id: "app_1" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("shared fetch_data requests", () => {
  it("aborts the HTTP request only when the last consumer lets go", async () => {
    const server = await serve(() => {});
    const url = server.url();
    const first = new AbortController();
    const second = new AbortController();
    const a = fetchWidgetShared({ url, context }, first.signal);
    const b = fetchWidgetShared({ url, context }, second.signal);
    const seen = await server.nextRequest();
    expect(sharedRequestCount()).toBe(1);

    first.abort();
    await expect(a).resolves.toMatchObject({ ok: false, error: { kind: "aborted" } });
    await sleep(50);
    expect(seen.closedAt).toBeNull();

    second.abort();
    await expect(b).resolves.toMatchObject({ ok: false, error: { kind: "aborted" } });
    await seen.closed;
    expect(server.requests).toHaveLength(1);
    expect(sharedRequestCount()).toBe(0);
  });

  it("lets a consumer that lets go and comes straight back (StrictMode's remount) join the same request", async () => {
    const server = await serve((_req, res) => answer(res, 200, "application/json", '{"version":"1.0.0","header":{},"components":[]}'));
    const url = server.url();
    const abortedAtCall: boolean[] = [];
    const viaBackend = (u: string, init: RequestInit) => {
      abortedAtCall.push(init.signal?.aborted ?? false);
      return fetch(u, init);
    };
    const first = new AbortController();
    const a = fetchWidgetShared({ url, context, fetch: viaBackend }, first.signal);
    first.abort();
    const b = fetchWidgetShared({ url, context, fetch: viaBackend }, new AbortController().signal);
    await expect(a).resolves.toMatchObject({ ok: false, error: { kind: "aborted" } });
    await expect(b).resolves.toMatchObject({ ok: true });
    expect(abortedAtCall).toEqual([false]);
    expect(server.requests).toHaveLength(1);
    expect(sharedRequestCount()).toBe(0);
  });

  it("starts a new request once the shared one has finished", async () => {
    const server = await serve((_req, res) => answer(res, 200, "application/json", '{"version":"1.0.0","header":{},"components":[]}'));
    const url = server.url();
    const one = await fetchWidgetShared({ url, context }, new AbortController().signal);
    const two = await fetchWidgetShared({ url, context }, new AbortController().signal);
    expect(one.ok && two.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("keys on everything that changes the request", () => {
    const base = { url: "https://app.example/w", context };
    const key = requestKey(base);
    expect(requestKey({ ...base, headers: { "X-Key": "1" } })).toBe(requestKey({ ...base, headers: { "x-key": "1" } }));
    expect(requestKey({ ...base, context: { ...context, issue_id: "iss_2" } })).not.toBe(key);
    expect(requestKey({ ...base, headers: { "X-Key": "2" } })).not.toBe(requestKey({ ...base, headers: { "X-Key": "1" } }));
    expect(requestKey({ ...base, secret: "s" })).not.toBe(key);
    expect(requestKey({ ...base, maxBytes: 10 })).not.toBe(key);
    const proxyA = (u: string, i: RequestInit) => fetch(u, i);
    const proxyB = (u: string, i: RequestInit) => fetch(u, i);
    expect(requestKey({ ...base, fetch: proxyA })).toBe(requestKey({ ...base, fetch: proxyA }));
    expect(requestKey({ ...base, fetch: proxyA })).not.toBe(requestKey({ ...base, fetch: proxyB }));
    // What is shown and cached does not depend on the fetch function; only sharing does.
    expect(answerKey({ ...base, fetch: proxyA })).toBe(answerKey({ ...base, fetch: proxyB }));
    expect(answerKey({ ...base, secret: "s" })).not.toBe(answerKey(base));
  });
});
