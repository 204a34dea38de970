import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("../../src/cli/sidecard.ts", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source in a child process, exactly as a user would (exit code included). */
export function runCli(args: readonly string[], stdin?: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], {
      cwd: REPO_ROOT,
      env: cliEnv(env),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

/** The child's environment: this one without a SIDECARD_SECRET of its own, plus `env`. */
function cliEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const { SIDECARD_SECRET: _ignored, ...rest } = process.env;
  return { ...rest, NO_COLOR: "1", ...env };
}

export interface RunningCli {
  /** The first line the command printed on stdout. */
  firstLine: Promise<string>;
  /** Sends SIGTERM and resolves with the run once the process ended. */
  stop: () => Promise<CliRun>;
  /** The child process id. */
  pid: number;
}

/** Starts a long-running command (preview) in a child process. */
export function startCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): RunningCli {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], { cwd: REPO_ROOT, env: cliEnv(env) });
  let stdout = "";
  let stderr = "";
  let resolveLine: (line: string) => void;
  let rejectLine: (error: Error) => void;
  const firstLine = new Promise<string>((resolve, reject) => {
    resolveLine = resolve;
    rejectLine = reject;
  });
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.includes("\n")) resolveLine(stdout.split("\n")[0]);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<CliRun>((resolve) => {
    child.on("close", (code) => {
      rejectLine(new Error(`the command ended (${code}) before printing a line: ${stderr}`));
      resolve({ code, stdout, stderr });
    });
  });
  return {
    firstLine,
    pid: child.pid!,
    stop: () => {
      child.kill("SIGTERM");
      return closed;
    },
  };
}
