import { useEffect, useState } from "react";
import { useLatest } from "../../host/use-latest.js";
import type { PreviewFileSnapshot } from "../preview/protocol.js";

export type WatchState = "off" | "connecting" | "watching" | "reconnecting";

/**
 * Follows the payload file through `GET /api/watch` (Server-Sent Events). EventSource reconnects
 * by itself when the preview server restarts; `onSnapshot` gets the file's text on every save.
 */
export function useFileWatch(enabled: boolean, onSnapshot: (snapshot: PreviewFileSnapshot) => void): WatchState {
  const [state, setState] = useState<WatchState>(enabled ? "connecting" : "off");
  const callbackRef = useLatest(onSnapshot);
  // Switched on or off: the state follows at once, while rendering (not from an effect).
  const [wasEnabled, setWasEnabled] = useState(enabled);
  if (wasEnabled !== enabled) {
    setWasEnabled(enabled);
    setState(enabled ? "connecting" : "off");
  }

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource("/api/watch");
    source.addEventListener("open", () => setState("watching"));
    source.addEventListener("error", () => setState(source.readyState === EventSource.CLOSED ? "off" : "reconnecting"));
    source.addEventListener("payload", (event) => {
      try {
        callbackRef.current(JSON.parse((event as MessageEvent<string>).data) as PreviewFileSnapshot);
      } catch {
        // a damaged event: the next save sends the whole text again
      }
    });
    return () => source.close();
  }, [enabled, callbackRef]);

  return state;
}
