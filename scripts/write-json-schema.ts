// Generates dist/schema.json (the package's `sidecard/schema.json`) from the zod schema, so the
// published JSON Schema can never drift from what parseWidget checks.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { widgetJsonSchema } from "../src/schema/json-schema.ts";

const target = resolve(import.meta.dirname, "../dist/schema.json");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(widgetJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
