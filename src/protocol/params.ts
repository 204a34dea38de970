// The names the request protocol uses on the wire (SPEC §5), shared by host, server, preview and CLI.

/** The query parameters the host sends with `request_type=fetch_data`. */
export const CONTEXT_PARAMS = [
  "app_id",
  "widget_id",
  "issue_id",
  "organization_id",
  "account_id",
  "requester_id",
  "requester_email",
] as const;

export type ContextParam = (typeof CONTEXT_PARAMS)[number];

/** The header carrying the HMAC-SHA256 of the query. */
export const SIGNATURE_HEADER = "X-Pylon-Signature";
