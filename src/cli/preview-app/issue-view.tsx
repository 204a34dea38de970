import type { ReactNode } from "react";
import type { PreviewContext } from "../preview/protocol.js";

export interface IssueViewProps {
  context: PreviewContext;
  /** What the app section is called (the app or file previewed). */
  appLabel: string;
  width: number;
  theme: "light" | "dark";
  /** The widget, or a placeholder saying why there is none. */
  children: ReactNode;
}

/** "jane.doe@example.com" → "Jane Doe", for the mock conversation. */
function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? "";
  const words = local.split(/[._-]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1));
  return words.length > 0 ? words.join(" ") : "Requester";
}

const initials = (name: string) =>
  name
    .split(" ")
    .map((word) => word[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

/**
 * A help desk's issue page, stubbed: a conversation on the left and the sidebar on the right,
 * where the widget sits at the chosen width, so a payload is judged where it will live. The
 * requester and issue come from the context parameters the app is called with.
 */
export function IssueView({ context, appLabel, width, theme, children }: IssueViewProps) {
  const requester = nameFromEmail(context.requester_email);
  const issueNumber = context.issue_id.replace(/^\D+/, "") || context.issue_id;
  return (
    <div className="pv-issue sc-host" data-theme={theme} data-testid="issue-view">
      <div className="pv-issue-main">
        <header className="pv-issue-header">
          <p className="pv-issue-crumb">Issues / #{issueNumber}</p>
          <h3 className="pv-issue-title">CSV export of invoices no longer includes the currency column</h3>
          <p className="pv-issue-meta">
            <span className="pv-pill" data-tone="open">
              Open
            </span>
            <span>
              {requester} · {context.requester_email || "no requester email"} · via Email
            </span>
          </p>
        </header>
        <ol className="pv-thread" aria-label="Conversation (mock)">
          <li className="pv-message">
            <span className="pv-avatar" aria-hidden="true">
              {initials(requester)}
            </span>
            <div className="pv-message-body">
              <p className="pv-message-head">
                <strong>{requester}</strong> <span className="pv-muted">2 hours ago</span>
              </p>
              <p>
                Since this morning the CSV export of our invoices has no currency column. We reconcile in three currencies, so this
                blocks our month-end close. Could you take a look?
              </p>
            </div>
          </li>
          <li className="pv-message" data-kind="agent">
            <span className="pv-avatar" aria-hidden="true">
              AK
            </span>
            <div className="pv-message-body">
              <p className="pv-message-head">
                <strong>Alex Kim</strong> <span className="pv-muted">Support · 1 hour ago</span>
              </p>
              <p>Thanks — I can reproduce it on your workspace. I have looped in billing and will update you here today.</p>
            </div>
          </li>
          <li className="pv-message" data-kind="note">
            <span className="pv-avatar" aria-hidden="true">
              AK
            </span>
            <div className="pv-message-body">
              <p className="pv-message-head">
                <strong>Internal note</strong> <span className="pv-muted">40 minutes ago</span>
              </p>
              <p>Enterprise account, renewal next month. Check the account widget before replying.</p>
            </div>
          </li>
        </ol>
        <p className="pv-composer" aria-hidden="true">
          Reply to {requester}…
        </p>
      </div>
      <aside className="pv-issue-sidebar" aria-label="Issue sidebar (mock)">
        <section className="pv-sidebar-section">
          <h3 className="pv-sidebar-heading">Details</h3>
          <dl className="pv-fields">
            <dt>Status</dt>
            <dd>Open</dd>
            <dt>Priority</dt>
            <dd>High</dd>
            <dt>Assignee</dt>
            <dd>Alex Kim</dd>
            <dt>Account</dt>
            <dd>{context.account_id || "—"}</dd>
          </dl>
        </section>
        <section className="pv-sidebar-section" aria-label={`App: ${appLabel}`}>
          <h3 className="pv-sidebar-heading">
            Apps <span className="pv-app-label">{appLabel}</span>
          </h3>
          <div className="pv-sidebar" data-testid="sidebar" data-width={width} data-theme={theme}>
            {children}
          </div>
        </section>
      </aside>
    </div>
  );
}
