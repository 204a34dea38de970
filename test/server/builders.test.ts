// @vitest-environment node
import { describe, expect, it } from "vitest";
import { parseWidget } from "../../src/parse/parse-widget.js";
import {
  badge,
  badgeItem,
  button,
  card,
  dateTime,
  divider,
  link,
  text,
  widget,
} from "../../src/server/index.js";

describe("builders", () => {
  it("build a payload that parseWidget accepts without diagnostics", () => {
    const payload = widget({ title: "Account health", icon_url: "https://example.com/icon.png" }, [
      text("Plan", "Enterprise\nannual", { icon_url: "https://example.com/plan.png" }),
      card({ title: "Renewal" }, [
        dateTime("Renews", new Date(Date.UTC(2025, 0, 31, 9, 30, 0))),
        badge("Flags", [badgeItem("SSO", "green"), { value: "Beta", color: "orange" }, "legacy"]),
        divider(),
        button("Open admin", "https://admin.example.com/acc_1"),
        link("Invoices", "https://billing.example.com/acc_1"),
      ]),
      card(undefined, [text("Owner", "Jane")]),
    ]);
    expect(parseWidget(payload)).toEqual({ ok: true, payload: expect.anything() as unknown, diagnostics: [] });
    expect(payload).toEqual({
      version: "1.0.0",
      header: { title: "Account health", icon_url: "https://example.com/icon.png" },
      components: [
        { type: "text", label: "Plan", value: "Enterprise\nannual", icon_url: "https://example.com/plan.png" },
        {
          type: "card",
          header: { title: "Renewal" },
          components: [
            { type: "date_time", label: "Renews", value: "2025-01-31T09:30:00Z" },
            {
              type: "badge",
              label: "Flags",
              items: [
                { value: "SSO", color: "green" },
                { value: "Beta", color: "orange" },
                { value: "legacy", color: "gray" },
              ],
            },
            { type: "divider" },
            { type: "button", label: "Open admin", button_type: "link", url: "https://admin.example.com/acc_1" },
            { type: "link", label: "Invoices", url: "https://billing.example.com/acc_1" },
          ],
        },
        { type: "card", components: [{ type: "text", label: "Owner", value: "Jane" }] },
      ],
    });
  });

  it("writes a Date as RFC 3339 UTC, keeping milliseconds only when present", () => {
    expect(dateTime("t", new Date("2024-07-15T12:34:56.789+02:00")).value).toBe("2024-07-15T10:34:56.789Z");
    expect(dateTime("t", new Date("2024-07-15T12:34:56Z")).value).toBe("2024-07-15T12:34:56Z");
    expect(dateTime("t", "2024-07-15T12:34:56+05:30").value).toBe("2024-07-15T12:34:56+05:30");
  });

  it("refuses an invalid Date with a message that says what was expected", () => {
    expect(() => dateTime("t", new Date("nope"))).toThrow(/invalid Date; expected a valid Date or an RFC 3339 string/);
  });

  it("refuses a Date outside the years 0000-9999, which RFC 3339 cannot write, naming the year", () => {
    expect(() => dateTime("t", new Date(Date.UTC(10000, 0, 1)))).toThrow(
      new RangeError("dateTime() was given a Date in the year 10000; expected a year from 0000 to 9999 (RFC 3339)."),
    );
    expect(() => dateTime("t", new Date(Date.UTC(-1, 0, 1)))).toThrow(/year -1; expected a year from 0000 to 9999/);
    const edges = [dateTime("t", new Date("0000-01-01T00:00:00Z")), dateTime("t", new Date("9999-12-31T23:59:59.999Z"))];
    expect(edges.map((c) => c.value)).toEqual(["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"]);
    expect(parseWidget(widget({}, edges)).diagnostics).toEqual([]);
  });

  it("omits icon_url and card header when not given", () => {
    expect(text("a", "b")).not.toHaveProperty("icon_url");
    expect(card(undefined, [])).not.toHaveProperty("header");
  });

  it("do not share arrays with the caller", () => {
    const children = [text("a", "b")];
    const built = card({}, children);
    children.push(text("c", "d"));
    expect(built.components).toHaveLength(1);
  });
});
