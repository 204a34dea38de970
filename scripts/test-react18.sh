#!/usr/bin/env bash
# The declared peer range's low end (issue 17): runs the unit and browser tests (the server-render
# + hydration test included) and the type-check (the @ts-expect-error type tests included) with
# React 18.3, react-dom 18.3, @types/react 18 and @types/react-dom 18 in place of 19, in a
# throwaway copy of the repository: the main node_modules and package-lock.json stay untouched.
#
#   npm run test:react18            # SIDECARD_REACT18_KEEP=1 keeps the copy for a look afterwards
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sidecard-react18-XXXXXX")"
if [ -z "${SIDECARD_REACT18_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "copy kept in $work"; fi

# The working tree as it is (uncommitted edits included), without installs or build output.
tar -C "$root" --exclude=node_modules --exclude=./dist --exclude=./storybook-static --exclude=./.git \
  --exclude=./examples/nextjs/.next --exclude='*.tgz' -cf - . | tar -C "$work" -xf -
cd "$work"

echo "=== npm ci (the main lockfile, in the copy)"
npm ci --no-audit --no-fund --loglevel=error
echo "=== React 18.3 in place of 19 (--no-save: the copy's manifest and lockfile are not rewritten)"
npm install --no-save --no-audit --no-fund --loglevel=error \
  react@18.3.1 react-dom@18.3.1 @types/react@18.3.32 @types/react-dom@18.3.7
node -e '
  const v = (p) => require(require.resolve(p + "/package.json", { paths: [process.cwd()] })).version;
  const got = { react: v("react"), "react-dom": v("react-dom"), "@types/react": v("@types/react"), "@types/react-dom": v("@types/react-dom") };
  console.log(got);
  for (const [name, version] of Object.entries(got)) if (!version.startsWith("18.")) { console.error(`${name} is ${version}, expected 18.x`); process.exit(1); }
'

echo "=== typecheck against @types/react 18"
npx tsc --noEmit

echo "=== unit + browser tests with React 18.3"
projects=(--project unit)
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then projects+=(--project browser); fi
# A longer per-test timeout than the main run's 5 s: this copy starts cold (no transform cache)
# right after the main suite, and the property tests' run time is not what is tested here.
npx vitest run "${projects[@]}" --testTimeout=30000
echo "test:react18: PASS"
