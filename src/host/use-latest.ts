import { useEffect, useLayoutEffect, useRef } from "react";

// On the server neither effect runs; `useEffect` there keeps React 18 from warning.
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

/**
 * A ref holding the latest `value` for callbacks and effects to read. It is updated as the
 * render commits (a layout effect, which runs before any passive effect), never during render,
 * so a render React throws away does not leak into it.
 */
// Its own return type: RefObject's `current` is `T` in @types/react 19 but `T | null` in 18.
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useCommitEffect(() => {
    ref.current = value;
  });
  return ref;
}
