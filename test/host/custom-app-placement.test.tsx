// Account-notebook placement against a real node:http server: what is sent, and where it shows.
import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { clearWidgetCache, contextForPlacement, CustomApp, type CustomAppRequestContext } from "../../src/host/index.js";
import { verifySignature } from "../../src/protocol/signature.js";
import { answer, testServers } from "./http-test-server.js";

const serve = testServers();
afterEach(() => clearWidgetCache());

/** A sidebar's context, as a host might still hold it when the agent opens the account's notebook. */
const leftOver: CustomAppRequestContext = {
  app_id: "app_1",
  widget_id: "w_1",
  issue_id: "iss_9",
  organization_id: "org_1",
  account_id: "acc_acme",
  requester_id: "usr_5",
  requester_email: "jane@acme.example",
};

const widget = JSON.stringify({ version: "1.0.0", header: { title: "Account" }, components: [{ type: "text", label: "Plan", value: "Pro" }] });
const appRoot = () => document.querySelector('[data-sidecard="custom-app"]');

describe("placement", () => {
  it("in an account notebook sends all seven parameters, with the issue and requester empty", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widget));
    render(<CustomApp url={s.url("/app?region=eu")} context={leftOver} placement="account_notebook" secret="shh" />);
    await screen.findByText("Pro");
    const seen = s.requests[0];
    expect([...seen.url.searchParams.entries()]).toEqual([
      ["region", "eu"],
      ["request_type", "fetch_data"],
      ["app_id", "app_1"],
      ["widget_id", "w_1"],
      ["issue_id", ""],
      ["organization_id", "org_1"],
      ["account_id", "acc_acme"],
      ["requester_id", ""],
      ["requester_email", ""],
    ]);
    // Signed over exactly what was sent.
    expect(await verifySignature(seen.rawQuery, String(seen.headers["x-pylon-signature"]), "shh")).toBe(true);
  });

  it("in the issue sidebar (the default) sends the context as given", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widget));
    render(<CustomApp url={s.url()} context={leftOver} />);
    await screen.findByText("Pro");
    expect(s.requests[0].url.searchParams.get("issue_id")).toBe("iss_9");
    expect(s.requests[0].url.searchParams.get("requester_email")).toBe("jane@acme.example");
    expect(appRoot()).toHaveAttribute("data-placement", "issue_sidebar");
  });

  it("exposes data-placement on the root while loading, when ready and on error", async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls++;
      if (calls === 1) answer(res, 200, "application/json", widget);
      else answer(res, 404, "text/plain", "no such account");
    });
    const { rerender } = render(<CustomApp url={s.url()} context={leftOver} placement="account_notebook" />);
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    expect(appRoot()).toHaveAttribute("data-placement", "account_notebook");
    await screen.findByText("Pro");
    expect(appRoot()).toHaveAttribute("data-placement", "account_notebook");
    rerender(<CustomApp url={s.url()} context={{ ...leftOver, account_id: "acc_other" }} placement="account_notebook" />);
    await waitFor(() => expect(appRoot()).toHaveAttribute("data-sidecard-state", "error"));
    expect(appRoot()).toHaveAttribute("data-placement", "account_notebook");
  });

  it("a notebook and a sidebar for the same account are different requests", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", widget));
    const { rerender } = render(<CustomApp url={s.url()} context={leftOver} />);
    await screen.findByText("Pro");
    rerender(<CustomApp url={s.url()} context={leftOver} placement="account_notebook" />);
    // The sidebar's answer (for issue iss_9) is not the notebook's.
    expect(appRoot()).toHaveAttribute("data-sidecard-state", "loading");
    await screen.findByText("Pro");
    expect(s.requests.map((r) => r.url.searchParams.get("issue_id"))).toEqual(["iss_9", ""]);
  });

  it("contextForPlacement leaves a sidebar context alone", () => {
    expect(contextForPlacement("issue_sidebar", leftOver)).toBe(leftOver);
    expect(contextForPlacement(undefined, leftOver)).toBe(leftOver);
    expect(contextForPlacement("account_notebook", { account_id: "a" })).toEqual({ account_id: "a", issue_id: "", requester_id: "", requester_email: "" });
  });
});
