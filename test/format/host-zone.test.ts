import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, test } from "vitest";

// formatDateTime reads dates in the runtime's own zone (the default: the viewer's) from Date's
// getters instead of Intl. Each zone gets a process of its own, started in it, as a machine in
// that zone would run sidecard (a zone change while running is tested in format-date-time.test.ts).
const root = resolve(import.meta.dirname, "../..");
const check = resolve(import.meta.dirname, "host-zone-check.ts");

test.each(["America/Los_Angeles", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Europe/London", "UTC"])(
  "dates in the viewer's own zone read like the date-fns patterns (TZ=%s)",
  (tz) => {
    const output = execFileSync(process.execPath, ["--import", "tsx", check], { cwd: root, env: { ...process.env, TZ: tz }, encoding: "utf8" });
    const result = JSON.parse(output) as { zone: string; checked: number; mismatches: unknown[] };
    // The child really runs in that zone (ICU may spell it the old way: Asia/Calcutta).
    expect(result.zone === "UTC").toBe(tz === "UTC");
    expect(result.checked).toBeGreaterThanOrEqual(2000);
    expect(result.mismatches).toEqual([]);
  },
  30_000, // spawns a Node process: slow on a busy 2-core machine
);
