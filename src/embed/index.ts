export {
  buildEmbedUrl,
  EMBED_VARIABLES,
  MAX_EMBED_TEMPLATE_LENGTH,
  MAX_EMBED_URL_LENGTH,
  type BuildEmbedUrlResult,
  type EmbedDiagnostic,
  type EmbedDiagnosticCode,
  type EmbedValue,
  type EmbedValues,
} from "./build-embed-url.js";
export {
  EmbeddedApp,
  clampEmbedHeight,
  embedSandbox,
  DEFAULT_EMBED_SANDBOX,
  GRANTABLE_SANDBOX_TOKENS,
  EMBED_HEIGHT,
  type EmbeddedAppProps,
  type EmbedSandboxToken,
} from "./embedded-app.js";
