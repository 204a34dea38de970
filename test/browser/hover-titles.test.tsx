import { expect, test } from "vitest";
import { renderInFrame } from "./layout.js";
import { LONG_BADGE, LONG_CARD_TITLE, LONG_HEADER_TITLE, LONG_LABEL, LONG_URL, LONG_WORDS, realisticLongPayload } from "./payloads.js";

test("every text cut with an ellipsis carries its full value in a title, shown on hover", () => {
  const { widget } = renderInFrame(280, { payload: realisticLongPayload, locale: "en-US", timeZone: "UTC" });
  const cut = [...widget.querySelectorAll<HTMLElement>(".sc-truncate, .sc-label, .sc-text")].filter((el) => el.scrollWidth > el.clientWidth);
  expect(cut.length).toBeGreaterThanOrEqual(12);
  for (const el of cut) {
    // The title is on the element itself or on the nearest ancestor that has one (a link's URL).
    const holder = el.closest<HTMLElement>("[title]");
    expect(holder, `no title for "${el.textContent}"`).not.toBeNull();
    expect(holder!.title).toContain(el.textContent);
  }
});

test("titles hold the full, unshortened strings of the payload", () => {
  const { widget } = renderInFrame(280, { payload: realisticLongPayload });
  const titles = [...widget.querySelectorAll<HTMLElement>("[title]")].map((el) => el.title);
  for (const full of [LONG_HEADER_TITLE, LONG_CARD_TITLE, LONG_LABEL, LONG_BADGE, LONG_URL, `View ${LONG_WORDS} in Stripe`]) {
    expect(titles).toContain(full);
  }
  // A multi-line text value keeps its line breaks in the title.
  const value = widget.querySelector<HTMLElement>('[data-sidecard-component="text"] .sc-text')!;
  expect(value.title.split("\n")).toHaveLength(3);
});

test("the date shows a short form and the hover title has the full timestamp with its zone", () => {
  const { widget } = renderInFrame(280, {
    payload: { version: "1.0.0", header: {}, components: [{ type: "date_time", label: "Created", value: "2024-07-15T12:34:56Z" }] },
    locale: "en-US",
    timeZone: "UTC",
  });
  const time = widget.querySelector("time")!;
  expect(time.getAttribute("datetime")).toBe("2024-07-15T12:34:56Z");
  expect(time.textContent).toBe("Jul 15, 2024, 12:34 PM");
  expect(time.title).toMatch(/12:34:56/);
  expect(time.title).toMatch(/UTC|GMT|Z/);
  expect(time.title.length).toBeGreaterThan(time.textContent.length);
});
