/**
 * TypeScript consumer check (issue 12): type-checks small consumers of the packed tarball under
 * moduleResolution bundler, node16 and nodenext (an ESM .mts and a CJS .cts file each) and
 * node10 (typesVersions), with TypeScript 5.9 and 7. TypeScript 7 has no node10 resolution.
 * Each consumer holds `@ts-expect-error` lines, so an entry point typed `any` fails too, and
 * `import "sidecard/styles.css"` must type-check (TypeScript 7 reports TS2882 without a declaration).
 *
 *   npm run build && npm run check:types
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installInto, packTarball, root, run } from "./lib/pack-into.ts";

const fixture = join(root, "test/fixtures/ts-consumers");
// A scratch copy: the fixture's dependencies (two TypeScripts) stay out of the repository.
const work = mkdtempSync(join(tmpdir(), "sidecard-ts-consumers-"));
cpSync(fixture, work, { recursive: true, filter: (src) => !src.includes("node_modules") });
installInto(work, packTarball());

const compilers = [
  { name: "TypeScript 5.9", tsc: join(work, "node_modules/typescript/bin/tsc"), configs: ["bundler", "node16", "nodenext", "node10"] },
  { name: "TypeScript 7", tsc: join(work, "node_modules/typescript-7/bin/tsc"), configs: ["bundler", "node16", "nodenext"] },
];
const failures: string[] = [];
for (const { name, tsc, configs } of compilers) {
  for (const config of configs) {
    try {
      run("node", [tsc, "-p", `tsconfig.${config}.json`], work);
      console.log(`ok   ${name}, moduleResolution ${config}`);
    } catch {
      console.log(`FAIL ${name}, moduleResolution ${config}`);
      failures.push(`${name} ${config}`);
    }
  }
}
rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`\ncheck-types: failed for ${failures.join(", ")}`);
  process.exit(1);
}
console.log("\ncheck-types: PASS");
