/**
 * The minimal baseline: what a careful developer writes by hand to show a trusted payload with
 * the same visible result as `<Widget>` (labels, values cut with an ellipsis per line, pills,
 * button-styled links, headings, dates) and the fewest elements. No validation, no error
 * boundaries, no context, no memoisation: every render renders everything.
 *
 * - a text value is ONE element: `white-space: pre` keeps its lines, and Chromium (per the CSS
 *   spec) applies `text-overflow: ellipsis` to each line box of it;
 * - no wrapper without a style or a meaning: a field is one element holding its label and its
 *   value (it gives them their 2 px gap and keeps them together); a card is its heading and its
 *   fields (no header or body wrapper); a label has no inner span;
 * - a link is one `<a>`; "(opens in a new tab)" is in its accessible name (`aria-label`);
 * - dates through two `Intl.DateTimeFormat`s made once (en-US, UTC, like the Widget's props).
 *
 * Styles: bench/minimal.css. Payloads in the bench have no icons, so icons are not drawn.
 */
import type { ReactNode } from "react";
// A trusted payload: the format's own types, unchecked at run time.
import type { BadgeComponent, ButtonComponent, DateTimeComponent, DividerComponent, LinkComponent, TextComponent, WidgetPayload } from "../src/index.js";

/** The leaf types as a union `switch (c.type)` narrows (the exported LeafComponent is one generic shape). */
type Leaf = TextComponent | DateTimeComponent | BadgeComponent | ButtonComponent | LinkComponent | DividerComponent;


const shortDate = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
const fullDate = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "full", timeStyle: "long" });

function Leaf({ c }: { c: Leaf }): ReactNode {
  switch (c.type) {
    case "text":
      return (
        <div className="mb-field">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <div className="mb-value" title={c.value}>{c.value}</div>
        </div>
      );
    case "date_time": {
      const date = new Date(c.value);
      return (
        <div className="mb-field">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <time className="mb-value" dateTime={c.value} title={fullDate.format(date)}>{shortDate.format(date)}</time>
        </div>
      );
    }
    case "badge":
      return (
        <div className="mb-field">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <div className="mb-pills">
            {c.items.map((item, i) => (
              <span className="mb-pill" data-color={item.color} title={item.value} key={i}>{item.value}</span>
            ))}
          </div>
        </div>
      );
    case "button":
    case "link":
      return (
        <a className={c.type === "button" ? "mb-button" : "mb-link"} href={c.url} target="_blank" rel="noopener noreferrer" title={c.label} aria-label={`${c.label} (opens in a new tab)`}>
          {c.label}
        </a>
      );
    case "divider":
      return <hr className="mb-divider" />;
    default:
      return null;
  }
}

export function MinimalWidget({ payload }: { payload: WidgetPayload }) {
  const title: string | undefined = payload.header?.title;
  return (
    <section className="mb-widget" aria-label={title || "Custom app"}>
      {title !== undefined && <h3 className="mb-title" title={title}>{title}</h3>}
      {payload.components.map((c, i) =>
        c.type === "card" ? (
          <section className="mb-card" key={i}>
            {c.header?.title !== undefined && <h4 className="mb-title" title={c.header.title}>{c.header.title}</h4>}
            {c.components.map((child, j) => <Leaf c={child as Leaf} key={j} />)}
          </section>
        ) : (
          <Leaf c={c as Leaf} key={i} />
        ),
      )}
    </section>
  );
}
