// Type-level tests for the builders: `npm run typecheck` fails if a line marked as an expected
// error below compiles (i.e. if a builder stops rejecting that misuse).
import { expectTypeOf } from "vitest";
import {
  badge,
  badgeItem,
  button,
  card,
  dateTime,
  text,
  widget,
  type ButtonComponent,
  type CardComponent,
  type WidgetPayload,
} from "../../src/server/index.js";

expectTypeOf(widget({}, [])).toEqualTypeOf<WidgetPayload>();
expectTypeOf(card({}, [])).toEqualTypeOf<CardComponent>();

export function misuse(): void {
  // @ts-expect-error cards do not nest
  card({ title: "outer" }, [card({ title: "inner" }, [])]);
  // @ts-expect-error "purple" is not a badge color
  badgeItem("x", "purple");
  // @ts-expect-error badge items need one of the five colors
  badge("Flags", [{ value: "x", color: "pink" }]);
  // @ts-expect-error a text needs a value
  text("only label");
  // @ts-expect-error a text value is a string
  text("Seats", 12);
  // @ts-expect-error a date_time takes a Date or a string, not a number
  dateTime("Renews", 1721046896000);
  // @ts-expect-error widget components must be one of the seven types
  widget({}, [{ type: "chart" }]);
  // @ts-expect-error the widget header is required
  widget(undefined, []);
  // @ts-expect-error a button's button_type is always "link"
  const submit: ButtonComponent = { type: "button", label: "x", url: "https://x", button_type: "submit" };
  // @ts-expect-error a button needs a url
  button("Open");
  void submit;
}
