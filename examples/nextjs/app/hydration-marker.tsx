"use client";

import { useEffect } from "react";

// Marks the page once React has hydrated it, so the check waits for hydration before it reads
// the console (a mismatch is reported during hydration).
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
