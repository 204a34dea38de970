export {
  verifyEndpoint,
  createVerificationCode,
  DEFAULT_TIMEOUT_MS,
  HANDSHAKE_MAX_BYTES,
  type VerifyEndpointOptions,
  type VerificationResult,
  type VerificationStatus,
} from "./verify-endpoint.js";
export {
  fetchWidget,
  fetchDataParams,
  CONTEXT_PARAMS,
  DEFAULT_MAX_BYTES,
  type ContextParam,
  type CustomAppContext,
  type FetchWidgetOptions,
  type FetchWidgetResult,
  type FetchWidgetSuccess,
  type FetchWidgetFailure,
  type FetchWidgetError,
  type FetchWidgetErrorKind,
} from "./fetch-widget.js";
export { SIGNATURE_HEADER, type AppHeaders } from "./endpoint-url.js";
export type { FetchFunction } from "./request.js";
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
