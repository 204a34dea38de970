import type { AriaAttributes } from "react";

/** What a sidecard component forwards to its root element: an `id`, `data-*` and `aria-*` attributes. */
export interface RootAttributes extends AriaAttributes {
  id?: string;
  [dataAttribute: `data-${string}`]: string | number | boolean | undefined;
}

const FORWARDED = /^(?:id$|data-|aria-)/;

/**
 * The forwardable attributes among the props a component did not take for itself. Anything
 * else (a stray `style`, an event handler, `dangerouslySetInnerHTML` from untyped code) is dropped.
 */
export function rootAttributes(rest: object): RootAttributes {
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (FORWARDED.test(key)) picked[key] = value;
  return picked as RootAttributes;
}

/** `[forwardable attributes, everything else]`: for a component that passes its other props on. */
export function splitRootAttributes<T extends object>(props: T): [RootAttributes, T] {
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (!FORWARDED.test(key)) others[key] = value;
  return [rootAttributes(props), others as T];
}
