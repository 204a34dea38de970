// In your own project, import these from "sidecard/server".
import {
  badge,
  badgeItem,
  button,
  card,
  createCustomAppHandler,
  dateTime,
  divider,
  link,
  text,
  widget,
  type BadgeColor,
  type WidgetPayload,
} from "../../src/server/index.js";
import { findAccount, type Account } from "./accounts.js";

const ADMIN = "https://admin.example.com";
const HEALTH_COLOR: Record<Account["health"], BadgeColor> = { healthy: "green", "at risk": "orange", churning: "red" };

export function accountHealthWidget(account: Account): WidgetPayload {
  const flags = Object.entries(account.featureFlags).map(([flag, on]) => badgeItem(flag, on ? "blue" : "gray"));
  return widget({ title: `${account.name} · account health` }, [
    card({ title: "Subscription" }, [
      text("Plan", account.plan),
      text("Seats", `${account.seats.used} of ${account.seats.total} used`),
      dateTime("Renews", account.renewsAt),
      badge("Health", [badgeItem(account.health, HEALTH_COLOR[account.health])]),
      ...(account.openInvoices > 0 ? [badge("Billing", [badgeItem(`${account.openInvoices} open invoices`, "red")])] : []),
    ]),
    card({ title: "Feature flags" }, [badge("Enabled in blue", flags)]),
    divider(),
    button("Open in admin", `${ADMIN}/accounts/${encodeURIComponent(account.id)}`),
    link("Billing history", `${ADMIN}/accounts/${encodeURIComponent(account.id)}/billing`),
    link("Usage dashboard", `${ADMIN}/accounts/${encodeURIComponent(account.id)}/usage`),
  ]);
}

function unknownAccountWidget(email: string): WidgetPayload {
  return widget({ title: "Account health" }, [
    text("No account found", email ? `Nobody at ${email.split("@")[1] ?? email} has an account yet.` : "The requester has no email."),
    button("Search accounts", `${ADMIN}/accounts?q=${encodeURIComponent(email)}`),
  ]);
}

export function createAccountHealthHandler(secret?: string) {
  return createCustomAppHandler({
    secret,
    async fetchData({ account_id, requester_email }) {
      const account = await findAccount(account_id, requester_email);
      return account ? accountHealthWidget(account) : unknownAccountWidget(requester_email);
    },
    onError(error) {
      console.error("account-health: could not build the widget:", error);
    },
  });
}
