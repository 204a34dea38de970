/** Payloads for layout tests: realistic content with every string longer than a sidebar. */

export const LONG_WORDS =
  "Enterprise customer with an extraordinarily long account name that keeps going past any sidebar";
/** No spaces at all: nothing to wrap at, the hardest case for a narrow column. */
export const LONG_TOKEN = `cus_${"9f8e7d6c5b4a".repeat(12)}`;
export const LONG_URL = `https://admin.example.com/organizations/acme-corporation-international/accounts/${"a1b2c3d4".repeat(16)}?tab=billing&view=invoices`;
export const LONG_LABEL = "Lifetime value across every subscription, invoice and one-off purchase in all regions";
export const LONG_HEADER_TITLE = "Acme Corporation International Holdings — Customer Health Overview and Account Summary";
export const LONG_CARD_TITLE = "Subscription, billing and invoicing details for the primary workspace of this customer";
export const LONG_BADGE = "Priority support plan with a dedicated technical account manager and 24/7 on-call escalation";

export const ICON = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' fill='%230969da'/%3E%3C/svg%3E";

/** A whole realistic widget: header, a card with every leaf type, top-level components, long strings everywhere. */
export const realisticLongPayload = {
  version: "1.0.0",
  header: { title: LONG_HEADER_TITLE, icon_url: ICON },
  components: [
    {
      type: "card",
      header: { title: LONG_CARD_TITLE, icon_url: ICON },
      components: [
        { type: "text", label: LONG_LABEL, value: `${LONG_WORDS}\n${LONG_TOKEN}\nshort line`, icon_url: ICON },
        { type: "date_time", label: LONG_LABEL, value: "2024-07-15T12:34:56Z", icon_url: ICON },
        {
          type: "badge",
          label: LONG_LABEL,
          items: [
            { value: "Enterprise", color: "blue" },
            { value: "Healthy", color: "green" },
            { value: "Churn risk", color: "red" },
            { value: "Renewal due", color: "orange" },
            { value: "Legacy", color: "gray" },
            { value: LONG_BADGE, color: "blue" },
            { value: LONG_TOKEN, color: "green" },
          ],
        },
        { type: "divider" },
        { type: "button", label: LONG_URL, button_type: "link", url: LONG_URL },
        { type: "link", label: LONG_URL, url: LONG_URL },
      ],
    },
    { type: "text", label: "Plan", value: LONG_TOKEN },
    { type: "divider" },
    { type: "button", label: `Open ${LONG_WORDS} in the admin dashboard`, button_type: "link", url: LONG_URL },
    { type: "link", label: `View ${LONG_WORDS} in Stripe`, url: LONG_URL },
    { type: "badge", label: "Tags", items: [] },
  ],
} as const;

/** Invalid in many places at once, with long field names and long values in every message. */
export const longInvalidPayload = {
  version: "1.0.0",
  header: { title: LONG_HEADER_TITLE },
  components: [
    { type: "text", label: LONG_LABEL, value: 12345 },
    { type: `unknown_${LONG_TOKEN}` },
    { type: "button", label: LONG_LABEL, button_type: "link", url: `javascript:${LONG_TOKEN}` },
    { type: "link", label: LONG_LABEL, url: `relative/${LONG_TOKEN}/${LONG_TOKEN}` },
    { type: "date_time", label: LONG_LABEL, value: `not-a-date-${LONG_TOKEN}` },
    {
      type: "card",
      header: { title: LONG_CARD_TITLE },
      components: [
        { type: "card", components: [] },
        { type: "badge", label: LONG_LABEL, items: [{ value: LONG_BADGE, color: "blue" }, { color: "green" }] },
        { type: `${LONG_TOKEN}${LONG_TOKEN}` },
      ],
    },
    { type: "text", label: "Still shown in isolate mode", value: LONG_WORDS },
  ],
} as const;
