/**
 * The minimal baseline: what a careful developer writes by hand to show a trusted payload with
 * the same visible result as `<Widget>` in its Pylon look, with the fewest elements. No
 * validation, no error boundaries, no context, no memoisation: every render renders everything.
 *
 * - a row is one element holding its label and its value (a grid: label column | value column);
 *   the label is one element, the value is one element;
 * - a text value is ONE element: `white-space: pre` keeps its lines, and Chromium (per the CSS
 *   spec) applies `text-overflow: ellipsis` to each line box of it; a date is one `<time>`;
 * - a link row is its label, the `<a>` (the URL, cut with an ellipsis) and a copy button with
 *   its mark, all three placed by the row's grid (no value wrapper); copying swaps the mark for
 *   a check and says "Copied" in the button's name;
 * - a button is an `<a>` holding its label (a span: the label is cut with an ellipsis while the
 *   mark after it stays) and its SVG mark; "(opens in a new tab)" is in the `aria-label`;
 * - a card is its heading (a disclosure button: the title and a chevron) and its rows, with no
 *   header or body wrapper; collapsed rows leave the DOM;
 * - dates through two `Intl.DateTimeFormat`s made once (en-US, UTC, like the Widget's props).
 *
 * Styles: bench/minimal.css. Payloads in the bench have no icons, so icons are not drawn.
 */
import { useState, type ReactElement, type ReactNode } from "react";

type Json = Record<string, any>;

const shortDate = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
const fullDate = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "full", timeStyle: "long" });

const mark = (d: string, className = "mb-mark"): ReactElement => (
  <svg className={className} viewBox="0 0 16 16" aria-hidden="true">
    <path d={d} />
  </svg>
);
const chevron = mark("M2 5.5l6 6 6-6", "mb-mark mb-chevron");
const copyMark = mark("M6 1.75h4v2.5H6z M10 3h2.5v11.25h-9V3H6");
const checkMark = mark("M3 8.5l3.2 3.2 6.8-7");
const externalMark = mark("M9.5 2.5h4v4 M13.5 2.5l-6 6 M11.5 9.5v4h-9v-9h4");

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    }, () => {});
  return (
    <button type="button" className="mb-copy" aria-label={copied ? "Copied" : "Copy link"} title="Copy link" onClick={() => void copy()}>
      {copied ? checkMark : copyMark}
    </button>
  );
}

/** The title as a disclosure (the heading stays a heading); `open` lives in the section that holds it. */
function Disclosure({ title, open, toggle }: { title: string; open: boolean; toggle: () => void }) {
  return (
    <button type="button" className="mb-disclosure" aria-expanded={open} onClick={toggle}>
      <span className="mb-cut" title={title}>{title}</span>
      {chevron}
    </button>
  );
}

function Leaf({ c }: { c: Json }): ReactNode {
  switch (c.type) {
    case "text":
      return (
        <div className="mb-row">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <div className="mb-value" title={c.value}>{c.value}</div>
        </div>
      );
    case "date_time": {
      const date = new Date(c.value);
      return (
        <div className="mb-row">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <time className="mb-value" dateTime={c.value} title={fullDate.format(date)}>{shortDate.format(date)}</time>
        </div>
      );
    }
    case "badge":
      return (
        <div className="mb-row">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <div className="mb-pills">
            {c.items.map((item: Json, i: number) => (
              <span className="mb-pill" data-color={item.color} title={item.value} key={i}>{item.value}</span>
            ))}
          </div>
        </div>
      );
    case "link":
      return (
        <div className="mb-row mb-link-row">
          <div className="mb-label" title={c.label}>{c.label}</div>
          <a className="mb-link" href={c.url} target="_blank" rel="noopener noreferrer" title={c.url} aria-label={`${c.url} (opens in a new tab)`}>{c.url}</a>
          <CopyButton text={c.url} />
        </div>
      );
    case "button":
      return (
        <a className="mb-button" href={c.url} target="_blank" rel="noopener noreferrer" title={c.label} aria-label={`${c.label} (opens in a new tab)`}>
          <span className="mb-cut">{c.label}</span>
          {externalMark}
        </a>
      );
    case "divider":
      return <hr className="mb-divider" />;
    default:
      return null;
  }
}

function Card({ c }: { c: Json }) {
  const [open, setOpen] = useState(true);
  const title: string | undefined = c.header?.title;
  return (
    <section className="mb-card">
      {title !== undefined && (
        <h4 className="mb-title">
          <Disclosure title={title} open={open} toggle={() => setOpen(!open)} />
        </h4>
      )}
      {(open || title === undefined) && c.components.map((child: Json, j: number) => <Leaf c={child} key={j} />)}
    </section>
  );
}

export function MinimalWidget({ payload }: { payload: Json }) {
  const [open, setOpen] = useState(true);
  const title: string | undefined = payload.header?.title;
  return (
    <section className="mb-widget" aria-label={title || "Custom app"}>
      {title !== undefined && (
        <h3 className="mb-title">
          <Disclosure title={title} open={open} toggle={() => setOpen(!open)} />
        </h3>
      )}
      {(open || title === undefined) &&
        payload.components.map((c: Json, i: number) => (c.type === "card" ? <Card c={c} key={i} /> : <Leaf c={c} key={i} />))}
    </section>
  );
}
