"use client";

import { useState } from "react";
import { Widget, type WidgetTheme } from "sidecard";
import payload from "../payload.json";
import { DottedDivider } from "../overrides";

// A client component page: <Widget> with client state and an override.
export default function ClientPage() {
  const [theme, setTheme] = useState<WidgetTheme>("light");
  return (
    <main>
      <h1>Client component</h1>
      <button type="button" onClick={() => setTheme(theme === "light" ? "dark" : "light")}>
        Theme: {theme}
      </button>
      <Widget payload={payload} locale="en-US" timeZone="UTC" theme={theme} label="Acme CRM" components={{ divider: DottedDivider }} />
    </main>
  );
}
