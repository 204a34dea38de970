/**
 * The benchmark's yardstick: what someone would write by hand to show a *trusted* payload. It
 * emits exactly the DOM `<Widget>` emits for the benchmark payloads (same elements, classes,
 * data attributes, text and attribute order; bench/run.ts checks this before measuring), with no
 * validation, no error boundaries, no context and no memoization: every update re-renders all.
 *
 * It follows the Pylon look: rows as <dl><dt><dd>, link rows with a copy button and its live
 * region, outlined buttons with an SVG mark, collapsible titles (the ids of `aria-controls` come
 * from `useId`, so bench/run.ts compares the markup with ids blanked).
 *
 * Dates are shown in en-US / UTC like `<Widget locale="en-US" timeZone="UTC">`, through one
 * Intl formatter created once, as a careful hand-written component would.
 */
import { useId, useState, type ReactNode } from "react";

type Json = Record<string, any>;

const dateParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  hour12: true,
});

/** "Jul 15, 2024, 12:34 PM" and "Monday, July 15, 2024, 12:34:56 PM UTC (UTC+00:00)". */
function formatDate(value: string): { text: string; title: string } {
  const parts: Record<string, string> = {};
  for (const part of dateParts.formatToParts(new Date(value))) parts[part.type] = part.value;
  const { weekday, month, day, year, hour, minute, second, dayPeriod } = parts;
  return {
    text: `${month.slice(0, 3)} ${day}, ${year}, ${hour}:${minute} ${dayPeriod}`,
    title: `${weekday}, ${month} ${day}, ${year}, ${hour}:${minute}:${second} ${dayPeriod} UTC (UTC+00:00)`,
  };
}

const mark = (d: string, className = "sc-mark") => (
  <svg className={className} viewBox="0 0 16 16" aria-hidden="true">
    <path d={d} />
  </svg>
);
const chevronMark = mark("M2 5.5l6 6 6-6", "sc-mark sc-chevron");
const copyMark = mark("M6 1.75h4v2.5H6z M10 3h2.5v11.25h-9V3H6");
const checkMark = mark("M3 8.5l3.2 3.2 6.8-7");
const externalLinkMark = mark("M9.5 2.5h4v4 M13.5 2.5l-6 6 M11.5 9.5v4h-9v-9h4");

function Row({ type, label, children }: { type: string; label: string; children: ReactNode }) {
  return (
    <dl className="sc-row" data-sidecard-component={type}>
      <dt className="sc-label" title={label}>
        {label}
      </dt>
      {children}
    </dl>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    }, () => {});
  return (
    <>
      <button type="button" className="sc-icon-button sc-copy" aria-label="Copy link" title="Copy link" data-copied={copied ? "" : undefined} onClick={() => void copy()}>
        {copied ? checkMark : copyMark}
      </button>
      {copied && (
        <span className="sc-copy-status">Copied</span>
      )}
    </>
  );
}

function Leaf({ c }: { c: Json }): ReactNode {
  switch (c.type) {
    case "text":
      return (
        <Row type="text" label={c.label}>
          <dd className="sc-text" title={c.value}>
            {c.value}
          </dd>
        </Row>
      );
    case "date_time": {
      const { text, title } = formatDate(c.value);
      return (
        <Row type="date_time" label={c.label}>
          <dd className="sc-value">
            <time className="sc-text" dateTime={c.value} title={title}>
              {text}
            </time>
          </dd>
        </Row>
      );
    }
    case "badge":
      return (
        <Row type="badge" label={c.label}>
          <dd className="sc-badges">
            {c.items.map((item: Json, i: number) => (
              <span className="sc-badge sc-truncate" data-color={item.color} title={item.value} key={i}>
                {item.value}
              </span>
            ))}
          </dd>
        </Row>
      );
    case "link":
      return (
        <Row type="link" label={c.label}>
          <dd className="sc-value">
            <a className="sc-link sc-truncate" href={c.url} target="_blank" rel="noopener noreferrer" title={c.url} aria-label={`${c.url} (opens in a new tab)`}>
              {c.url}
            </a>
            <CopyButton text={c.url} />
          </dd>
        </Row>
      );
    case "button":
      return (
        <a
          className="sc-button"
          data-sidecard-component="button"
          href={c.url}
          target="_blank"
          rel="noopener noreferrer"
          title={c.label}
          aria-label={`${c.label} (opens in a new tab)`}
        >
          <span className="sc-truncate">{c.label}</span>
          {externalLinkMark}
        </a>
      );
    case "divider":
      return <hr className="sc-divider" data-sidecard-component="divider" />;
    default:
      return null;
  }
}

/** A title that shows and hides `id` (the accordion pattern: the heading stays a heading). */
function Title({ title, level, open, controls, toggle }: { title: string; level: 3 | 4; open: boolean; controls: string; toggle: () => void }) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <Heading className="sc-title">
      <button type="button" className="sc-disclosure" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={toggle}>
        <span className="sc-truncate" title={title}>
          {title}
        </span>
        {chevronMark}
      </button>
    </Heading>
  );
}

function Card({ c }: { c: Json }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const title: string | undefined = c.header?.title;
  return (
    <div className="sc-card" data-sidecard-component="card" id={title === undefined ? undefined : id}>
      {title !== undefined && <Title title={title} level={4} open={open} controls={id} toggle={() => setOpen(!open)} />}
      {(open || title === undefined) && c.components.map((child: Json, j: number) => <Leaf c={child} key={j} />)}
    </div>
  );
}

export function BaselineWidget({ payload }: { payload: Json }) {
  const [open, setOpen] = useState(true);
  const id = useId();
  const title: string | undefined = payload.header?.title;
  return (
    <section className="sc-widget" data-sidecard="widget" data-layout="rows" aria-label={title || undefined}>
      {title !== undefined && (
        <div className="sc-header">
          <Title title={title} level={3} open={open} controls={id} toggle={() => setOpen(!open)} />
        </div>
      )}
      {(open || title === undefined) && (
        <div className="sc-content" id={id}>
          <div className="sc-components">
            {payload.components.map((c: Json, i: number) => (c.type === "card" ? <Card c={c} key={i} /> : <Leaf c={c} key={i} />))}
          </div>
        </div>
      )}
      {/* The widget's one live region (copy outcomes). */}
      <span className="sc-visually-hidden sc-announcer" role="status" />
    </section>
  );
}
