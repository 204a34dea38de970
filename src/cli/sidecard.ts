#!/usr/bin/env node
import { EXIT_UNUSABLE, processIo, UsageError, type CliIo } from "./cli-io.js";
import { PREVIEW_HELP, runPreview } from "./preview/command.js";
import { runValidate, VALIDATE_HELP } from "./validate.js";

export const MAIN_HELP = `Usage: sidecard <command> [options]

Tools for custom-app endpoints that answer Pylon's Response Schema 1.0.0.

Commands:
  validate <file|url|->...     check payloads and print every diagnostic
  preview [url | payload.json] open a local host simulator in the browser

Run "sidecard <command> --help" for a command's options.
`;

const COMMANDS = {
  validate: { run: runValidate, help: VALIDATE_HELP },
  preview: { run: runPreview, help: PREVIEW_HELP },
} as const;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(MAIN_HELP);
    return command === undefined ? EXIT_UNUSABLE : 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr(`sidecard: unknown command "${command}"; expected one of: ${Object.keys(COMMANDS).join(", ")}.\n\n${MAIN_HELP}`);
    return EXIT_UNUSABLE;
  }
  const { run, help } = COMMANDS[command as keyof typeof COMMANDS];
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sidecard ${command}: ${error.message}\n\n${help}`);
      return EXIT_UNUSABLE;
    }
    io.stderr(`sidecard ${command}: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_UNUSABLE;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sidecard: ${String(error)}\n`);
    process.exitCode = EXIT_UNUSABLE;
  },
);
