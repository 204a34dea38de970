export {
  createCustomAppHandler,
  InvalidPayloadError,
  type CustomAppContext,
  type CustomAppErrorBody,
  type CustomAppHandler,
  type CustomAppHandlerOptions,
} from "./handler.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  RequestBodyTooLargeError,
  toNodeHandler,
  type FetchHandler,
  type NodeHandlerOptions,
  type NodeRequestListener,
} from "./node-adapter.js";
export {
  createCustomAppProxy,
  PROXY_DEFAULT_MAX_BYTES,
  PROXY_DEFAULT_TIMEOUT_MS,
  PROXY_RESPONSE_HEADERS,
  type CustomAppProxy,
  type CustomAppProxyContext,
  type CustomAppProxyErrorBody,
  type CustomAppProxyErrorKind,
  type CustomAppProxyOptions,
  type CustomAppTarget,
} from "./proxy.js";
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
