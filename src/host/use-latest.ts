import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

// On the server neither effect runs; `useEffect` there keeps React 18 from warning.
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * A ref holding the latest `value` for callbacks and effects to read. It is updated as the
 * render commits (a layout effect, which runs before any passive effect), never during render,
 * so a render React throws away does not leak into it.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useCommitEffect(() => {
    ref.current = value;
  });
  return ref;
}
