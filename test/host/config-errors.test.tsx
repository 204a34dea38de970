// Bad host configuration (headers that cannot be sent, an empty secret, limits that are not
// positive finite numbers) is a typed `config` failure, never an exception into the host page.
// jsdom with Node's fetch against real node:http servers.
import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ConnectionPanel, CustomApp, fetchWidget, verifyEndpoint, type CustomAppRequestContext } from "../../src/host/index.js";
import { answer, testServers, streamForever } from "./http-test-server.js";

// Each server is closed after the test that started it.
const serve = testServers();

const WIDGET = JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro" }] });
const context: CustomAppRequestContext = { issue_id: "iss_1" };
const codeOf = (req: { url?: string }) => new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const BAD_HEADERS: Array<[string, unknown, RegExp]> = [
  ["a value with CR/LF", { "X-Api-Key": "k\r\nX-Injected: 1" }, /custom header "X-Api-Key" has a value with a line break \(CR or LF\); expected a single-line/],
  ["a value ending in LF", { "X-Api-Key": "k\n" }, /"X-Api-Key" has a value with a line break/],
  ["a value with NUL", [["X-Api-Key", "a\0b"]], /"X-Api-Key" has a value with a NUL character/],
  ["a value outside Latin-1", { "X-Api-Key": "clé→" }, /"X-Api-Key" has a value with the character "→" \(outside Latin-1\)/],
  ["an invalid name", { "Bad Name": "x" }, /custom header name "Bad Name" is not a valid header name; expected letters, digits/],
  ["an empty name", { "": "x" }, /custom header name "" is not a valid header name/],
  ["a name with a colon", [["X-Api-Key:", "x"]], /header name "X-Api-Key:" is not a valid/],
  ["a pair that is not a pair", [["X-Api-Key"]], /entry at index 0 that is not a \[name, value\] pair/],
  ["a non-string value", { "X-Api-Key": { toString: () => "k" } }, /"X-Api-Key" has a object value; expected a string/],
  ["headers that are a string", "X-Api-Key: k", /custom headers are string; expected an object/],
];

describe("fetchWidget and verifyEndpoint with bad configuration", () => {
  it.each(BAD_HEADERS)("resolve a config failure for headers with %s, and send nothing", async (_name, headers, message) => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", WIDGET));
    const fetched = await fetchWidget({ url: s.url(), context, headers: headers as HeadersInit });
    expect(fetched).toMatchObject({ ok: false, error: { kind: "config", message: expect.stringMatching(message) as string } });
    const verified = await verifyEndpoint({ url: s.url(), headers: headers as HeadersInit });
    expect(verified).toMatchObject({ status: "unverified", failure: "config", reason: expect.stringMatching(message) as string });
    expect(s.requests).toHaveLength(0);
  });

  it("resolve a config failure for an empty secret (an unsigned request would be sent otherwise)", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", WIDGET));
    const expected = /secret is an empty string; expected a non-empty string, or no secret/;
    expect(await fetchWidget({ url: s.url(), context, secret: "" })).toMatchObject({ ok: false, error: { kind: "config", message: expect.stringMatching(expected) as string } });
    expect(await verifyEndpoint({ url: s.url(), secret: "" })).toMatchObject({ status: "unverified", failure: "config", reason: expect.stringMatching(expected) as string });
    expect(await fetchWidget({ url: s.url(), context, secret: 42 as unknown as string })).toMatchObject({ error: { kind: "config", message: expect.stringMatching(/secret is number/) as string } });
    expect(s.requests).toHaveLength(0);
  });

  it("resolve a config failure for a URL that is not http(s)", async () => {
    expect(await fetchWidget({ url: "javascript:alert(1)", context })).toMatchObject({ ok: false, error: { kind: "config", message: expect.stringMatching(/uses javascript: but only http: and https:/) as string } });
    expect(await fetchWidget({ url: "http://", context })).toMatchObject({ ok: false, error: { kind: "config", message: expect.stringMatching(/not a valid absolute URL/) as string } });
    expect(await fetchWidget({ url: undefined as unknown as string, context })).toMatchObject({ ok: false, error: { kind: "config" } });
  });

  it("resolve a config failure for no options, a fetch that is not a function or a signal that is not an AbortSignal", async () => {
    expect(await fetchWidget(undefined as never)).toMatchObject({ ok: false, error: { kind: "config" } });
    expect(await verifyEndpoint(undefined as never)).toMatchObject({ status: "unverified", failure: "config" });
    const url = "http://127.0.0.1:9/";
    expect(await fetchWidget({ url, context, fetch: "fetch" as never })).toMatchObject({ error: { kind: "config", message: expect.stringMatching(/fetch option is string; expected a function/) as string } });
    expect(await verifyEndpoint({ url, signal: {} as never })).toMatchObject({ failure: "config", reason: expect.stringMatching(/signal option is not an AbortSignal/) as string });
  });

  it.each([NaN, Infinity, -1, 0, "1000" as unknown as number])("keep the 1 MiB cap for maxBytes %s", async (maxBytes) => {
    const s = await serve((_req, res) => streamForever(res, "application/json"));
    const result = await fetchWidget({ url: s.url(), context, maxBytes });
    expect(result).toMatchObject({ ok: false, error: { kind: "too_large", message: expect.stringContaining("limit of 1 MiB") as string } });
    await s.requests[0].closed;
    expect(s.requests[0].bytesWritten()).toBeLessThan(16 * 1024 * 1024);
  });

  it.each([NaN, -1, 0, 1e12])("use the 10 s default for timeoutMs %s (not an instant timeout)", async (timeoutMs) => {
    const s = await serve(async (req, res) => {
      await sleep(150);
      if (codeOf(req)) answer(res, 200, "text/plain", codeOf(req));
      else answer(res, 200, "application/json", WIDGET);
    });
    expect(await fetchWidget({ url: s.url(), context, timeoutMs })).toMatchObject({ ok: true, status: 200 });
    expect(await verifyEndpoint({ url: s.url(), timeoutMs })).toMatchObject({ status: "verified" });
  });
});

