// A viewer in Los Angeles whose locale is German, so that the viewer's defaults differ from
// what a server must use for what the host did not give (UTC and en-US: see use-viewer-zone.ts).
const originalTz = process.env.TZ;
process.env.TZ = "America/Los_Angeles"; // Node reads TZ when it changes

import { render } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { Widget } from "../../src/index.js";

const payload = { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" }] };
const timeText = (html: string) => /<time[^>]*>([^<]*)<\/time>/.exec(html)?.[1];

beforeAll(() => {
  // What the runtime reports as its own defaults (sidecard reads them with Intl.DateTimeFormat().resolvedOptions()).
  const viewer = { ...Intl.DateTimeFormat().resolvedOptions(), locale: "de-DE" };
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockReturnValue(viewer);
});

afterAll(() => {
  vi.restoreAllMocks();
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("date_time without a zone or locale from the host", () => {
  test("the server's HTML shows a date without timeZone in UTC, not in the server's own zone", () => {
    expect(timeText(renderToStaticMarkup(<Widget payload={payload} locale="en-US" />))).toBe("Jul 15, 2024, 12:34 PM");
  });

  test("the server's HTML shows a date without locale in en-US, not in the server's own locale", () => {
    expect(timeText(renderToStaticMarkup(<Widget payload={payload} timeZone="Asia/Tokyo" />))).toBe("Jul 15, 2024, 9:34 PM");
  });

  test("a client render shows the viewer's zone and locale for what the host did not give", () => {
    expect(render(<Widget payload={payload} locale="en-US" />).container.querySelector("time")).toHaveTextContent(/^Jul 15, 2024, 5:34 AM$/);
    expect(render(<Widget payload={payload} timeZone="Asia/Tokyo" />).container.querySelector("time")).toHaveTextContent(/^15\.07\.2024, 21:34$/);
  });
});
