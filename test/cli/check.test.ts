// @vitest-environment node
// `sidecard check` as a real process against real node:http apps: one made with sidecard/server,
// and apps that get the protocol wrong in each way.
import { mkdtempSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/cli/check.js";
import { createCustomAppHandler, text, toNodeHandler, widget } from "../../src/server/index.js";
import { streamForever, testServers, unusedPort } from "../host/http-test-server.js";
import { runCli } from "./run-cli.js";

const SECRET = "check-secret";
const GOOD = JSON.stringify({ version: "1.0.0", header: { title: "CRM" }, components: [{ type: "text", label: "Plan", value: "Pro" }] });
const INVALID = JSON.stringify({ version: "1.0.0", header: {}, components: [{ type: "text", label: 7, value: "x" }] });

const seen: Array<{ path: string; query: URLSearchParams; headers: IncomingMessage["headers"] }> = [];
const redirectTargetSaw: string[] = [];
const serve = testServers("all");
let base: string;

function json(res: ServerResponse, status: number, body: string, type = "application/json") {
  res.writeHead(status, { "Content-Type": type }).end(body);
}

beforeAll(async () => {
  const target = await serve((req, res) => {
    redirectTargetSaw.push(req.url ?? "");
    json(res, 200, GOOD);
  });
  const targetOrigin = target.url("");

  const kit = toNodeHandler(
    createCustomAppHandler({
      secret: SECRET,
      fetchData: ({ requester_email, issue_id }) => widget({ title: "CRM" }, [text("Requester", requester_email || "none"), text("Issue", issue_id || "none")]),
    }),
  );
  const unsignedKit = toNodeHandler(createCustomAppHandler({ fetchData: () => widget({ title: "Open" }, [text("Plan", "Pro")]) }), {});

  const server = await serve((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const app = url.pathname.split("/")[1];
    seen.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const verify = url.searchParams.get("request_type") === "verify";
    const code = url.searchParams.get("code") ?? "";
    switch (app) {
      case "good":
        return void kit(req, res);
      case "accepts-anything":
        // Ignores the signature: answers everyone.
        return void unsignedKit(req, res);
      case "wrong-code":
        return verify ? json(res, 200, JSON.stringify({ code: "0000" })) : json(res, 200, GOOD);
      case "wrong-status":
        return verify ? json(res, 500, JSON.stringify({ error: "boom" })) : json(res, 200, GOOD);
      case "wrong-type":
        return verify ? json(res, 200, code, "text/html") : json(res, 200, GOOD);
      case "text-plain":
        return verify ? json(res, 200, `${code}\n`, "text/plain") : json(res, 200, GOOD, "text/plain");
      case "redirect":
        res.writeHead(302, { Location: `${targetOrigin}${req.url}` }).end();
        return;
      case "too-large": {
        if (verify) return json(res, 200, JSON.stringify({ code }));
        return streamForever(res, "application/json");
      }
      case "slow":
        if (verify) return json(res, 200, JSON.stringify({ code }));
        setTimeout(() => !res.destroyed && json(res, 200, GOOD), 2_000).unref();
        return;
      case "invalid-widget":
        return verify ? json(res, 200, JSON.stringify({ code })) : json(res, 200, INVALID);
      case "breaks":
        // Answers, then cuts the connection mid-body: a problem found, not "could not run".
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write('{"code":');
        setTimeout(() => res.destroy(), 20);
        return;
      case "not-json":
        return verify ? json(res, 200, JSON.stringify({ code })) : json(res, 200, "<html>oops</html>");
      default:
        return json(res, 404, JSON.stringify({ error: "no such app" }));
    }
  });
  base = server.url("");
});

async function check(path: string, ...args: string[]): Promise<{ code: number | null; report: CheckReport; stderr: string }> {
  const run = await runCli(["check", "--json", ...args, `${base}${path}`]);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport, stderr: run.stderr };
}

const step = (report: CheckReport, kind: string) => report.steps.filter((s) => s.kind === kind);

