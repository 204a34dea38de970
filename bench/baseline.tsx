/**
 * The benchmark's yardstick: what someone would write by hand to show a *trusted* payload. It
 * emits exactly the DOM `<Widget>` emits for the benchmark payloads (same elements, classes,
 * data attributes, text and attribute order; bench/run.ts checks this before measuring), with no
 * validation, no error boundaries, no context and no memoization: every update re-renders all.
 *
 * Dates are shown in en-US / UTC like `<Widget locale="en-US" timeZone="UTC">`, through one
 * Intl formatter created once, as a careful hand-written component would.
 */
import type { ReactNode } from "react";
// A trusted payload: the format's own types, unchecked at run time.
import type { BadgeComponent, ButtonComponent, DateTimeComponent, DividerComponent, LinkComponent, TextComponent, WidgetPayload } from "../src/index.js";

/** The leaf types as a union `switch (c.type)` narrows (the exported LeafComponent is one generic shape). */
type Leaf = TextComponent | DateTimeComponent | BadgeComponent | ButtonComponent | LinkComponent | DividerComponent;


const LINE_BREAK = /\r\n|\r|\n/;

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

function Label({ label }: { label: string }) {
  return (
    <div className="sc-label">
      <span className="sc-truncate" title={label}>
        {label}
      </span>
    </div>
  );
}

function LinkContent({ label }: { label: string }) {
  return (
    <>
      <span className="sc-truncate">{label}</span>{" "}
      <span className="sc-visually-hidden">(opens in a new tab)</span>
    </>
  );
}

function Leaf({ c }: { c: Leaf }): ReactNode {
  switch (c.type) {
    case "text":
      return (
        <div className="sc-field" data-sidecard-component="text">
          <Label label={c.label} />
          <div className="sc-value" title={c.value}>
            {c.value.split(LINE_BREAK).map((line, i) => (
              <span className="sc-line sc-truncate" key={i}>
                {line}
              </span>
            ))}
          </div>
        </div>
      );
    case "date_time": {
      const { text, title } = formatDate(c.value);
      return (
        <div className="sc-field" data-sidecard-component="date_time">
          <Label label={c.label} />
          <time className="sc-value sc-truncate" dateTime={c.value} title={title}>
            {text}
          </time>
        </div>
      );
    }
    case "badge":
      return (
        <div className="sc-field" data-sidecard-component="badge">
          <Label label={c.label} />
          {c.items.length > 0 && (
            <ul className="sc-badges">
              {c.items.map((item, i) => (
                <li className="sc-badge sc-truncate" data-color={item.color} title={item.value} key={i}>
                  {item.value}
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    case "button":
    case "link":
      return (
        <a
          className={c.type === "button" ? "sc-button" : "sc-link"}
          data-sidecard-component={c.type}
          href={c.url}
          target="_blank"
          rel="noopener noreferrer"
          title={c.label}
        >
          <LinkContent label={c.label} />
        </a>
      );
    case "divider":
      return <hr className="sc-divider" data-sidecard-component="divider" />;
    default:
      return null;
  }
}

function Header({ title, className, level }: { title?: string; className: string; level: 3 | 4 }) {
  if (title === undefined) return null;
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div className={className}>
      <Heading className="sc-title sc-truncate" title={title}>
        {title}
      </Heading>
    </div>
  );
}

export function BaselineWidget({ payload }: { payload: WidgetPayload }) {
  return (
    <section className="sc-widget" data-sidecard="widget" aria-label={payload.header?.title || "Custom app"}>
      <Header title={payload.header?.title} className="sc-header" level={3} />
      <div className="sc-components">
        {payload.components.map((c, i) =>
          c.type === "card" ? (
            <div className="sc-card" data-sidecard-component="card" key={i}>
              <Header title={c.header?.title} className="sc-card-header" level={4} />
              <div className="sc-card-body">
                {c.components.map((child, j) => (
                  <Leaf c={child as Leaf} key={j} />
                ))}
              </div>
            </div>
          ) : (
            <Leaf c={c as Leaf} key={i} />
          ),
        )}
      </div>
    </section>
  );
}
