/**
 * Run in a child process (see host-zone.test.ts): the runtime's zone changes while the module is
 * loaded, as a test suite setting process.env.TZ does. Prints what formatDateTime gives before and
 * after, as JSON.
 */
import { formatDateTime } from "../../src/index.js";

const date = new Date("2024-07-15T12:34:56Z");
const read = (timeZone?: string) => formatDateTime(date, { locale: "en-US", timeZone });
process.env.TZ = "Asia/Tokyo";
const before = { viewer: read(), tokyo: read("Asia/Tokyo") };
process.env.TZ = "America/New_York";
const after = { viewer: read(), tokyo: read("Asia/Tokyo") };
process.stdout.write(JSON.stringify({ before, after }));
