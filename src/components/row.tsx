import type { ReactElement, ReactNode } from "react";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { Icon } from "./icon.js";

export type RowType = "text" | "date_time" | "badge" | "link";

/**
 * One row of label | value, shared by text, date_time, badge and link. A description list of
 * one term and its definition, so assistive tech announces each label with its value; valid
 * HTML wherever a row stands (beside cards, inline errors and host overrides). The icon goes
 * at the start of the value, as in Pylon; `after` follows the value (the link's copy button).
 * A plain function, not a component: one React fiber less per row.
 */
export function renderRow(type: RowType, label: string, value: ReactNode, iconUrl?: string, after?: ReactNode): ReactElement {
  return (
    <dl className="sc-row" data-sidecard-component={type}>
      <dt className="sc-label" title={boundChars(label, MAX_TITLE_CHARS)}>
        {boundChars(label, MAX_DRAWN_CHARS)}
      </dt>
      {/* `value` and `after` stay separate children: as one fragment or array they would cost a fiber more per row. */}
      <dd className="sc-value">
        {iconUrl !== undefined && <Icon src={iconUrl} />}
        {value}
        {after}
      </dd>
    </dl>
  );
}

/**
 * A row whose value needs no wrapper: the `<dd>` itself is the value element — the text
 * (`.sc-text`, one element for every line) or the badges (`.sc-badges`, holding the pills).
 */
export function renderBareRow(type: RowType, label: string, className: "sc-text" | "sc-badges", content: ReactNode, title?: string): ReactElement {
  return (
    <dl className="sc-row" data-sidecard-component={type}>
      <dt className="sc-label" title={boundChars(label, MAX_TITLE_CHARS)}>
        {boundChars(label, MAX_DRAWN_CHARS)}
      </dt>
      <dd className={className} title={title}>
        {content}
      </dd>
    </dl>
  );
}
