import { open } from "node:fs/promises";
import { formatBytes } from "../protocol/request.js";
import { parseJsonText } from "./json-position.js";

/** Where a payload comes from, as named on the command line: a path or `-` (URLs: validate.ts). */
export type InputResult =
  | { ok: true; source: string; value: unknown }
  | { ok: false; source: string; message: string };

export function isUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

type TextRead = { text: string } | { message: string };

function tooLarge(maxBytes: number): { message: string } {
  return { message: `is larger than the limit of ${formatBytes(maxBytes)} (--max-bytes); a host refuses an answer that large` };
}

/** A stream (standard input, a pipe, a device), read until `maxBytes` at most: an endless one never fills memory. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<TextRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk);
    size += bytes.byteLength;
    if (size > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return tooLarge(maxBytes);
    }
    chunks.push(bytes);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

/** A file, read only when it is within `maxBytes` (checked on the open file, then while reading). */
async function readFileLimited(path: string, maxBytes: number): Promise<TextRead> {
  const handle = await open(path, "r");
  try {
    const stats = await handle.stat();
    // A pipe, FIFO or /dev/stdin has no size to trust (stat says 0): read it as a stream.
    if (!stats.isFile() && !stats.isDirectory()) return await readStream(handle.createReadStream({ autoClose: false }), maxBytes);
    const { size } = stats;
    if (size > maxBytes) return tooLarge(maxBytes);
    // One byte of room past the limit tells a file that grew since stat.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge(maxBytes);
      if (length === buffer.length) break;
    }
    return { text: buffer.subarray(0, length).toString("utf8") };
  } finally {
    await handle.close();
  }
}

async function readText(argument: string, stdin: NodeJS.ReadableStream, maxBytes: number): Promise<TextRead> {
  if (argument === "-") return readStream(stdin, maxBytes);
  try {
    return await readFileLimited(argument, maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { message: "file not found" };
    if (code === "EISDIR") return { message: "is a directory, expected a JSON file" };
    if (code === "EACCES") return { message: "permission denied" };
    return { message: `could not read the file (${(error as Error).message})` };
  }
}

/** Reads and parses one input; failures carry a message a person can act on. */
export async function readJsonInput(argument: string, stdin: NodeJS.ReadableStream, maxBytes: number): Promise<InputResult> {
  const source = argument === "-" ? "<stdin>" : argument;
  const read = await readText(argument, stdin, maxBytes);
  if ("message" in read) return { ok: false, source, message: read.message };
  if (read.text.trim() === "") return { ok: false, source, message: "is empty, expected a JSON object" };
  const parsed = parseJsonText(read.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, source, message: `not valid JSON at line ${line}, column ${column}: ${message}` };
  }
  return { ok: true, source, value: parsed.value };
}
