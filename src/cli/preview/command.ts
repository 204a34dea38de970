import { existsSync } from "node:fs";
import { EXIT_OK, EXIT_UNUSABLE, UsageError, type CliIo } from "../cli-io.js";
import { readSecret, SECRET_HELP, SECRET_OPTIONS, parseCommandArgs } from "../options.js";
import { isUrl } from "../read-input.js";
import { startPreviewServer, type PreviewTarget } from "./server.js";

export const PREVIEW_HELP = `Usage: sidecard preview [url | payload.json] [options]

Opens a local host simulator on http://127.0.0.1: it does the handshake (with retry), lets you
edit the context parameters, calls the app from the preview server (no CORS needed), signs the
requests with --secret, and renders the widget at sidebar widths 280/360/420 in light or dark,
with its diagnostics and raw JSON. A design tool too: edit the payload beside the widget in a
mock issue view (errors at line and column), compare light/dark at every width in a matrix,
and copy a share link that carries the payload in the URL fragment (sent nowhere).

  url             a running custom app endpoint, e.g. http://localhost:3000/
  payload.json    a payload file, served as an app and watched: the page updates on save
  (nothing)       the built-in example app (examples/account-health, made with sidecard/server)

Options:
${SECRET_HELP}
                      (file and example apps then require signed requests)
  --port N            port for the preview page (default 4100; 0 picks a free one)
  --embed TEMPLATE    also show an iframe app under the widget, its URL a template filled from
                      the context: https://app.example.com/issues/{{issue.id}}?who={{requester.email}}
  -h, --help          show this help
`;

export async function runPreview(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...SECRET_OPTIONS,
    port: { type: "string" },
    embed: { type: "string" },
  });
  if (values.help) {
    io.stdout(PREVIEW_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`preview takes one url or payload file; got ${positionals.length}.`);
  const port = values.port === undefined ? 4100 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535; got ${JSON.stringify(values.port)}.`);
  }
  const secret = readSecret(values);

  const [argument] = positionals;
  let target: PreviewTarget;
  if (argument === undefined) target = { kind: "example" };
  else if (isUrl(argument)) target = { kind: "url", url: argument };
  else if (existsSync(argument)) target = { kind: "file", path: argument };
  else {
    io.stderr(`sidecard preview: ${argument}: file not found (expected an http(s) URL or a payload file).\n`);
    return EXIT_UNUSABLE;
  }

  let preview;
  try {
    preview = await startPreviewServer({ target, secret, port, embed: values.embed });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "EADDRINUSE" ? `port ${port} is in use; pick another with --port` : (error as Error).message;
    io.stderr(`sidecard preview: ${message}\n`);
    return EXIT_UNUSABLE;
  }
  io.stdout(`sidecard preview: open ${preview.url}\n  app: ${preview.appUrl}${secret ? " (signed requests)" : ""}\n  press Ctrl+C to stop\n`);

  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void preview.close().then(resolveStop);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return EXIT_OK;
}
