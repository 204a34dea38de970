// The public API of `sidecard`. Everything not exported here is internal.
export { parseWidget, DEFAULT_MAX_COMPONENTS } from "./parse/parse-widget.js";
export type { ParseOptions, ParseResult, WidgetLimits } from "./parse/parse-widget.js";
export { DEFAULT_URL_SCHEMES, isSafeUrl } from "./parse/url-safety.js";
export { parseRfc3339 } from "./parse/rfc3339.js";
export { DIAGNOSTIC_SEVERITY } from "./schema/diagnostic.js";
export type { Diagnostic, DiagnosticCode, DiagnosticSeverity } from "./schema/diagnostic.js";
export {
  widgetSchema,
  componentSchema,
  cardSchema,
  textSchema,
  dateTimeSchema,
  badgeSchema,
  badgeItemSchema,
  badgeColorSchema,
  buttonSchema,
  linkSchema,
  dividerSchema,
  headerSchema,
  BADGE_COLORS,
  COMPONENT_TYPES,
} from "./schema/widget-schema.js";
export type {
  WidgetPayload,
  WidgetHeader,
  WidgetComponent,
  LeafComponent,
  CardComponent,
  TextComponent,
  DateTimeComponent,
  BadgeComponent,
  BadgeItem,
  BadgeColor,
  ButtonComponent,
  LinkComponent,
  DividerComponent,
  ComponentType,
} from "./schema/widget-schema.js";
export { Widget } from "./render/widget.js";
export type { WidgetProps, WidgetMode, WidgetTheme, WidgetLayout } from "./render/widget.js";
export { defaultComponents } from "./render/registry.js";
export type { WidgetComponents, ComponentPropsByType } from "./render/registry.js";
export { useWidgetSettings } from "./render/widget-settings.js";
export type { WidgetSettings } from "./render/widget-settings.js";
export { formatDateTime } from "./format/format-date-time.js";
export type { DateTimeFormatOptions, FormattedDateTime } from "./format/format-date-time.js";
export type { CardProps } from "./components/card.js";
export type { TextProps } from "./components/text.js";
export type { DateTimeProps } from "./components/date-time.js";
export type { BadgeProps } from "./components/badge.js";
export type { ButtonProps } from "./components/button.js";
export type { LinkProps } from "./components/link.js";
export type { DividerProps } from "./components/divider.js";

// The host client (CustomApp, fetchWidget, verifyEndpoint, …) is `sidecard/host`, the app side
// `sidecard/server`: this entry holds only what renders and validates, so it has no request or
// signing code.
// sidecard's own words and the app-wide provider (issue 12).
export { SidecardProvider, useSidecardSettings } from "./messages/provider.js";
export type { SidecardProviderProps, SidecardSettings } from "./messages/provider.js";
export { englishMessages, germanMessages } from "./messages/messages.js";
export type { SidecardMessages } from "./messages/messages.js";
export type { RootAttributes } from "./render/root-attributes.js";
