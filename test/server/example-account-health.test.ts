// @vitest-environment node
import { describe, expect, it } from "vitest";
import { createAccountHealthHandler } from "../../examples/account-health/app.js";
import { parseWidget } from "../../src/parse/parse-widget.js";
import { signQuery } from "../../src/server/index.js";

const fetchWidget = async (query: string, headers?: HeadersInit) =>
  createAccountHealthHandler(headers ? "example-secret" : undefined)(new Request(`http://app.test/?${query}`, { headers }));

describe("examples/account-health", () => {
  it("answers a known requester with a valid account-health widget", async () => {
    const response = await fetchWidget("request_type=fetch_data&requester_email=jane%40globex.test");
    expect(response.status).toBe(200);
    const payload: unknown = await response.json();
    expect(parseWidget(payload).diagnostics).toEqual([]);
    expect(JSON.stringify(payload)).toContain("2 open invoices");
  });

  it("answers an unknown requester with a valid widget that says so", async () => {
    const result = parseWidget(await (await fetchWidget("request_type=fetch_data&requester_email=x%40nowhere.io")).json());
    expect(result.ok).toBe(true);
    expect(result.payload?.components[0]).toMatchObject({ label: "No account found", value: "Nobody at nowhere.io has an account yet." });
  });

  it("requires a signature when started with a secret", async () => {
    const query = "request_type=verify&code=c";
    expect((await fetchWidget(query, {})).status).toBe(401);
    const signed = await fetchWidget(query, { "X-Pylon-Signature": await signQuery(query, "example-secret") });
    expect(await signed.json()).toEqual({ code: "c" });
  });
});
