// The host components' own words (<CustomApp>, <ConnectionPanel>): English defaults and a complete
// German example, beside the widget's (src/messages/messages.ts). Apart from them so the widget
// alone does not carry these.
import type { FetchWidgetErrorKind } from "./fetch-widget.js";
import type { ConnectionStatus } from "./connection-panel.js";

export interface SidecardHostMessages {
  /** Announced while `<CustomApp>` loads (visually hidden). */
  loading: string;
  /** The sentence heading `<CustomApp>`'s error state, per failure kind (the error's own `message` follows it). */
  failureTitle: (kind: FetchWidgetErrorKind) => string;
  retry: string;
  refresh: string;
  /** Announced while a refresh runs. */
  refreshing: string;
  /** Heads the notice when a refresh failed and the last answer stays on show. */
  refreshFailed: string;
  /** Footer before the app's name: "Retrieved from: Acme". */
  retrievedFrom: string;
  /** `<ConnectionPanel>`'s status line. */
  connectionStatus: (status: ConnectionStatus) => string;
  connect: string;
  retryConnection: string;
  disconnect: string;
}

const ENGLISH_FAILURES: Record<FetchWidgetErrorKind, string> = {
  timeout: "The app took too long to answer.",
  network: "The app could not be reached.",
  http: "The app answered with an error.",
  not_json: "The app's answer could not be read.",
  too_large: "The app's answer is too large.",
  aborted: "The request was cancelled.",
  config: "The app is not configured correctly.",
};
const ENGLISH_STATUS: Record<ConnectionStatus, string> = {
  checking: "Checking connection…",
  verified: "Verified",
  unverified: "Unverified",
  disconnected: "Disconnected",
};

export const englishHostMessages: SidecardHostMessages = {
  loading: "Loading the app…",
  failureTitle: (kind) => ENGLISH_FAILURES[kind] ?? ENGLISH_FAILURES.network,
  retry: "Retry",
  refresh: "Refresh",
  refreshing: "Refreshing…",
  refreshFailed: "Could not refresh; showing the last answer.",
  retrievedFrom: "Retrieved from:",
  connectionStatus: (status) => ENGLISH_STATUS[status] ?? ENGLISH_STATUS.checking,
  connect: "Connect",
  retryConnection: "Retry connection",
  disconnect: "Disconnect",
};

const GERMAN_FAILURES: Record<FetchWidgetErrorKind, string> = {
  timeout: "Die App hat zu lange nicht geantwortet.",
  network: "Die App ist nicht erreichbar.",
  http: "Die App hat mit einem Fehler geantwortet.",
  not_json: "Die Antwort der App ist nicht lesbar.",
  too_large: "Die Antwort der App ist zu groß.",
  aborted: "Die Anfrage wurde abgebrochen.",
  config: "Die App ist nicht richtig eingerichtet.",
};
const GERMAN_STATUS: Record<ConnectionStatus, string> = {
  checking: "Verbindung wird geprüft…",
  verified: "Bestätigt",
  unverified: "Nicht bestätigt",
  disconnected: "Getrennt",
};

/** A complete German translation of the host words (see `germanMessages` for the widget's). */
export const germanHostMessages: SidecardHostMessages = {
  loading: "App wird geladen…",
  failureTitle: (kind) => GERMAN_FAILURES[kind] ?? GERMAN_FAILURES.network,
  retry: "Erneut versuchen",
  refresh: "Aktualisieren",
  refreshing: "Wird aktualisiert…",
  refreshFailed: "Aktualisierung fehlgeschlagen; die letzte Antwort bleibt stehen.",
  retrievedFrom: "Abgerufen von:",
  connectionStatus: (status) => GERMAN_STATUS[status] ?? GERMAN_STATUS.checking,
  connect: "Verbinden",
  retryConnection: "Verbindung erneut prüfen",
  disconnect: "Trennen",
};
