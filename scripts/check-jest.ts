/**
 * Jest check (issue 12): installs the packed tarball into examples/jest, a Jest 30 project with
 * no configuration at all (CommonJS, babel-jest), and runs its snapshot tests in the node and
 * jsdom environments. `--ci` fails on a missing snapshot; a test run that does not exit (an open
 * handle such as a MessageChannel) fails after 120 s.
 *
 *   npm run build && npm run check:jest            # -- -u to update the committed snapshots
 */
import { join } from "node:path";
import { installInto, packTarball, root, run } from "./lib/pack-into.ts";

const fixture = join(root, "examples/jest");
installInto(fixture, packTarball());
const update = process.argv.includes("-u");
run("timeout", ["120", join(fixture, "node_modules/.bin/jest"), ...(update ? ["-u"] : ["--ci"])], fixture);
console.log("\ncheck-jest: PASS");
