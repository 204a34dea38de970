/**
 * What `npm pack` would publish (`npm pack --dry-run --json`): only dist/, the manifest, README
 * and LICENSE; no tests, stories, fixtures or sources; every file the exports name is there; and
 * the manifest runs nothing on install (no prepare/install scripts, which warn on every install).
 *
 *   npm run build && tsx scripts/check-pack.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const [report] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: root, encoding: "utf8" })) as [
  { files: { path: string }[] },
];
const files = new Set(report.files.map((f) => f.path));
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown> & { scripts?: Record<string, string> };
const failures: string[] = [];

const allowed = /^(dist\/|package\.json$|README\.md$|LICENSE$)/;
for (const path of files) {
  if (!allowed.test(path)) failures.push(`${path} is packed; only dist/, package.json, README.md and LICENSE should be`);
  if (/\.(test|spec|stories)\.|(^|\/)(test|stories|__snapshots__|fixtures)\//.test(path)) failures.push(`${path}: tests, stories and fixtures stay out of the tarball`);
}
for (const required of ["LICENSE", "README.md", "package.json"]) if (!files.has(required)) failures.push(`${required} is not packed`);

// Every file an export condition or typesVersions names.
const named = new Set<string>();
const collect = (value: unknown) => {
  if (typeof value === "string") named.add(value.replace(/^\.\//, ""));
  else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v);
};
collect(manifest.exports);
collect(manifest.typesVersions);
for (const field of ["main", "module", "types"]) collect(manifest[field]);
collect(manifest.bin);
for (const path of named) if (!files.has(path)) failures.push(`${path} is named by package.json but not packed (run \`npm run build\` first?)`);

for (const script of ["preinstall", "install", "postinstall", "prepare"]) {
  if (manifest.scripts?.[script]) failures.push(`the manifest has a "${script}" script: installs would run it`);
}

for (const failure of failures) console.error(`check-pack FAILED: ${failure}`);
if (failures.length > 0) process.exit(1);
console.log(`check-pack: ${files.size} files, all under dist/ or package.json/README.md/LICENSE; every exported file present; no install scripts`);
