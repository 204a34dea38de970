// sidecard's own words (issue 12.7): with a complete second language given, no English default
// remains in any state of any component — text, aria-label and title alike.
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { SidecardProvider, Widget, englishMessages, germanMessages, type SidecardMessages } from "../../src/index.js";
import { ConnectionPanel, CustomApp, englishHostMessages, germanHostMessages, type FetchWidgetErrorKind, type SidecardHostMessages } from "../../src/host/index.js";
import { answer, testServers } from "../host/http-test-server.js";

const GERMAN: SidecardMessages & SidecardHostMessages = { ...germanMessages, ...germanHostMessages };
const TYPES = ["text", "date_time", "badge", "button", "link", "divider", "card", "header", "card header", null];
const KINDS: FetchWidgetErrorKind[] = ["timeout", "network", "http", "not_json", "too_large", "aborted", "config"];

/** Every English default, the interpolated ones for the values this test produces. */
function englishDefaults(): string[] {
  const words: string[] = [];
  for (const value of Object.values({ ...englishMessages, ...englishHostMessages })) if (typeof value === "string") words.push(value);
  const m = englishMessages;
  words.push(m.renderFailed(undefined), m.renderFailed("kaputt"), m.componentFailed("kaputt"), m.moreItems(2), m.moreLines(1), m.moreLines(2));
  words.push("could not be shown", "failed to render", " more"); // the fixed parts around interpolations
  for (const type of TYPES) words.push(m.componentInvalid(type));
  for (const kind of KINDS) words.push(englishHostMessages.failureTitle(kind));
  for (const status of ["checking", "verified", "unverified", "disconnected"] as const) words.push(englishHostMessages.connectionStatus(status));
  return words;
}

/** What a viewer or a screen reader gets from the page: text, accessible names, hover titles. */
function collected(): string {
  const parts = [document.body.textContent ?? ""];
  for (const element of document.body.querySelectorAll("[aria-label], [title]")) parts.push(element.getAttribute("aria-label") ?? "", element.getAttribute("title") ?? "");
  return parts.join("\n");
}

const seen: string[] = [];
/** Records what the page says now (every state is collected before the next replaces it). */
function record() {
  seen.push(collected());
}

const german = (children: ReactNode) => <SidecardProvider messages={GERMAN}>{children}</SidecardProvider>;

// Each server is closed after the test that started it.
const serve = testServers();

const full = {
  version: "1.0.0",
  header: { title: "Konto" },
  components: [
    {
      type: "card",
      header: { title: "Abo" },
      components: [
        { type: "text", label: "Notiz", value: "eins\nzwei\ndrei" },
        { type: "date_time", label: "Seit", value: "2024-07-15T12:34:56Z" },
        { type: "badge", label: "Stufe", items: [{ value: "A", color: "blue" }, { value: "B", color: "red" }, { value: "C", color: "green" }] },
      ],
    },
    { type: "link", label: "Profil", url: "https://example.com/p" },
    { type: "button", label: "Öffnen", button_type: "link", url: "https://example.com/o" },
    { type: "divider" },
  ],
};
const invalid = { version: "1.0.0", header: { title: 5 }, components: [{ type: "text", label: "L" }, { type: "card", header: { title: 7 }, components: [] }, { type: "nope" }] };
const Kaputt = () => {
  throw new Error("kaputt");
};

