import * as z from "zod/mini";
import { widgetSchema } from "./widget-schema.js";

/** The JSON Schema (draft 2020-12) of Response Schema 1.0.0, derived from `widgetSchema`. */
export function widgetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(widgetSchema, { target: "draft-2020-12" }),
    $id: "https://unpkg.com/sidecard/dist/schema.json",
    title: "Custom App Response Schema 1.0.0",
    description: "The JSON a help-desk custom app answers to request_type=fetch_data, as rendered by sidecard.",
  };
}
