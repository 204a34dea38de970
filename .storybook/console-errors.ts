import type { StoryContext } from "@storybook/react-vite";

/**
 * Story tests fail on console errors. A story that provokes one on purpose (a throwing host
 * override: React reports every error an error boundary catches) lists the messages it expects:
 *
 *   parameters: { consoleErrors: { allow: [/Override exploded/] } }
 *
 * Storybook runs project-level `beforeEach` before the story renders and `afterEach` after its
 * play function (the same hook the a11y addon uses), in the UI and in Vitest alike.
 */
export interface ConsoleErrorsParameter {
  allow?: RegExp[];
}

let recorded: unknown[][] = [];

export function watchConsoleErrors() {
  recorded = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    recorded.push(args);
    original.apply(console, args);
  };
  return () => {
    console.error = original;
  };
}

export function failOnConsoleErrors({ parameters }: StoryContext) {
  const allow = (parameters.consoleErrors as ConsoleErrorsParameter | undefined)?.allow ?? [];
  const unexpected = recorded.map(describeCall).filter((message) => !allow.some((pattern) => pattern.test(message)));
  recorded = [];
  if (unexpected.length > 0) {
    throw new Error(`The story logged ${unexpected.length} unexpected console error(s):\n${unexpected.join("\n---\n")}`);
  }
}

function describeCall(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(" ");
}
