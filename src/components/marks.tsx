import type { ReactElement } from "react";

// The marks sidecard draws itself. Each is one <svg> with one <path>, stroked in currentColor
// by styles.css (.sc-mark): no inline style and no data: image, so a strict Content-Security-
// Policy allows them, and they follow the theme's text colors. Decorative: the control that
// holds one carries the words. No `focusable="false"`: only Internet Explorer and the old Edge put
// an <svg> in the tab order.

function mark(path: string, className = "sc-mark"): ReactElement {
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}

/** Made once and shared: React renders the same element in many places. */
export const chevronMark = mark("M2 5.5l6 6 6-6", "sc-mark sc-chevron");
export const copyMark = mark("M6 1.75h4v2.5H6z M10 3h2.5v11.25h-9V3H6");
export const checkMark = mark("M3 8.5l3.2 3.2 6.8-7");
export const externalLinkMark = mark("M9.5 2.5h4v4 M13.5 2.5l-6 6 M11.5 9.5v4h-9v-9h4");
export const refreshMark = mark("M13.5 3v3.5h-3.5 M13.2 6.5a5.5 5.5 0 1 0 .3 3");
