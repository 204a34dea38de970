import { useMemo, useSyncExternalStore } from "react";
import { buildEmbedUrl, type EmbedValues } from "./build-embed-url.js";

/** What an iframe app gets unless the host says otherwise: it may run scripts, submit forms and open links in new tabs. */
export const DEFAULT_EMBED_SANDBOX = ["allow-scripts", "allow-forms", "allow-popups"] as const;

/**
 * The sandbox tokens a host may grant. Not listed, so never granted: the `allow-top-navigation`
 * family (an embedded app must not navigate the help desk away).
 */
export const GRANTABLE_SANDBOX_TOKENS = [
  "allow-downloads",
  "allow-forms",
  "allow-modals",
  "allow-orientation-lock",
  "allow-pointer-lock",
  "allow-popups",
  "allow-popups-to-escape-sandbox",
  "allow-presentation",
  "allow-same-origin",
  "allow-scripts",
  "allow-storage-access-by-user-activation",
] as const;

export type EmbedSandboxToken = (typeof GRANTABLE_SANDBOX_TOKENS)[number];

export const EMBED_HEIGHT = { min: 100, max: 2000, default: 400 } as const;

export interface EmbeddedAppProps {
  /** The URL template, e.g. `https://app.example.com/issues/{{issue.id}}` (see `buildEmbedUrl`). */
  url: string;
  /** What the template's variables read. */
  values: EmbedValues;
  /** The frame's accessible name, read by screen readers ("Billing for Acme"). */
  title: string;
  /** Height in CSS pixels, clamped to 100–2000. Default 400. */
  height?: number;
  /**
   * The sandbox tokens the app needs; replaces `DEFAULT_EMBED_SANDBOX`. Tokens outside
   * `GRANTABLE_SANDBOX_TOKENS` are dropped, and `allow-same-origin` is dropped beside
   * `allow-scripts` when the URL is on the page's own origin (the frame could lift its own sandbox).
   */
  sandbox?: readonly string[];
  /** Permissions Policy for the frame (camera, clipboard…). Default none. */
  allow?: string;
  /** Default `"no-referrer"`: the help desk's URL is not the app's business. */
  referrerPolicy?: "no-referrer" | "strict-origin";
  className?: string;
  /** `"light"` (default), `"dark"` or `"auto"`, for the error state. */
  theme?: "light" | "dark" | "auto";
}

/** Clamps a requested height into `EMBED_HEIGHT`; anything not a finite number gets the default. */
export function clampEmbedHeight(height: number | undefined): number {
  if (typeof height !== "number" || !Number.isFinite(height)) return EMBED_HEIGHT.default;
  return Math.min(EMBED_HEIGHT.max, Math.max(EMBED_HEIGHT.min, Math.round(height)));
}

/**
 * The `sandbox` attribute for `url`: the requested tokens that may be granted, without
 * `allow-same-origin` when scripts run on the page's own origin. `pageOrigin` is `null` when it
 * cannot be known (server rendering, and hydrating its HTML): then the pair is never granted
 * together.
 */
export function embedSandbox(requested: readonly string[], url: string, pageOrigin: string | null): string {
  const tokens = new Set<string>();
  for (const token of requested) {
    const normal = String(token).trim().toLowerCase();
    if ((GRANTABLE_SANDBOX_TOKENS as readonly string[]).includes(normal)) tokens.add(normal);
  }
  if (tokens.has("allow-scripts") && tokens.has("allow-same-origin")) {
    const sameOrigin = pageOrigin === null || originOf(url) === pageOrigin;
    if (sameOrigin) tokens.delete("allow-same-origin");
  }
  return [...tokens].join(" ");
}

const noSubscription = () => () => {};
const readPageOrigin = () => window.location.origin;
const unknownOrigin = () => null;

/** The page's origin, `null` on the server and while hydrating (so both render the same sandbox). */
function usePageOrigin(): string | null {
  return useSyncExternalStore(noSubscription, readPageOrigin, unknownOrigin);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * An iframe app: fills `url`'s variables from `values` and shows the page in a sandboxed,
 * lazily loaded frame. A URL that `buildEmbedUrl` refuses renders an error state listing why,
 * and no frame.
 */
export function EmbeddedApp({ url, values, title, height, sandbox, allow = "", referrerPolicy = "no-referrer", className, theme }: EmbeddedAppProps) {
  const built = useMemo(() => buildEmbedUrl(url, values), [url, values]);
  const pageOrigin = usePageOrigin();

  if (!built.ok) {
    return (
      <div className="sc-host sc-custom-app-error sc-embed-error" data-sidecard="embedded-app" data-sidecard-state="error" data-theme={theme} role="alert">
        <p className="sc-custom-app-error-title">This app could not be shown: its URL was refused.</p>
        <ul>
          {built.diagnostics.map((d, index) => (
            <li data-code={d.code} key={index}>
              {d.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const granted = embedSandbox(sandbox ?? DEFAULT_EMBED_SANDBOX, built.url, pageOrigin);
  return (
    <iframe
      // Sandbox flags take effect only when a frame navigates: another set (the one decided
      // after hydration, or a new prop) gets a new frame.
      key={granted}
      className={className ? `sc-embedded-app ${className}` : "sc-embedded-app"}
      data-sidecard="embedded-app"
      data-sidecard-state="ready"
      src={built.url}
      title={title}
      height={clampEmbedHeight(height)}
      sandbox={granted}
      allow={allow}
      referrerPolicy={referrerPolicy}
      loading="lazy"
    />
  );
}
