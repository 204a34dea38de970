/**
 * Packs the library as it would be published (`npm pack` of the built dist/) and installs the
 * tarball into a consumer fixture, the way a user installs it before it is on the registry.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const root = resolve(import.meta.dirname, "../..");

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  console.log(`$ (cd ${cwd}) ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
}

/** `npm pack` into a scratch folder; returns the tarball's path. Needs `npm run build` first. */
export function packTarball(): string {
  const out = mkdtempSync(join(tmpdir(), "sidecard-pack-"));
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], { cwd: root, encoding: "utf8" }).trim().split("\n").pop()!;
  return join(out, name);
}

/**
 * Copies the tarball to `<fixture>/sidecard.tgz` (its package.json depends on `file:./sidecard.tgz`)
 * and installs. No lockfile: the tarball's integrity changes with every build.
 */
export function installInto(fixture: string, tarball: string): void {
  copyFileSync(tarball, join(fixture, "sidecard.tgz"));
  rmSync(join(fixture, "node_modules", "sidecard"), { recursive: true, force: true });
  run("npm", ["install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error"], fixture);
}