describe("React hosts with bad configuration", () => {
  function Host({ children }: { children: React.ReactNode }) {
    return (
      <main>
        <h1>Help desk</h1>
        {children}
      </main>
    );
  }

  it("<CustomApp> with a header value holding CR/LF shows its config error and the host stays mounted", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", WIDGET));
    render(
      <Host>
        <CustomApp url={s.url()} context={context} headers={{ "X-Api-Key": "k\r\nX-Injected: 1" }} />
      </Host>,
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-error-kind", "config");
    expect(alert).toHaveTextContent("The app is not configured correctly.");
    expect(alert).toHaveTextContent(/"X-Api-Key" has a value with a line break/);
    expect(screen.getByRole("heading", { name: "Help desk" })).toBeInTheDocument();
    expect(s.requests).toHaveLength(0);
  });

  it("<CustomApp> with an invalid header name or an empty secret shows the config error", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", WIDGET));
    const { rerender } = render(
      <Host>
        <CustomApp url={s.url()} context={context} headers={{ "Bad Name": "x" }} />
      </Host>,
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(/header name "Bad Name" is not a valid header name/);
    rerender(
      <Host>
        <CustomApp url={s.url()} context={context} secret="" />
      </Host>,
    );
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(/secret is an empty string/));
    expect(screen.getByRole("heading", { name: "Help desk" })).toBeInTheDocument();
    expect(s.requests).toHaveLength(0);
  });

  it("<ConnectionPanel> with bad headers or an empty secret is Unverified with failure config", async () => {
    const s = await serve((req, res) => answer(res, 200, "text/plain", codeOf(req)));
    const { rerender } = render(
      <Host>
        <ConnectionPanel url={s.url()} headers={{ "X-Api-Key": "k\nX: y" }} />
      </Host>,
    );
    const panel = () => document.querySelector('[data-sidecard="connection"]');
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "unverified"));
    expect(panel()).toHaveAttribute("data-failure", "config");
    expect(panel()).toHaveTextContent(/"X-Api-Key" has a value with a line break/);

    rerender(
      <Host>
        <ConnectionPanel url={s.url()} secret="" />
      </Host>,
    );
    await waitFor(() => expect(panel()).toHaveTextContent(/secret is an empty string/));
    expect(panel()).toHaveAttribute("data-failure", "config");
    expect(screen.getByRole("heading", { name: "Help desk" })).toBeInTheDocument();
    expect(s.requests).toHaveLength(0);

    // Fixed configuration: the same panel verifies.
    rerender(
      <Host>
        <ConnectionPanel url={s.url()} headers={{ "X-Api-Key": "k" }} />
      </Host>,
    );
    await waitFor(() => expect(panel()).toHaveAttribute("data-sidecard-state", "verified"));
    expect(s.requests[0].headers["x-api-key"]).toBe("k");
  });
});
