"use client";

import { useState, type MouseEvent } from "react";
import { checkMark, copyMark } from "./marks.js";
import type { SidecardMessages } from "../messages/messages.js";

export interface CopyButtonProps {
  /** What goes to the clipboard. */
  text: string;
  /** The widget's words (copy link, copied, could not copy). */
  messages: SidecardMessages;
}

interface Outcome {
  copied: boolean;
}

/** How long "Copied" stays on show. */
export const COPIED_MS = 2000;

/** The class of the widget's one polite live region (rendered empty by the widget; see `announce`). */
export const ANNOUNCER_CLASS = "sc-announcer";

/**
 * Says `sentence` through the live region of the widget that holds `from`. One region per
 * widget rather than one per link row: an element, a fiber and their records less per link.
 * React renders the region without children and never touches its text, so writing it here
 * cannot conflict with a render. Outside a widget nothing is said; the outcome is still shown.
 */
function announce(from: Element, sentence: string, owner: object): void {
  const region = regionOf(from);
  if (!region) return;
  // Assigning replaces the text node, so the same sentence twice is announced twice.
  region.textContent = sentence;
  speaker.set(region, owner);
}

/** Clears what `owner` said, unless a newer outcome (of any button) has spoken since. */
function unannounce(from: Element, owner: object): void {
  const region = regionOf(from);
  if (region && speaker.get(region) === owner) region.textContent = "";
}

const regionOf = (from: Element) => from.closest('[data-sidecard="widget"]')?.querySelector(`:scope > .${ANNOUNCER_CLASS}`);

/** Who said what a widget's region holds now. */
const speaker = new WeakMap<Element, object>();

/**
 * Copies `text` with the Clipboard API. The outcome is shown beside the button for
 * `COPIED_MS` and announced politely. A missing API, a throwing or a rejecting `writeText`
 * shows "Could not copy"; nothing throws. One hook and no effect: the timer puts back the idle
 * state only if no newer outcome replaced its own, and a timer that fires after unmount sets
 * nothing React keeps.
 */
export function CopyButton({ text, messages }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const copy = (event: MouseEvent<HTMLButtonElement>) => {
    const button = event.currentTarget;
    const show = (copied: boolean) => {
      const next = { copied };
      setOutcome(next);
      announce(button, copied ? messages.copied : messages.copyFailed, next);
      setTimeout(() => {
        setOutcome((current) => (current === next ? null : current));
        unannounce(button, next);
      }, COPIED_MS);
    };
    let pending: Promise<void>;
    try {
      // A missing Clipboard API (or a writeText that is not a function) throws here too.
      pending = Promise.resolve(navigator.clipboard.writeText(text));
    } catch {
      return show(false);
    }
    pending.then(
      () => show(true),
      () => show(false),
    );
  };

  return (
    <>
      <button
        type="button"
        className="sc-icon-button sc-copy"
        aria-label={messages.copyLink}
        title={messages.copyLink}
        data-copied={outcome?.copied ? "" : undefined}
        onClick={copy}
      >
        {outcome?.copied ? checkMark : copyMark}
      </button>
      {outcome && <span className="sc-copy-status">{outcome.copied ? messages.copied : messages.copyFailed}</span>}
    </>
  );
}