describe("sidecard check", { timeout: 60_000 }, () => {
  it("passes a good app made with sidecard/server, with a secret: handshake, samples, signature probes", async () => {
    seen.length = 0;
    const { code, report } = await check("/good", "--secret", SECRET, "--context", "issue_id=iss_7");
    expect(code).toBe(0);
    expect(report).toMatchObject({ conformant: true, exitCode: 0, errors: 0, signed: true });
    expect(report.steps.map((s) => [s.kind, s.status])).toEqual([
      ["handshake", "pass"],
      ["fetch_data", "pass"],
      ["fetch_data", "pass"],
      ["fetch_data", "pass"],
      ["wrong_signature", "pass"],
      ["missing_signature", "pass"],
    ]);
    // Every context parameter was sent; --context set issue_id; one sample left the optional ones empty.
    const fetches = seen.filter((r) => r.query.get("request_type") === "fetch_data");
    expect(fetches[0].query.get("issue_id")).toBe("iss_7");
    expect(fetches[1].query.get("requester_email")).toBe("");
    expect(fetches[1].query.has("requester_email")).toBe(true);
    expect(fetches[2].query.get("requester_email")).toBe("jane+<vip>&co@example.com");
    expect(step(report, "wrong_signature")[0].request.status).toBe(401);
    expect(step(report, "missing_signature")[0].request.status).toBe(401);
    // The handshake used a fresh code.
    const handshakeCode = seen.find((r) => r.query.get("request_type") === "verify")!.query.get("code");
    expect(handshakeCode).toMatch(/^[0-9a-f]{32}$/);
    expect(step(report, "fetch_data")[0].request).toMatchObject({ status: 200, contentType: "application/json; charset=utf-8", redirect: null });
    expect(step(report, "fetch_data")[0].request.bytes).toBeGreaterThan(0);
  });

  it("prints a readable report and exits 0 for a good app", async () => {
    const run = await runCli(["check", "--secret", SECRET, `${base}/good`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sidecard check http:\/\/127\.0\.0\.1:\d+\/good\n/);
    expect(run.stdout).toMatch(/host limits: 10 s per request, answers up to 1 MiB \(handshake 64 KiB\), redirects refused, signed requests/);
    expect(run.stdout).toMatch(/^PASS {2}handshake \(code [0-9a-f]{32}\)$/m);
    expect(run.stdout).toMatch(/^PASS {2}fetch_data with a wrong signature$/m);
    expect(run.stdout).toMatch(/^conformant: 0 problems, 0 warnings$/m);
  });

  it("fails an app that accepts a wrong signature (and none)", async () => {
    const { code, report } = await check("/accepts-anything", "--secret", SECRET);
    expect(code).toBe(1);
    expect(report.conformant).toBe(false);
    expect(step(report, "handshake")[0].status).toBe("pass");
    expect(step(report, "wrong_signature")[0]).toMatchObject({ status: "fail", findings: [{ severity: "error", message: expect.stringMatching(/accepted a request with a wrong X-Pylon-Signature \(HTTP 200\)/) as string }] });
    expect(step(report, "missing_signature")[0].status).toBe("fail");
  });

  it.each([
    ["/wrong-code", "wrong_code", /answered the code "0000"; expected "[0-9a-f]{32}"/],
    ["/wrong-status", "http", /answered HTTP 500 Internal Server Error; expected 200 with the code.*It said: "boom"/],
    ["/wrong-type", "wrong_content_type", /answered with Content-Type text\/html; expected application\/json/],
  ])("fails the handshake of %s (%s), naming what was found and expected", async (path, failure, message) => {
    const { code, report } = await check(path);
    expect(code).toBe(1);
    expect(step(report, "handshake")[0]).toMatchObject({ status: "fail", failure, findings: [{ severity: "error", message: expect.stringMatching(message) as string }] });
  });

  it("accepts a text/plain handshake, and warns about a text/plain widget answer", async () => {
    const { code, report } = await check("/text-plain");
    expect(code).toBe(0);
    expect(step(report, "handshake")[0].status).toBe("pass");
    expect(step(report, "fetch_data")[0]).toMatchObject({ status: "warn", findings: [{ severity: "warning", message: expect.stringMatching(/Content-Type is "text\/plain"; expected application\/json/) as string }] });
  });

  it("fails a redirect, says where it pointed, and sends nothing to the target", async () => {
    redirectTargetSaw.length = 0;
    const { code, report } = await check("/redirect", "--secret", SECRET, "--header", "X-Api-Key: k");
    expect(code).toBe(1);
    expect(step(report, "handshake")[0]).toMatchObject({ status: "fail", failure: "http", request: { status: 302 } });
    const fetched = step(report, "fetch_data")[0];
    expect(fetched).toMatchObject({ status: "fail", failure: "http", request: { status: 302, redirect: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/redirect\?/) as string } });
    expect(fetched.findings[0].message).toMatch(/Redirects are not followed/);
    expect(redirectTargetSaw).toEqual([]);
  });

  it("fails an answer past the size limit (--max-bytes)", async () => {
    const { code, report } = await check("/too-large", "--max-bytes", "200000");
    expect(code).toBe(1);
    expect(report.limits.maxBytes).toBe(200000);
    expect(step(report, "fetch_data")[0]).toMatchObject({ status: "fail", failure: "too_large", findings: [{ message: expect.stringMatching(/larger than the limit of 200000 bytes/) as string }] });
  });

  it("fails a slow app at the host's time limit (--timeout), and warns when close to it", async () => {
    const slow = await check("/slow", "--timeout", "500");
    expect(slow.code).toBe(1);
    expect(step(slow.report, "fetch_data")[0]).toMatchObject({ status: "fail", failure: "timeout", findings: [{ message: "The app did not answer within 500 ms." }] });
    const close = await check("/slow", "--timeout", "3000");
    expect(close.code).toBe(0);
    expect(step(close.report, "fetch_data")[0]).toMatchObject({ status: "warn", findings: [{ severity: "warning", message: expect.stringMatching(/took 2(\.\d)? s, more than half the host's limit of 3 s/) as string }] });
  });

  it("fails an invalid widget and lists its diagnostics with paths", async () => {
    const { code, report } = await check("/invalid-widget");
    expect(code).toBe(1);
    const fetched = step(report, "fetch_data")[0];
    expect(fetched.status).toBe("fail");
    expect(fetched.diagnostics).toContainEqual(expect.objectContaining({ path: "/components/0/label", code: "invalid_type", severity: "error" }));
    const run = await runCli(["check", `${base}/invalid-widget`]);
    expect(run.stdout).toMatch(/^FAIL {2}fetch_data, every context value$/m);
    expect(run.stdout).toMatch(/^ {8}\/components\/0\/label: error: .*\[invalid_type\]$/m);
    expect(run.stdout).toMatch(/^not conformant: \d+ problems?, \d+ warnings?$/m);
  });

  it("fails an app that answers and then breaks the connection (exit 1, not 2)", async () => {
    const { code, report } = await check("/breaks");
    expect(code).toBe(1);
    expect(step(report, "handshake")[0]).toMatchObject({ status: "fail", failure: "network", request: { status: 200 } });
    expect(step(report, "handshake")[0].findings[0].message).toMatch(/broke while reading its answer/);
    expect(step(report, "fetch_data")).toHaveLength(2);
  });

  it("fails an answer that is not JSON", async () => {
    const { code, report } = await check("/not-json");
    expect(code).toBe(1);
    expect(step(report, "fetch_data")[0]).toMatchObject({ status: "fail", failure: "not_json" });
  });

  it("exits 2 when nothing answers, or for bad options", async () => {
    const port = await unusedPort();
    const down = await runCli(["check", `http://127.0.0.1:${port}/app`]);
    expect(down.code).toBe(2);
    expect(down.stdout).toMatch(/Could not run: Could not reach the app at .*ECONNREFUSED/);

    expect((await runCli(["check"])).code).toBe(2);
    const context = await runCli(["check", "--context", "ticket=1", `${base}/good`]);
    expect(context.code).toBe(2);
    expect(context.stderr).toMatch(/--context "ticket=1": expected key=value with key one of app_id, widget_id/);
    const header = await runCli(["check", "--header", "X-Key: a\nInjected: 1", `${base}/good`]);
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/"X-Key" has a value with a line break/);
    const notUrl = await runCli(["check", "ftp://example.com/"]);
    expect(notUrl.code).toBe(2);
  });

  it("reads the secret from --secret-file and SIDECARD_SECRET", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sidecard-check-")), "secret");
    writeFileSync(file, `${SECRET}\n`);
    expect((await runCli(["check", "--secret-file", file, `${base}/good`])).code).toBe(0);
    expect((await runCli(["check", `${base}/good`], undefined, { SIDECARD_SECRET: SECRET })).code).toBe(0);
    // Without the secret the good app refuses everything: problems found.
    expect((await runCli(["check", `${base}/good`])).code).toBe(1);
  });
});
