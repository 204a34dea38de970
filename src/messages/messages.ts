// sidecard's own words in the widget (not the payload's): English defaults and a complete German
// example. No hooks here, so the words are importable on the server and in tests.

/** Every sentence and label the widget itself shows or announces. Functions where a value is interpolated. */
export interface SidecardMessages {
  /** A valid payload with no components. */
  empty: string;
  /** Strict mode: some component is invalid. */
  invalidPayload: string;
  /** The payload's `version` is not one this widget supports. */
  unsupportedVersion: string;
  /** More components than `limits.maxComponents`. */
  tooManyComponents: string;
  /** The answer is not a custom-app payload at all. */
  notAPayload: string;
  /** A component threw while rendering; `detail` is the error's description, given only when diagnostics are shown. */
  renderFailed: (detail: string | undefined) => string;
  /** Isolate mode: the title of an inline error; `type` is the wire type ("date_time"), `null` when unknown. */
  componentInvalid: (type: string | null) => string;
  /** Isolate mode: the diagnostic line of a component that threw; `detail` describes the error. */
  componentFailed: (detail: string) => string;
  /** How a diagnostic at the payload's root shows its path. */
  rootPath: string;
  /** Announced after every link and button that opens a new tab (visually hidden). */
  opensInNewTab: string;
  /** Accessible name and hover title of a link row's copy button. */
  copyLink: string;
  copied: string;
  copyFailed: string;
  /** What a badge limit left out: "+3 more". */
  moreItems: (count: number) => string;
  /** What a text limit left out: "+3 more lines". */
  moreLines: (count: number) => string;
}

export const englishMessages: SidecardMessages = {
  empty: "Nothing to show.",
  invalidPayload: "This app's data could not be shown because it does not match the custom app format.",
  unsupportedVersion: "This app answered with a schema version this widget does not support.",
  tooManyComponents: "This app answered with more components than this widget shows.",
  notAPayload: "This app's answer is not a custom app payload.",
  renderFailed: (detail) => `This app's data could not be shown because a component failed to render${detail === undefined ? "." : `: ${detail}`}`,
  componentInvalid: (type) => (type ? `This ${type.replace("_", " ")} could not be shown.` : "This component could not be shown."),
  componentFailed: (detail) => `It failed to render: ${detail}`,
  rootPath: "(root)",
  opensInNewTab: "(opens in a new tab)",
  copyLink: "Copy link",
  copied: "Copied",
  copyFailed: "Could not copy",
  moreItems: (count) => `+${count.toLocaleString("en-US")} more`,
  moreLines: (count) => `+${count.toLocaleString("en-US")} more ${count === 1 ? "line" : "lines"}`,
};

const GERMAN_TYPES: Record<string, string> = {
  text: "Dieser Text",
  date_time: "Dieses Datum",
  badge: "Dieses Badge",
  button: "Dieser Button",
  link: "Dieser Link",
  divider: "Diese Trennlinie",
  card: "Diese Karte",
  header: "Diese Kopfzeile",
  "card header": "Diese Kartenkopfzeile",
};

/** A complete German translation: an example of `messages`, and what the localisation test renders. */
export const germanMessages: SidecardMessages = {
  empty: "Nichts anzuzeigen.",
  invalidPayload: "Die Daten dieser App können nicht angezeigt werden, weil sie nicht dem Custom-App-Format entsprechen.",
  unsupportedVersion: "Diese App antwortet mit einer Schemaversion, die dieses Widget nicht unterstützt.",
  tooManyComponents: "Diese App antwortet mit mehr Komponenten, als dieses Widget anzeigt.",
  notAPayload: "Die Antwort dieser App ist keine Custom-App-Antwort.",
  renderFailed: (detail) => `Die Daten dieser App können nicht angezeigt werden, weil eine Komponente fehlschlug${detail === undefined ? "." : `: ${detail}`}`,
  componentInvalid: (type) => `${(type && GERMAN_TYPES[type]) || "Diese Komponente"} kann nicht angezeigt werden.`,
  componentFailed: (detail) => `Darstellung fehlgeschlagen: ${detail}`,
  rootPath: "(Wurzel)",
  opensInNewTab: "(öffnet in einem neuen Tab)",
  copyLink: "Link kopieren",
  copied: "Kopiert",
  copyFailed: "Kopieren fehlgeschlagen",
  moreItems: (count) => `+${count.toLocaleString("de-DE")} weitere`,
  moreLines: (count) => `+${count.toLocaleString("de-DE")} ${count === 1 ? "weitere Zeile" : "weitere Zeilen"}`,
};
