import { readFile } from "node:fs/promises";
import { parseJsonText } from "./json-position.js";

/** Where a payload comes from, as named on the command line: a path or `-` (URLs: validate.ts). */
export type InputResult =
  | { ok: true; source: string; value: unknown }
  | { ok: false; source: string; message: string };

export function isUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function readText(argument: string, stdin: NodeJS.ReadableStream): Promise<{ text: string } | { message: string }> {
  if (argument === "-") return { text: await readStdin(stdin) };
  try {
    return { text: await readFile(argument, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { message: "file not found" };
    if (code === "EISDIR") return { message: "is a directory, expected a JSON file" };
    if (code === "EACCES") return { message: "permission denied" };
    return { message: `could not read the file (${(error as Error).message})` };
  }
}

/** Reads and parses one input; failures carry a message a person can act on. */
export async function readJsonInput(argument: string, stdin: NodeJS.ReadableStream): Promise<InputResult> {
  const source = argument === "-" ? "<stdin>" : argument;
  const read = await readText(argument, stdin);
  if ("message" in read) return { ok: false, source, message: read.message };
  if (read.text.trim() === "") return { ok: false, source, message: "is empty, expected a JSON object" };
  const parsed = parseJsonText(read.text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return { ok: false, source, message: `not valid JSON at line ${line}, column ${column}: ${message}` };
  }
  return { ok: true, source, value: parsed.value };
}
