// Reason phrases for the statuses an endpoint is likely to answer. Browsers leave
// `Response.statusText` empty over HTTP/2, so messages cannot rely on it.
const REASON_PHRASES: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** `"502 Bad Gateway"`: the status with its standard reason phrase (or the server's own). */
export function describeHttpStatus(status: number, statusText = ""): string {
  const reason = REASON_PHRASES[status] ?? statusText.trim();
  return reason ? `${status} ${reason}` : String(status);
}
