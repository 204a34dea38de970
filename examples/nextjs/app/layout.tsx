import type { ReactNode } from "react";
import "sidecard/styles.css";
import { HydrationMarker } from "./hydration-marker";

export const metadata = { title: "sidecard on Next.js" };

// A Server Component: the stylesheet is imported once here, like any global CSS.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
