import type { ReactNode } from "react";

export const MATRIX_THEMES = ["light", "dark"] as const;
/** Sidebar widths, and the account notebook's column. */
export const MATRIX_COLUMNS = [
  { width: 280, label: "280 px" },
  { width: 360, label: "360 px" },
  { width: 420, label: "420 px" },
  { width: 640, label: "Account notebook", detail: "640 px" },
] as const;

export interface WidgetMatrixProps {
  /** The widget (or placeholder) for one cell. */
  render: (theme: (typeof MATRIX_THEMES)[number], width: number) => ReactNode;
}

/** Light and dark at every width, side by side: wrapping and truncation show at a glance. */
export function WidgetMatrix({ render }: WidgetMatrixProps) {
  return (
    // Scrolls sideways on narrow screens, so it takes focus (keyboard users can scroll it too).
    <div className="pv-matrix-scroll" tabIndex={0} role="region" aria-label="Widths and themes matrix">
      <table className="pv-matrix" data-testid="matrix">
        <thead>
          <tr>
            <td />
            {MATRIX_COLUMNS.map((column) => (
              <th key={column.width} scope="col" className="pv-matrix-column">
                {column.label}
                {"detail" in column && <span className="pv-muted"> · {column.detail}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MATRIX_THEMES.map((theme) => (
            <tr key={theme}>
              <th scope="row" className="pv-matrix-row">
                {theme === "light" ? "Light" : "Dark"}
              </th>
              {MATRIX_COLUMNS.map((column) => (
                <td key={column.width} className="pv-matrix-cell">
                  <div className="pv-frame sc-host" data-testid="matrix-cell" data-width={column.width} data-theme={theme}>
                    {render(theme, column.width)}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
