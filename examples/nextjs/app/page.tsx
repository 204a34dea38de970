import { parseWidget, Widget } from "sidecard";
import { DottedDivider } from "./overrides";
import payload from "./payload.json";

// A Server Component page: <Widget> is a client component (sidecard marks it "use client"), so
// it is rendered into the HTML here and hydrated in the browser. Validation runs on the server.
// Rendered per request (not prerendered at build), so the check exercises the server at run time.
export const dynamic = "force-dynamic";

export default function ServerPage() {
  const result = parseWidget(payload);
  return (
    <main>
      <h1>Server Component</h1>
      <p id="server-validation">{result.ok ? "valid on the server" : "invalid on the server"}</p>
      <Widget payload={payload} locale="en-US" timeZone="UTC" label="Acme CRM" />
      {/* Overrides passed from a Server Component must come from a "use client" file. */}
      <Widget
        payload={{ version: "1.0.0", components: [{ type: "text", label: "Plan", value: "Enterprise" }, { type: "divider" }] }}
        components={{ divider: DottedDivider }}
        label="With an override"
      />
    </main>
  );
}
