// Every read of the input goes through here or through the fast path's guarded reads. A JSON
// value never throws; a JavaScript-built payload may (a throwing getter, a revoked proxy, a
// proxy trap). Such a throw becomes an `UnreadableInput`, which parseWidget reports as
// `invalid_root`; any other exception is a bug in sidecard and propagates.

/** A payload member could not be read: the input, not sidecard, threw. */
export class UnreadableInput extends Error {
  /** What the input threw, as text for a diagnostic. */
  readonly detail: string;
  constructor(readonly reason: unknown) {
    const detail = describeThrown(reason);
    super(`the payload could not be read (${detail})`);
    this.name = "UnreadableInput";
    this.detail = detail;
  }
}

function describeThrown(reason: unknown): string {
  try {
    return String(reason);
  } catch {
    return "a value that cannot be shown";
  }
}

/** Rethrows what reading the input threw, marked as the input's fault. */
export function unreadable(reason: unknown): never {
  throw new UnreadableInput(reason);
}

/** A JSON object: `{}` from any realm or `Object.create(null)`, not a Date, Map or class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  try {
    if (Array.isArray(value)) return false;
    const prototype: unknown = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
  } catch (error) {
    return unreadable(error);
  }
}

/** `Array.isArray`, which throws for a revoked proxy. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch (error) {
    return unreadable(error);
  }
}

/** Reads an own property only, so inherited members never pass for payload data. */
export function ownValue(object: Record<string, unknown>, key: string): unknown {
  try {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  } catch (error) {
    return unreadable(error);
  }
}

/** The elements of an input array, each read once: later reads cannot see other values. */
export function readItems(array: readonly unknown[]): unknown[] {
  try {
    return array.slice();
  } catch (error) {
    return unreadable(error);
  }
}

/** An input array's length (a proxy's `get` trap may throw). */
export function lengthOf(array: readonly unknown[]): number {
  try {
    return array.length;
  } catch (error) {
    return unreadable(error);
  }
}
