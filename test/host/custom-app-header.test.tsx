// <CustomApp>'s chrome in Pylon's places: the refresh control in the widget header and the
// "Retrieved from" footer. Real node:http server on 127.0.0.1, like custom-app.test.tsx.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CustomApp, type CustomAppRequestContext } from "../../src/host/index.js";
import { answer, testServers } from "./http-test-server.js";

const serve = testServers();

const context: CustomAppRequestContext = {
  app_id: "app_1",
  widget_id: "w_1",
  issue_id: "iss_1",
  organization_id: "org_1",
  account_id: "acc_1",
  requester_id: "usr_1",
  requester_email: "jane@example.com",
};

async function serving(body: unknown) {
  let calls = 0;
  const server = await serve((_req, res) => {
    calls++;
    answer(res, 200, "application/json", JSON.stringify(body));
  });
  return { url: server.url(), calls: () => calls };
}

const widget = { version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro" }] };

describe("<CustomApp> header and footer", () => {
  it("puts the refresh control in the widget header, after the title", async () => {
    const app = await serving(widget);
    render(<CustomApp url={app.url} context={context} />);
    await screen.findByText("Pro");
    const header = document.querySelector<HTMLElement>('[data-sidecard="widget"] .sc-header')!;
    const refresh = within(header).getByRole("button", { name: "Refresh" });
    expect(header.querySelector("h3")!.compareDocumentPosition(refresh) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(refresh.querySelector("svg > path")).not.toBeNull();
    fireEvent.click(refresh);
    // The old widget stays on screen while refreshing, so wait for the request itself.
    await vi.waitFor(() => expect(app.calls()).toBe(2));
    await screen.findByText("Pro");
  });

  it("keeps Refresh reachable when the payload cannot be shown (strict error state)", async () => {
    const app = await serving({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "nope" }] });
    render(<CustomApp url={app.url} context={context} />);
    await screen.findByRole("alert");
    expect(screen.getByRole("button", { name: "Refresh" })).toBeInTheDocument();
  });

  it("refreshButton={false} leaves the header without it", async () => {
    const app = await serving(widget);
    render(<CustomApp url={app.url} context={context} refreshButton={false} />);
    await screen.findByText("Pro");
    expect(screen.queryByRole("button", { name: "Refresh" })).toBeNull();
  });

  it('shows "Retrieved from: <appName>", linked to appUrl when it is a web URL', async () => {
    const app = await serving(widget);
    const { unmount } = render(<CustomApp url={app.url} context={context} appName="Customer Data" appUrl="https://crm.example.com/" />);
    await screen.findByText("Pro");
    const footer = document.querySelector('[data-sidecard="widget"] .sc-footer')!;
    expect(footer).toHaveTextContent("Retrieved from: Customer Data");
    expect(within(footer as HTMLElement).getByRole("link", { name: /Customer Data/ })).toHaveAttribute("href", "https://crm.example.com/");
    unmount();
    render(<CustomApp url={app.url} context={context} appName="Customer Data" appUrl="javascript:alert(1)" />);
    await screen.findByText("Pro");
    expect(document.querySelector(".sc-footer a")).toBeNull();
    expect(document.querySelector(".sc-footer")).toHaveTextContent("Retrieved from: Customer Data");
  });

  it("has no footer without appName", async () => {
    const app = await serving(widget);
    render(<CustomApp url={app.url} context={context} />);
    await screen.findByText("Pro");
    expect(document.querySelector(".sc-footer")).toBeNull();
  });
});

describe("<CustomApp> when a component throws", () => {
  it("keeps the header's Refresh next to the error state", async () => {
    const app = await serving(widget);
    const Exploding = () => {
      throw new Error("boom");
    };
    render(<CustomApp url={app.url} context={context} components={{ text: Exploding }} />);
    await screen.findByRole("alert");
    expect(screen.getByRole("button", { name: "Refresh" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "CRM" })).toBeInTheDocument();
  });
});
