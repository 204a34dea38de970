import { isArray, lengthOf } from "./read-input.js";

const MAX_SHOWN = 60;

/** Quotes a payload string for a message, shortened so a huge value cannot flood the output. */
export function quote(value: string): string {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  return JSON.stringify(shown);
}

/** Names a JSON value the way a diagnostic message says what it found. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  if (isArray(value)) {
    const length = lengthOf(value);
    return `an array of ${length} item${length === 1 ? "" : "s"}`;
  }
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
