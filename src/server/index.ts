export {
  createCustomAppHandler,
  InvalidPayloadError,
  type CustomAppContext,
  type CustomAppErrorBody,
  type CustomAppHandler,
  type CustomAppHandlerOptions,
} from "./handler.js";
export { toNodeHandler, type FetchHandler, type NodeHandlerOptions, type NodeRequestListener } from "./node-adapter.js";
export { signQuery, verifySignature, type QueryParams } from "../protocol/signature.js";
export {
  badge,
  badgeItem,
  button,
  card,
  dateTime,
  divider,
  link,
  SCHEMA_VERSION,
  text,
  widget,
  type IconOptions,
} from "./builders.js";
export type {
  BadgeColor,
  BadgeComponent,
  BadgeItem,
  ButtonComponent,
  CardComponent,
  DateTimeComponent,
  DividerComponent,
  LeafComponent,
  LinkComponent,
  TextComponent,
  WidgetComponent,
  WidgetHeader,
  WidgetPayload,
} from "../schema/widget-schema.js";
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from "../schema/diagnostic.js";
