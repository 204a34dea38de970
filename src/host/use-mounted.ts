import { useEffect, useRef } from "react";

/**
 * A ref that is `true` while the component is mounted. Callbacks handed out (`refresh`,
 * `retry`) may still be called after unmounting; they check it so as to start nothing then.
 */
export function useMounted(): { readonly current: boolean } {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
