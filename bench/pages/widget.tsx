import "../../src/styles/index.css";
import { parseWidget, Widget } from "../../src/index.js";
import { installBench } from "../page.js";

// The benchmark payloads exceed the default limit of 1,000 components; a stable object so the
// limit never looks like a new prop.
const LIMITS = { maxComponents: 1_000_000 };

installBench(
  "widget",
  (payload) => <Widget payload={payload} locale="en-US" timeZone="UTC" limits={LIMITS} />,
  (payload) => parseWidget(payload, { limits: LIMITS }),
);
