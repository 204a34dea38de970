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
  type CustomAppHandler,
} from "../../server/index.js";

/** The app `sidecard preview` serves when given no argument: made with sidecard/server like a real one. */
export function createExampleApp(secret?: string): CustomAppHandler {
  return createCustomAppHandler({
    secret,
    fetchData({ requester_email, account_id, issue_id }) {
      const email = requester_email || "unknown requester";
      const account = account_id || "acc_demo";
      const admin = `https://admin.example.com/accounts/${encodeURIComponent(account)}`;
      return widget({ title: "Account health" }, [
        text("Requester", email),
        card({ title: "Subscription" }, [
          text("Plan", "Enterprise (annual)"),
          text("Seats", "182 of 200 used"),
          dateTime("Renews", "2025-09-30T00:00:00Z"),
          badge("Health", [badgeItem("healthy", "green")]),
        ]),
        card({ title: "Feature flags" }, [
          badge("Flags", [
            badgeItem("sso", "blue"),
            badgeItem("audit_log", "blue"),
            badgeItem("ai_assist", "orange"),
            badgeItem("legacy_export", "gray"),
          ]),
        ]),
        divider(),
        text("Issue", issue_id ? `Opened from issue ${issue_id}` : "No issue id sent"),
        button("Open in admin", admin),
        link("Billing history", `${admin}/billing`),
      ]);
    },
  });
}
