import { ICON_OK, widgetOf } from "../story-payloads.js";

// The same invalid payloads shown in strict mode (whole-widget error, Pylon's behaviour) and in
// isolate mode (an inline error in place of each invalid component, the rest renders).

export const unknownType = widgetOf(
  "Unknown type",
  { type: "text", label: "Plan", value: "Enterprise" },
  { type: "chart", label: "MRR", points: [1, 2, 3] },
  { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" },
  { label: "No type at all", value: "?" },
);

export const nestedCard = widgetOf("Nested card", {
  type: "card",
  header: { title: "Outer card", icon_url: ICON_OK },
  components: [
    { type: "text", label: "Plan", value: "Enterprise" },
    { type: "card", header: { title: "Inner card" }, components: [{ type: "text", label: "Seats", value: "48" }] },
    { type: "badge", label: "Status", items: [{ value: "Active", color: "green" }] },
  ],
});

export const manyProblems = widgetOf(
  "Several problems",
  { type: "text", label: "Plan", value: "Enterprise" },
  { type: "text", label: 42, value: "label is a number" },
  { type: "badge", label: "Status", items: "Active" },
  { type: "date_time", label: "Renews", value: "2025-13-01T00:00:00Z" },
  { type: "button", label: "Open admin", button_type: "link", url: "javascript:alert(1)" },
  { type: "divider" },
  { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" },
);

/** A valid payload; the host's `badge` override throws on it. */
export const forThrowingOverride = widgetOf(
  "Throwing override",
  { type: "text", label: "Plan", value: "Enterprise" },
  { type: "badge", label: "Status", items: [{ value: "Active", color: "green" }] },
  { type: "link", label: "View in CRM", url: "https://crm.example.com/accounts/42" },
);

export const THROWING_OVERRIDE_MESSAGE = "Host badge override exploded";

/** A host override that throws while rendering. */
export function ThrowingBadge(): never {
  throw new Error(THROWING_OVERRIDE_MESSAGE);
}

/** React reports each error a boundary catches with console.error; these stories expect it. */
export const expectedOverrideErrors = { consoleErrors: { allow: [new RegExp(THROWING_OVERRIDE_MESSAGE), /The above error occurred/] } };
