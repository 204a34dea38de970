/** The streams a command talks to; tests and the real process provide their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
};

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_UNUSABLE = 2;

/** A mistake on the command line, reported with the command's usage and exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
