import { createElement, type ReactNode } from "react";
import type { WidgetHeader } from "../schema/widget-schema.js";
import { boundChars, MAX_DRAWN_CHARS, MAX_TITLE_CHARS } from "../render/render-limits.js";
import { headingTag } from "../render/widget-settings.js";
import { Icon } from "./icon.js";
import { chevronMark } from "./marks.js";

export interface HeaderDisclosure {
  expanded: boolean;
  /** The id of the content the disclosure shows and hides. */
  controls: string;
  onToggle: () => void;
}

export interface HeaderProps {
  header: WidgetHeader;
  level: number;
  className: string;
  /** Makes the title a disclosure button with a chevron (cards and the widget header). */
  disclosure?: HeaderDisclosure;
  /** Controls at the far end of the header (the widget header's refresh). */
  actions?: ReactNode;
  /** Render the heading alone, without the header wrapper, when there is no icon and no actions beside it (cards). */
  bare?: boolean;
}

/** The title a header shows: none when it is absent, empty or only white space (a heading and a disclosure need a name). */
export function shownTitle(header: WidgetHeader | null | undefined): string | undefined {
  const title = header?.title;
  return /\S/.test(title ?? "") ? title : undefined;
}

/**
 * The widget's or a card's header: optional icon, then a heading truncated with an ellipsis.
 * With a disclosure the heading holds one button — the title and a chevron — that shows and
 * hides the content (the accordion pattern: the heading stays a heading).
 */
export function Header({ header, level, className, disclosure, actions, bare = false }: HeaderProps) {
  const shown = shownTitle(header);
  if (shown === undefined && header.icon_url === undefined && !actions) return null;
  const hover = shown === undefined ? undefined : boundChars(shown, MAX_TITLE_CHARS);
  const title = shown === undefined ? undefined : boundChars(shown, MAX_DRAWN_CHARS);
  // The tag is picked by level and made with createElement (a variable used as a JSX tag reads as
  // a component created during render).
  const heading =
    title !== undefined &&
    (disclosure
      ? createElement(
          headingTag(level),
          { className: "sc-title" },
          <button
            type="button"
            className="sc-disclosure"
            aria-expanded={disclosure.expanded}
            // Only while the content is there to point at: collapsed content leaves the DOM.
            aria-controls={disclosure.expanded ? disclosure.controls : undefined}
            onClick={disclosure.onToggle}
          >
            <span className="sc-truncate" title={hover}>
              {title}
            </span>
            {chevronMark}
          </button>,
        )
      : createElement(headingTag(level), { className: "sc-title sc-truncate", title: hover }, title));
  // Nothing beside the title: the heading is the header (one wrapper less per card).
  if (bare && header.icon_url === undefined && !actions) return heading || null;
  return (
    <div className={className}>
      {header.icon_url !== undefined && <Icon src={header.icon_url} />}
      {heading}
      {actions && <div className="sc-header-actions">{actions}</div>}
    </div>
  );
}
