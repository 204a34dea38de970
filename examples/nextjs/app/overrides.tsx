"use client";

import type { DividerComponent } from "sidecard";

// Overrides are React components that run on the client: define them in a "use client" file,
// then pass them to <Widget components> from server or client components alike.
export function DottedDivider({ component }: { component: DividerComponent }) {
  return <hr className="sc-divider" data-sidecard-component={component.type} data-override="dotted" />;
}
