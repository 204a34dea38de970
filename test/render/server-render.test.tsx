import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { render } from "@testing-library/react";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { Widget } from "../../src/index.js";

const payload: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, "../fixtures/payloads/account-details.json"), "utf8"));
const root = resolve(import.meta.dirname, "../..");

describe("server rendering", () => {
  test("gives the same text as the client for the same locale and time zone", () => {
    const element = <Widget payload={payload} locale="en-US" timeZone="America/Los_Angeles" />;
    const host = document.createElement("div");
    host.innerHTML = renderToString(element);
    const { container } = render(element);
    expect(host.textContent).toBe(container.textContent);
    expect(host.textContent).toContain("Mar 4, 2021, 1:15 AM");
  });

  test.each(["America/Los_Angeles", "Asia/Kolkata", "UTC"])("gives identical HTML when the machine's own TZ is %s", (tz) => {
    const script = `
      import { renderToStaticMarkup } from "react-dom/server";
      import { createElement } from "react";
      import { Widget } from "./src/index.ts";
      const payload = JSON.parse(${JSON.stringify(JSON.stringify(payload))});
      process.stdout.write(renderToStaticMarkup(createElement(Widget, { payload, locale: "en-US", timeZone: "Europe/Paris" })));
    `;
    const html = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: root,
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
    });
    expect(html).toBe(renderToStaticMarkup(<Widget payload={payload} locale="en-US" timeZone="Europe/Paris" />));
    expect(html).toContain("Mar 4, 2021, 10:15 AM");
  }, 30_000); // spawns a Node process: slow on a busy 2-core machine

  test("hydrates without mismatch", async () => {
    const { hydrateRoot } = await import("react-dom/client");
    const { act } = await import("react");
    const element = <Widget payload={payload} locale="en-US" timeZone="UTC" />;
    const host = document.createElement("div");
    host.innerHTML = renderToString(element);
    const errors: unknown[] = [];
    // Synchronous: act flushes the hydration before it returns.
    act(() => {
      hydrateRoot(host, element, { onRecoverableError: (error) => errors.push(error) });
    });
    expect(errors).toEqual([]);
  });

  describe("relative dates without a pinned now", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    // The server renders "4 minutes ago"; the page hydrates a minute later, when the same date
    // reads "5 minutes ago". That difference is expected, not a bug to recover from by
    // re-rendering the whole widget on the client.
    test("hydrate without a recoverable error when the clock has moved on", async () => {
      const { hydrateRoot } = await import("react-dom/client");
      const { act } = await import("react");
      const moment = { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "Seen", value: "2024-07-15T12:00:00Z" }] };
      const element = <Widget payload={moment} locale="en-US" timeZone="UTC" dateFormat="relative" />;
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2024-07-15T12:04:10Z"));
      const host = document.createElement("div");
      host.innerHTML = renderToString(element);
      expect(host.querySelector("time")?.textContent).toBe("4 minutes ago");
      vi.setSystemTime(new Date("2024-07-15T12:05:10Z"));
      const errors: unknown[] = [];
      act(() => {
        hydrateRoot(host, element, { onRecoverableError: (error) => errors.push(error) });
      });
      expect(errors).toEqual([]);
      // Then the client's own reading replaces the server's.
      expect(host.querySelector("time")?.textContent).toBe("5 minutes ago");
      expect(host.querySelector("time")?.getAttribute("dateTime")).toBe("2024-07-15T12:00:00Z");
    });
  });
});
