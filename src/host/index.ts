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
