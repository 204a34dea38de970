// Stand-in for the app's real data source (a billing API, a database…).

export interface Account {
  id: string;
  name: string;
  plan: "Starter" | "Growth" | "Enterprise";
  seats: { used: number; total: number };
  renewsAt: Date;
  health: "healthy" | "at risk" | "churning";
  featureFlags: Record<string, boolean>;
  openInvoices: number;
}

const accounts: Account[] = [
  {
    id: "acc_3",
    name: "Acme Corp",
    plan: "Enterprise",
    seats: { used: 182, total: 200 },
    renewsAt: new Date("2025-09-30T00:00:00Z"),
    health: "healthy",
    featureFlags: { sso: true, audit_log: true, ai_assist: true, legacy_export: false },
    openInvoices: 0,
  },
  {
    id: "acc_8",
    name: "Globex",
    plan: "Growth",
    seats: { used: 24, total: 25 },
    renewsAt: new Date("2025-02-14T00:00:00Z"),
    health: "at risk",
    featureFlags: { sso: false, audit_log: true, ai_assist: false, legacy_export: true },
    openInvoices: 2,
  },
];

const byEmailDomain: Record<string, string> = { "example.com": "acc_3", "globex.test": "acc_8" };

/**
 * Finds the requester's account by account id, else by the domain of their email. Answers a
 * promise, as the real data source it stands in for would.
 */
export function findAccount(accountId: string, requesterEmail: string): Promise<Account | undefined> {
  const domain = requesterEmail.split("@")[1]?.toLowerCase() ?? "";
  const id = accounts.some((a) => a.id === accountId) ? accountId : byEmailDomain[domain];
  return Promise.resolve(accounts.find((a) => a.id === id));
}
