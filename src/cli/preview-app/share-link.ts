/**
 * Share links: the payload travels in the URL fragment, which browsers never send to a server,
 * so nothing leaves the machine until the person pastes the link somewhere. Used by the preview
 * page and by Storybook's playground (one format, one module).
 *
 * Format: `#payload=<base64url, no padding, of the UTF-8 text>`; a value that starts with `~`
 * is that text compressed with deflate-raw first (chosen only when CompressionStream exists and
 * the result is shorter). Decoding is bounded: the fragment's length, and the decompressed
 * size, which is checked while inflating (a small link cannot expand into gigabytes).
 */

export const SHARE_PARAM = "payload";
/** The largest payload a link may carry: the host client's answer limit (1 MiB of UTF-8). */
export const MAX_SHARED_BYTES = 1024 * 1024;
/** The longest fragment value read: a 1 MiB payload in base64url, and a little. */
export const MAX_SHARE_VALUE_LENGTH = Math.ceil((MAX_SHARED_BYTES * 4) / 3) + 8;
const COMPRESSED_MARK = "~";

export type SharedPayload = { ok: true; text: string } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  // Chunked: String.fromCharCode with a huge spread overflows the call stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return null;
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (value.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream !== "function") return null;
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null; // a browser without the deflate-raw format: send it uncompressed
  }
}

/** Inflates at most `limit` bytes; `null` when the data decompresses to more. */
async function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * The fragment value for `text` (without `#payload=`). Throws a RangeError naming the size when
 * the text is over {@link MAX_SHARED_BYTES}.
 */
export async function encodeSharedPayload(text: string, options: { compress?: boolean } = {}): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_SHARED_BYTES) {
    throw new RangeError(`The payload is ${sizeLabel(bytes.length)}; a share link carries at most ${sizeLabel(MAX_SHARED_BYTES)}.`);
  }
  const plain = toBase64Url(bytes);
  if (options.compress === false) return plain;
  const compressed = await deflateRaw(bytes);
  const packed = compressed ? COMPRESSED_MARK + toBase64Url(compressed) : null;
  return packed && packed.length < plain.length ? packed : plain;
}

/** Decodes a fragment value made by {@link encodeSharedPayload}; every failure is a sentence. */
export async function decodeSharedPayload(value: string): Promise<SharedPayload> {
  if (value.length > MAX_SHARE_VALUE_LENGTH) {
    return { ok: false, message: `The share link is ${value.length} characters long; at most ${MAX_SHARE_VALUE_LENGTH} are read.` };
  }
  const compressed = value.startsWith(COMPRESSED_MARK);
  const bytes = fromBase64Url(compressed ? value.slice(1) : value);
  if (!bytes) return { ok: false, message: "The share link's payload is not base64url (letters, digits, '-' and '_')." };
  let utf8 = bytes;
  if (compressed) {
    if (typeof DecompressionStream !== "function") {
      return { ok: false, message: "This browser cannot open compressed share links (no DecompressionStream)." };
    }
    try {
      const inflated = await inflateRaw(bytes, MAX_SHARED_BYTES);
      if (!inflated) return { ok: false, message: `The share link's payload decompresses to more than ${sizeLabel(MAX_SHARED_BYTES)}.` };
      utf8 = inflated;
    } catch {
      return { ok: false, message: "The share link's payload is damaged (it does not decompress); was the link cut short?" };
    }
  } else if (bytes.length > MAX_SHARED_BYTES) {
    return { ok: false, message: `The share link's payload is ${sizeLabel(bytes.length)}; at most ${sizeLabel(MAX_SHARED_BYTES)} is read.` };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(utf8) };
  } catch {
    return { ok: false, message: "The share link's payload is not UTF-8 text; was the link cut short?" };
  }
}

/** The `payload` value in a location hash (`#payload=…&…`), or `null` when there is none. */
export function sharedPayloadValue(hash: string): string | null {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  // Checked before URLSearchParams so an oversized fragment is not copied around first.
  if (!fragment.includes(`${SHARE_PARAM}=`)) return null;
  return new URLSearchParams(fragment).get(SHARE_PARAM);
}

/** `base` (any URL; its own fragment is dropped) with `#payload=` for `text`. */
export async function createShareLink(base: string, text: string): Promise<string> {
  const url = new URL(base);
  url.hash = `${SHARE_PARAM}=${await encodeSharedPayload(text)}`;
  return url.href;
}

/** The payload a location hash carries: `null` without one, else the decoded text or why not. */
export async function readSharedPayload(hash: string): Promise<SharedPayload | null> {
  const value = sharedPayloadValue(hash);
  return value === null ? null : decodeSharedPayload(value);
}