describe("every state in German", () => {
  it("the widget", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const states: ReactNode[] = [
      <Widget payload={full} limits={{ maxTextLines: 1, maxBadgeItems: 1 }} />,
      <Widget payload={{ version: "1.0.0", components: [] }} />,
      <Widget payload={invalid} />,
      <Widget payload={invalid} mode="isolate" />,
      <Widget payload={{ version: "9.0.0", components: [] }} />,
      <Widget payload={{ version: "1.0.0", components: [{ type: "divider" }, { type: "divider" }] }} limits={{ maxComponents: 1 }} />,
      <Widget payload="not a payload" />,
      <Widget payload={full} components={{ text: Kaputt }} />,
      <Widget payload={full} components={{ text: Kaputt }} mode="isolate" />,
    ];
    for (const state of states) {
      const { unmount } = render(german(state));
      record();
      unmount();
    }
    // The copy button's outcomes.
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error("denied"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(german(<Widget payload={full} />));
    const copy = document.querySelector<HTMLButtonElement>(".sc-copy")!;
    await act(() => Promise.resolve(fireEvent.click(copy)));
    await waitFor(() => expect(document.querySelector(".sc-copy-status")).toHaveTextContent(germanMessages.copied));
    record();
    await act(() => Promise.resolve(fireEvent.click(copy)));
    await waitFor(() => expect(document.querySelector(".sc-copy-status")).toHaveTextContent(germanMessages.copyFailed));
    record();
    expect(seen.join("\n")).toContain("+2 weitere"); // the limits really drew "+N more"
  });

  it("<CustomApp>: loading, error, ready, refreshing, refresh failed", async () => {
    let mode: "hold" | "fail" | "ok" = "hold";
    let release: (() => void) | undefined;
    const s = await serve((_req, res) => {
      if (mode === "hold") release = () => answer(res, 200, "application/json", JSON.stringify(full));
      else if (mode === "fail") answer(res, 503, "text/plain", "Wartung");
      else answer(res, 200, "application/json", JSON.stringify(full));
    });
    const { unmount } = render(german(<CustomApp url={s.url()} context={{ issue_id: "1" }} retry={false} />));
    await s.nextRequest();
    record(); // loading
    mode = "fail";
    release!();
    await waitFor(() => expect(document.querySelector('[data-sidecard="widget"]')).not.toBeNull());
    unmount();

    render(german(<CustomApp url={s.url()} context={{ issue_id: "2" }} retry={false} />));
    await waitFor(() => expect(document.querySelector('[data-sidecard-state="error"]')).not.toBeNull());
    record(); // error
    mode = "ok";
    fireEvent.click(screen.getByRole("button", { name: germanHostMessages.retry }));
    await waitFor(() => expect(document.querySelector('[data-sidecard="widget"]')).not.toBeNull());
    record(); // ready

    mode = "hold";
    release = undefined;
    fireEvent.click(screen.getByRole("button", { name: germanHostMessages.refresh }));
    await waitFor(() => expect(document.querySelector(".sc-header-actions [role=status]")).toHaveTextContent(germanHostMessages.refreshing));
    record(); // refreshing
    // The UI says "refreshing" before the request reaches the server: release that request, not the first one's.
    await waitFor(() => expect(release).toBeDefined());
    mode = "fail";
    release!();
    // That refresh must have finished (its answer was good) before the next is asked for: a
    // click while one is still running starts none, and the failing answer would never come.
    await waitFor(() => expect(document.querySelector(".sc-header-actions [role=status]")).not.toHaveTextContent(germanHostMessages.refreshing));
    expect(document.querySelector(".sc-custom-app-refresh-error")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: germanHostMessages.refresh }));
    await waitFor(() => expect(document.querySelector(".sc-custom-app-refresh-error")).not.toBeNull());
    record(); // refresh failed
  });

  it("<CustomApp>'s footer", async () => {
    const s = await serve((_req, res) => answer(res, 200, "application/json", JSON.stringify(full)));
    render(german(<CustomApp url={s.url()} context={{ issue_id: "3" }} appName="Acme" appUrl="https://acme.example" />));
    await waitFor(() => expect(document.querySelector(".sc-footer")).not.toBeNull());
    record();
  });

  it("<ConnectionPanel>: checking, unverified, verified, disconnected", async () => {
    let healthy = false;
    let hold = true;
    let release: (() => void) | undefined;
    const s = await serve((req, res) => {
      const code = new URL(req.url ?? "/", "http://x").searchParams.get("code") ?? "";
      const respond = () => (healthy ? answer(res, 200, "text/plain", code) : answer(res, 404, "text/plain", "nein"));
      if (hold) release = respond;
      else respond();
    });
    render(german(<ConnectionPanel url={s.url()} />));
    await s.nextRequest();
    record(); // checking
    hold = false;
    release!();
    await waitFor(() => expect(document.querySelector('[data-sidecard-state="unverified"]')).not.toBeNull());
    record();
    healthy = true;
    fireEvent.click(screen.getByRole("button", { name: germanHostMessages.retryConnection }));
    await waitFor(() => expect(document.querySelector('[data-sidecard-state="verified"]')).not.toBeNull());
    record();
    fireEvent.click(screen.getByRole("button", { name: germanHostMessages.disconnect }));
    record();
    expect(screen.getByRole("button", { name: germanHostMessages.connect })).toBeInTheDocument();
  });

  it("leaves no English default anywhere", () => {
    expect(seen.length).toBe(21);
    const everything = seen.join("\n");
    expect(englishDefaults().filter((english) => everything.includes(english))).toEqual([]);
    // …and the German words are what stands there instead.
    for (const word of [germanMessages.empty, germanMessages.copyLink, germanMessages.opensInNewTab, germanMessages.rootPath, germanHostMessages.loading, germanHostMessages.retrievedFrom])
      expect(everything).toContain(word);
  });
});

describe("precedence", () => {
  it("a component's own messages win over the provider's, the rest falls back to English", () => {
    render(
      <SidecardProvider messages={{ empty: "Vom Provider.", copyLink: "Provider-Kopie" }}>
        <Widget payload={{ version: "1.0.0", components: [] }} messages={{ empty: "Vom Widget." }} />
        <Widget payload={{ version: "1.0.0", components: [{ type: "link", label: "L", url: "https://example.com" }] }} />
      </SidecardProvider>,
    );
    expect(screen.getByText("Vom Widget.")).toBeInTheDocument();
    expect(screen.queryByText("Vom Provider.")).toBeNull();
    expect(screen.getByRole("button", { name: "Provider-Kopie" })).toBeInTheDocument();
    // The words no one replaced stay English: the new-tab hint is part of the link's accessible name.
    expect(screen.getByRole("link").getAttribute("aria-label")).toContain(englishMessages.opensInNewTab);
  });

  it("the provider sets locale, timeZone, dateFormat and theme; props win", () => {
    const payload = { version: "1.0.0", components: [{ type: "date_time", label: "Seit", value: "2024-07-15T22:34:56Z" }] };
    render(
      <SidecardProvider locale="de-DE" timeZone="Asia/Tokyo" dateFormat="yyyy-MM-dd HH:mm" theme="dark">
        <Widget payload={payload} data-testid="from-provider" />
        <Widget payload={payload} data-testid="own" timeZone="UTC" theme="light" />
      </SidecardProvider>,
    );
    expect(screen.getByTestId("from-provider")).toHaveTextContent("2024-07-16 07:34");
    expect(screen.getByTestId("from-provider")).toHaveAttribute("data-theme", "dark");
    expect(screen.getByTestId("own")).toHaveTextContent("2024-07-15 22:34");
    expect(screen.getByTestId("own")).toHaveAttribute("data-theme", "light");
  });
});
