"use client";

import { useEffect, useRef, useState } from "react";
import { checkMark, copyMark } from "./marks.js";
import { useWidgetSettings } from "../render/widget-settings.js";

export interface CopyButtonProps {
  /** What goes to the clipboard. */
  text: string;
}

type CopyState = "idle" | "copied" | "failed";

/** How long "Copied" stays on show. */
export const COPIED_MS = 2000;


/**
 * Copies `text` with the Clipboard API. The outcome is shown beside the button and announced
 * through a polite live region that is always in the DOM (so screen readers hear the change).
 * A missing API, a throwing or a rejecting `writeText` shows "Could not copy"; nothing throws.
 */
export function CopyButton({ text }: CopyButtonProps) {
  const { messages } = useWidgetSettings();
  const [state, setState] = useState<CopyState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const show = (next: CopyState) => {
    if (!mounted.current) return;
    setState(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), COPIED_MS);
  };

  const copy = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") return show("failed");
    let pending: Promise<void>;
    try {
      pending = Promise.resolve(clipboard.writeText(text));
    } catch {
      return show("failed");
    }
    pending.then(
      () => show("copied"),
      () => show("failed"),
    );
  };

  return (
    <>
      <button
        type="button"
        className="sc-icon-button sc-copy"
        aria-label={messages.copyLink}
        title={messages.copyLink}
        data-copied={state === "copied" ? "" : undefined}
        onClick={copy}
      >
        {state === "copied" ? checkMark : copyMark}
      </button>
      <span className="sc-copy-status" role="status">
        {state === "copied" ? messages.copied : state === "failed" ? messages.copyFailed : ""}
      </span>
    </>
  );
}
