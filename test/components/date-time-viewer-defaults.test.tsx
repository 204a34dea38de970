// A viewer whose locale is German and whose zone is Los Angeles, so that the viewer's defaults differ from
// what a server must use for what the host did not give (UTC and en-US: see use-viewer-zone.ts).
// The runtime's defaults are stubbed where sidecard reads them, not through process.env.TZ: a
// test worker thread (Stryker's runner uses them) does not see a TZ set at run time.
import { render } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { Widget } from "../../src/index.js";

const payload = { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" }] };
const timeText = (html: string) => /<time[^>]*>([^<]*)<\/time>/.exec(html)?.[1];

beforeAll(() => {
  // What the runtime reports as its own defaults (sidecard reads them with Intl.DateTimeFormat().resolvedOptions()).
  const viewer = { ...Intl.DateTimeFormat().resolvedOptions(), locale: "de-DE", timeZone: "America/Los_Angeles" };
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockReturnValue(viewer);
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe("date_time without a zone or locale from the host", () => {
  test("the server's HTML shows a date without timeZone in UTC, not in the server's own zone", () => {
    // German, so the date is formatted by Intl in the zone asked for (en-US in the machine's own zone takes a Date fast path).
    expect(timeText(renderToStaticMarkup(<Widget payload={payload} locale="de-DE" />))).toBe("15.07.2024, 12:34");
  });

  test("the server's HTML shows a date without locale in en-US, not in the server's own locale", () => {
    expect(timeText(renderToStaticMarkup(<Widget payload={payload} timeZone="Asia/Tokyo" />))).toBe("Jul 15, 2024, 9:34 PM");
  });

  test("a client render shows the viewer's locale for what the host did not give", () => {
    expect(render(<Widget payload={payload} timeZone="Asia/Tokyo" />).container.querySelector("time")).toHaveTextContent(/^15\.07\.2024, 21:34$/);
  });
});
