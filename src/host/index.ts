export {
  verifyEndpoint,
  type VerifyEndpointOptions,
  type VerificationResult,
  type VerificationStatus,
  type VerificationFailure,
} from "./verify-endpoint.js";
export {
  fetchWidget,
  type CustomAppRequestContext,
  type FetchWidgetOptions,
  type FetchWidgetResult,
  type FetchWidgetSuccess,
  type FetchWidgetFailure,
  type FetchWidgetError,
  type FetchWidgetErrorKind,
} from "./fetch-widget.js";
export type { AppHeaders } from "../protocol/request-config.js";
export type { FetchFunction } from "../protocol/request.js";
export {
  useCustomApp,
  type UseCustomAppOptions,
  type CustomAppState,
  type CustomAppStatus,
} from "./use-custom-app.js";
export { CustomApp, type CustomAppProps } from "./custom-app.js";
export {
  ConnectionPanel,
  useEndpointVerification,
  type ConnectionPanelProps,
  type ConnectionStatus,
  type EndpointVerificationState,
  type UseEndpointVerificationOptions,
} from "./connection-panel.js";
export {
  buildEmbedUrl,
  EmbeddedApp,
  DEFAULT_EMBED_SANDBOX,
  EMBED_HEIGHT,
  type BuildEmbedUrlResult,
  type EmbedDiagnostic,
  type EmbedDiagnosticCode,
  type EmbedValue,
  type EmbedValues,
  type EmbeddedAppProps,
} from "../embed/index.js";
export { contextForPlacement, type CustomAppPlacement } from "./use-custom-app.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry-policy.js";
export { clearWidgetCache, DEFAULT_CACHE_TTL_MS, DEFAULT_CACHE_SIZE } from "./widget-cache.js";
export { englishHostMessages, germanHostMessages, type SidecardHostMessages } from "./host-messages.js";
export type { CustomAppErrorSlot } from "./custom-app.js";
export { SidecardProvider, type SidecardProviderProps, type SidecardSettings } from "../messages/provider.js";
