import { useEffect, useRef, useState } from "react";
import type { PreviewFileSnapshot } from "../preview/protocol.js";

export type WatchState = "off" | "connecting" | "watching" | "reconnecting";

/**
 * Follows the payload file through `GET /api/watch` (Server-Sent Events). EventSource reconnects
 * by itself when the preview server restarts; `onSnapshot` gets the file's text on every save.
 */
export function useFileWatch(enabled: boolean, onSnapshot: (snapshot: PreviewFileSnapshot) => void): WatchState {
  const [state, setState] = useState<WatchState>(enabled ? "connecting" : "off");
  const callback = useRef(onSnapshot);
  callback.current = onSnapshot;

  useEffect(() => {
    if (!enabled) return;
    setState("connecting");
    const source = new EventSource("/api/watch");
    source.addEventListener("open", () => setState("watching"));
    source.addEventListener("error", () => setState(source.readyState === EventSource.CLOSED ? "off" : "reconnecting"));
    source.addEventListener("payload", (event) => {
      try {
        callback.current(JSON.parse((event as MessageEvent<string>).data) as PreviewFileSnapshot);
      } catch {
        // a damaged event: the next save sends the whole text again
      }
    });
    return () => source.close();
  }, [enabled]);

  return state;
}
