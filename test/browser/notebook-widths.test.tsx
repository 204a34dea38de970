import "./frames.css";
import "./notebook-frames.css";
import { render, waitFor } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { CustomApp, type CustomAppPlacement, type FetchFunction } from "../../src/host/index.js";
import { expectNoHorizontalOverflow } from "./layout.js";
import { LONG_URL, realisticLongPayload } from "./payloads.js";

// The geometry rules below hold whatever the look: no button or pill wider than its own text
// and padding (or than the notebook's cap for buttons), nothing sticking out, and fields that
// use the width (label beside value) rather than stretching one column across it.

const NOTEBOOK_WIDTHS = [640, 960] as const;
/** No button is wider than this in a notebook, however long its label. */
const BUTTON_MAX_WIDTH = 320;

const shortPayload = {
  version: "1.0.0",
  header: { title: "Acme Corp" },
  components: [
    { type: "text", label: "Plan", value: "Enterprise" },
    { type: "date_time", label: "Renewal", value: "2024-09-30T00:00:00Z" },
    { type: "badge", label: "Status", items: [{ value: "Healthy", color: "green" }, { value: "VIP", color: "blue" }] },
    { type: "button", label: "Open", button_type: "link", url: "https://billing.example.com/acme" },
    { type: "link", label: "Stripe", url: LONG_URL },
  ],
};

const context = { app_id: "app_1", widget_id: "w_1", organization_id: "org_1", account_id: "acc_acme" };

async function renderApp(width: number, placement: CustomAppPlacement, payload: unknown) {
  const fetch: FetchFunction = () => Promise.resolve(new Response(JSON.stringify(payload), { headers: { "content-type": "application/json" } }));
  const { container } = render(
    <div className={`frame-${width}`}>
      <CustomApp url="https://crm.example.com/pylon" context={context} placement={placement} fetch={fetch} locale="en-US" timeZone="UTC" />
    </div>,
  );
  const root = container.querySelector<HTMLElement>('[data-sidecard="custom-app"]')!;
  await waitFor(() => expect(root.getAttribute("data-sidecard-state")).toBe("ready"));
  expect(root.getAttribute("data-placement")).toBe(placement);
  expect(root.getBoundingClientRect().width).toBe(width);
  return root;
}

const px = (value: string) => Number.parseFloat(value) || 0;

/** The width of an element's text as laid out (uncut), plus its padding and border. */
function intrinsicWidth(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  let text = 0;
  for (const rect of range.getClientRects()) text = Math.max(text, rect.right - range.getBoundingClientRect().left);
  const style = getComputedStyle(el);
  return text + px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth);
}

function describeEl(el: Element) {
  return `${el.tagName.toLowerCase()} "${(el.textContent ?? "").slice(0, 30)}"`;
}

function expectNoStretchedButtons(root: HTMLElement) {
  // A title's disclosure button holds the title (cut with an ellipsis): it is not a control to cap.
  const buttons = root.querySelectorAll('[data-sidecard-component="button"], button:not(.sc-disclosure)');
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    const width = button.getBoundingClientRect().width;
    expect(width, `${describeEl(button)} width`).toBeLessThanOrEqual(BUTTON_MAX_WIDTH + 0.5);
    expect(width, `${describeEl(button)} is no wider than its text and padding`).toBeLessThanOrEqual(Math.min(BUTTON_MAX_WIDTH, intrinsicWidth(button)) + 1);
  }
}

function expectPillsAtIntrinsicWidth(root: HTMLElement) {
  const pills = root.querySelectorAll('[data-sidecard-component="badge"] .sc-badge');
  expect(pills.length).toBeGreaterThan(0);
  for (const pill of pills) {
    expect(pill.getBoundingClientRect().width, `${describeEl(pill)} is no wider than its text and padding`).toBeLessThanOrEqual(intrinsicWidth(pill) + 1);
  }
}

/** Each field's label and value stand side by side, on one row. */
function expectFieldsSideBySide(root: HTMLElement) {
  const fields = root.querySelectorAll('[data-sidecard-component="text"], [data-sidecard-component="date_time"], [data-sidecard-component="badge"]');
  expect(fields.length).toBeGreaterThan(0);
  for (const field of fields) {
    const label = field.firstElementChild!.getBoundingClientRect();
    const value = field.lastElementChild!;
    if (value === field.firstElementChild) continue; // a badge with no items: a label alone
    const box = value.getBoundingClientRect();
    expect(label.right, `${describeEl(field)}: label ends before the value starts`).toBeLessThanOrEqual(box.left + 0.5);
    expect(Math.abs(label.top - box.top), `${describeEl(field)}: label and value start on one row`).toBeLessThan(8);
    // The label column is a column, not half the notebook.
    expect(label.width, `${describeEl(field)}: label column width`).toBeLessThanOrEqual(field.getBoundingClientRect().width * 0.4);
  }
}

describe.each(NOTEBOOK_WIDTHS)("in an account notebook %i px wide", (width) => {
  test("a short widget: buttons and pills keep their own width, fields sit label beside value", async () => {
    const root = await renderApp(width, "account_notebook", shortPayload);
    expectNoHorizontalOverflow(root);
    expectNoStretchedButtons(root);
    expectPillsAtIntrinsicWidth(root);
    expectFieldsSideBySide(root);
  });

  test("a realistic widget with long strings: capped buttons, nothing overflows", async () => {
    const root = await renderApp(width, "account_notebook", realisticLongPayload);
    expectNoHorizontalOverflow(root);
    expectNoStretchedButtons(root);
    expectPillsAtIntrinsicWidth(root);
    expectFieldsSideBySide(root);
    expect(root.querySelectorAll("[style]")).toHaveLength(0);
  });
});

describe("the notebook rules stay in the notebook", () => {
  test("in a 280 px issue sidebar a field's value sits under its label", async () => {
    const root = await renderApp(280, "issue_sidebar", shortPayload);
    expectNoHorizontalOverflow(root);
    const field = root.querySelector('[data-sidecard-component="text"]')!;
    expect(field.lastElementChild!.getBoundingClientRect().top).toBeGreaterThanOrEqual(field.firstElementChild!.getBoundingClientRect().bottom - 0.5);
  });
});
