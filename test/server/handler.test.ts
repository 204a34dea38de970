// @vitest-environment node
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createCustomAppHandler,
  signQuery,
  text,
  toNodeHandler,
  widget,
  type CustomAppContext,
  type CustomAppHandlerOptions,
  type WidgetPayload,
} from "../../src/server/index.js";
import { testServers } from "../host/http-test-server.js";

const SECRET = "s3cr3t";
const validPayload = widget({ title: "Health" }, [text("Plan", "Pro")]);

// Servers live for the whole file (started in beforeAll) and are closed after its tests.
const serve = testServers("all");

/** Starts `toNodeHandler(createCustomAppHandler(options))` on 127.0.0.1 with a free port. */
async function startApp(options: CustomAppHandlerOptions): Promise<{ base: string }> {
  const server = await serve(toNodeHandler(createCustomAppHandler(options), { onError: () => {} }));
  return { base: server.url("/app") };
}

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const body = (await response.json()) as Record<string, unknown>;
  return { response, body };
}

const CONTEXT_QUERY = new URLSearchParams({
  request_type: "fetch_data",
  app_id: "app_1",
  widget_id: "w_9",
  issue_id: "iss_42",
  organization_id: "org_7",
  account_id: "acc_3",
  requester_id: "usr_5",
  requester_email: "jane.doe+vip@example.com",
  extra: "kept",
});

describe("createCustomAppHandler without a secret, over node:http", () => {
  const seen: CustomAppContext[] = [];
  let app: { base: string };

  beforeAll(async () => {
    app = await startApp({
      allowUnsigned: true,
      onError: () => {},
      fetchData: (context) => {
        seen.push(context);
        if (context.issue_id === "throw") throw new Error("database password is hunter2");
        if (context.issue_id === "invalid") {
          return { version: "1.0.0", header: {}, components: [{ type: "text", label: 1 }] } as unknown as WidgetPayload;
        }
        return validPayload;
      },
    });
  });

  it("answers the handshake with the code as JSON", async () => {
    const { response, body } = await getJson(`${app.base}?request_type=verify&code=abc-123`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({ code: "abc-123" });
  });

  it("rejects a handshake without a code with 400", async () => {
    const { response, body } = await getJson(`${app.base}?request_type=verify`);
    expect(response.status).toBe(400);
    expect(body.error).toMatch(/"code"/);
  });

  it("passes every context parameter, the headers and the request to fetchData", async () => {
    const { response, body } = await getJson(`${app.base}?${CONTEXT_QUERY}`, {
      headers: { "X-Api-Key": "configured-in-host" },
    });
    expect(response.status).toBe(200);
    expect(body).toEqual(validPayload);
    const context = seen.at(-1)!;
    expect({
      app_id: context.app_id,
      widget_id: context.widget_id,
      issue_id: context.issue_id,
      organization_id: context.organization_id,
      account_id: context.account_id,
      requester_id: context.requester_id,
      requester_email: context.requester_email,
    }).toEqual({
      app_id: "app_1",
      widget_id: "w_9",
      issue_id: "iss_42",
      organization_id: "org_7",
      account_id: "acc_3",
      requester_id: "usr_5",
      requester_email: "jane.doe+vip@example.com",
    });
    expect(context.headers.get("x-api-key")).toBe("configured-in-host");
    expect(context.query.get("extra")).toBe("kept");
    expect(context.request).toBeInstanceOf(Request);
    expect(new URL(context.request.url).pathname).toBe("/app");
  });

  it("gives absent context parameters as empty strings", async () => {
    await getJson(`${app.base}?request_type=fetch_data&issue_id=only`);
    expect(seen.at(-1)!.issue_id).toBe("only");
    expect(seen.at(-1)!.requester_email).toBe("");
  });

  it("answers 400 naming the request_type received and the ones expected", async () => {
    const unknown = await getJson(`${app.base}?request_type=delete_all`);
    expect(unknown.response.status).toBe(400);
    expect(unknown.body.error).toBe(
      'Unsupported request: got request_type "delete_all"; expected request_type "verify" or "fetch_data".',
    );
    const missing = await getJson(`${app.base}?code=1`);
    expect(missing.response.status).toBe(400);
    expect(missing.body.error).toMatch(/got no request_type parameter; expected request_type "verify" or "fetch_data"/);
  });

  it("answers 405 with Allow: GET for other methods", async () => {
    for (const method of ["POST", "PUT", "DELETE", "HEAD"]) {
      const response = await fetch(`${app.base}?request_type=verify&code=1`, {
        method,
        ...(method === "POST" || method === "PUT" ? { body: "x" } : {}),
      });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
    }
  });

  it("answers 500 with a JSON error and no stack trace when fetchData throws", async () => {
    const response = await fetch(`${app.base}?request_type=fetch_data&issue_id=throw`);
    expect(response.status).toBe(500);
    const raw = await response.text();
    expect(JSON.parse(raw)).toEqual({ error: expect.stringMatching(/fetchData failed/) as string });
    expect(raw).not.toMatch(/hunter2|at |\.ts:|Error:/);
  });

  it("answers 500 with the diagnostics when fetchData returns an invalid payload", async () => {
    const { response, body } = await getJson(`${app.base}?request_type=fetch_data&issue_id=invalid`);
    expect(response.status).toBe(500);
    expect(body.error).toMatch(/does not match Response Schema 1\.0\.0/);
    expect(body.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", code: "invalid_type", path: "/components/0/label" }),
    );
    expect(body.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "error", code: "missing_field", path: "/components/0/value" }),
    );
  });
});

describe("createCustomAppHandler with a secret, over node:http", () => {
  let app: { base: string };
  beforeAll(async () => {
    app = await startApp({ secret: SECRET, fetchData: () => validPayload });
  });

  it("rejects an unsigned handshake and fetch with 401", async () => {
    for (const query of ["request_type=verify&code=1", CONTEXT_QUERY.toString()]) {
      const { response, body } = await getJson(`${app.base}?${query}`);
      expect(response.status).toBe(401);
      expect(body.error).toMatch(/Missing X-Pylon-Signature/);
    }
  });

  it("rejects a wrong signature with 401", async () => {
    const query = CONTEXT_QUERY.toString();
    const wrong = await signQuery(query, "another secret");
    const { response, body } = await getJson(`${app.base}?${query}`, { headers: { "X-Pylon-Signature": wrong } });
    expect(response.status).toBe(401);
    expect(body.error).toMatch(/Invalid X-Pylon-Signature/);
  });

  it("rejects a signature made for different parameters with 401", async () => {
    const signature = await signQuery("request_type=verify&code=1", SECRET);
    const response = await fetch(`${app.base}?request_type=verify&code=2`, { headers: { "X-Pylon-Signature": signature } });
    expect(response.status).toBe(401);
  });

  it("accepts a correctly signed handshake and fetch", async () => {
    const verifyQuery = "request_type=verify&code=c0de";
    const verified = await getJson(`${app.base}?${verifyQuery}`, {
      headers: { "X-Pylon-Signature": await signQuery(verifyQuery, SECRET) },
    });
    expect(verified.response.status).toBe(200);
    expect(verified.body).toEqual({ code: "c0de" });

    const query = CONTEXT_QUERY.toString();
    const fetched = await getJson(`${app.base}?${query}`, {
      headers: { "X-Pylon-Signature": await signQuery(CONTEXT_QUERY, SECRET) },
    });
    expect(fetched.response.status).toBe(200);
    expect(fetched.body).toEqual(validPayload);
  });

  it("accepts the Go-made signature of the fixture's handshake vector", async () => {
    const handler = createCustomAppHandler({ secret: "abc123", fetchData: () => validPayload });
    const response = await handler(
      new Request("http://app.test/?code=0bcb6f583f0e3ca5f034fdd960d6105c&request_type=verify", {
        headers: { "X-Pylon-Signature": "6a1c90503991b0446045531809856b8d15cafa82e0dbb5f0c9857f687fa1e36a" },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: "0bcb6f583f0e3ca5f034fdd960d6105c" });
  });
});

describe("handler options", () => {
  const invalid = { version: "1.0.0", header: {}, components: [{ type: "chart" }] } as unknown as WidgetPayload;

  it("passes an invalid payload through when onInvalidPayload is pass-through", async () => {
    const handler = createCustomAppHandler({ allowUnsigned: true, fetchData: () => invalid, onInvalidPayload: "pass-through" });
    const response = await handler(new Request("http://app.test/?request_type=fetch_data"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(invalid);
  });

  it("validates the JSON it sends, so a toJSON that turns a valid payload into a javascript: link is refused", async () => {
    const disguised = { ...validPayload, toJSON: () => ({ ...validPayload, components: [{ type: "link", label: "Open", url: "javascript:alert(1)" }] }) };
    const app = await startApp({ allowUnsigned: true, onError: () => {}, fetchData: () => disguised });
    const { response, body } = await getJson(`${app.base}?request_type=fetch_data`);
    expect(response.status).toBe(500);
    expect(body.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "unsafe_url", path: "/components/0/url" }));
  });

  it("answers 500 with invalid_root for a fetchData that returns undefined, even with pass-through: there is no JSON to send", async () => {
    for (const onInvalidPayload of ["error", "pass-through"] as const) {
      const app = await startApp({ allowUnsigned: true, onError: () => {}, onInvalidPayload, fetchData: () => undefined as unknown as WidgetPayload });
      const { response, body } = await getJson(`${app.base}?request_type=fetch_data`);
      expect(response.status, onInvalidPayload).toBe(500);
      expect(body.diagnostics, onInvalidPayload).toEqual([expect.objectContaining({ severity: "error", code: "invalid_root", path: "" })]);
    }
  });

  it("reports fetchData failures and invalid payloads to onError, and survives a throwing hook", async () => {
    const onError = vi.fn(() => {
      throw new Error("hook broke");
    });
    const failing = createCustomAppHandler({
      allowUnsigned: true,
      fetchData: () => {
        throw new Error("boom");
      },
      onError,
    });
    const response = await failing(new Request("http://app.test/?request_type=fetch_data&issue_id=i1"));
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "boom" }), expect.objectContaining({ issue_id: "i1" }));

    const invalidHandler = createCustomAppHandler({ allowUnsigned: true, fetchData: () => invalid, onError });
    expect((await invalidHandler(new Request("http://app.test/?request_type=fetch_data"))).status).toBe(500);
    expect(onError).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: "InvalidPayloadError", diagnostics: expect.any(Array) as unknown[] }),
      expect.anything(),
    );
  });

  it("logs a throwing fetchData with console.error by default, with the error itself", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const boom = new Error("database is down");
      const handler = createCustomAppHandler({
        allowUnsigned: true,
        fetchData: () => {
          throw boom;
        },
      });
      const response = await handler(new Request("http://app.test/?request_type=fetch_data&issue_id=i1"));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: "fetchData failed while building the widget; see the app's logs." });
      expect(consoleError).toHaveBeenCalledTimes(1);
      expect(consoleError.mock.calls[0]).toContain(boom);
    } finally {
      consoleError.mockRestore();
    }
  });

  it("warns once at creation when made without a secret, unless allowUnsigned or SIDECARD_ALLOW_UNSIGNED=1", async () => {
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = process.env.SIDECARD_ALLOW_UNSIGNED;
    try {
      delete process.env.SIDECARD_ALLOW_UNSIGNED;
      const unsigned = createCustomAppHandler({ fetchData: () => validPayload });
      expect(consoleWarn).toHaveBeenCalledTimes(1);
      expect(String(consoleWarn.mock.calls[0][0])).toMatch(/without a secret.*allowUnsigned: true.*SIDECARD_ALLOW_UNSIGNED=1/s);
      // Once at creation, not per request.
      await unsigned(new Request("http://app.test/?request_type=verify&code=1"));
      await unsigned(new Request("http://app.test/?request_type=verify&code=2"));
      expect(consoleWarn).toHaveBeenCalledTimes(1);

      createCustomAppHandler({ secret: SECRET, fetchData: () => validPayload });
      createCustomAppHandler({ allowUnsigned: true, fetchData: () => validPayload });
      process.env.SIDECARD_ALLOW_UNSIGNED = "1";
      createCustomAppHandler({ fetchData: () => validPayload });
      expect(consoleWarn).toHaveBeenCalledTimes(1);
    } finally {
      if (before === undefined) delete process.env.SIDECARD_ALLOW_UNSIGNED;
      else process.env.SIDECARD_ALLOW_UNSIGNED = before;
      consoleWarn.mockRestore();
    }
  });

  it("refuses to be created without fetchData or with an empty secret", () => {
    expect(() => createCustomAppHandler({} as CustomAppHandlerOptions)).toThrow(/fetchData/);
    expect(() => createCustomAppHandler({ secret: "", fetchData: () => validPayload })).toThrow(/secret/);
  });
});

describe("toNodeHandler", () => {
  it("streams a handler's body, keeps headers and turns a throwing handler into a 500", async () => {
    const errors: unknown[] = [];
    const server = await serve(
      toNodeHandler(
        (request) => {
          if (request.url.endsWith("/throw")) throw new Error("handler crashed");
          const encoder = new TextEncoder();
          const body = new ReadableStream<Uint8Array>({
            async start(controller) {
              for (const part of ["one,", "two,", "three"]) {
                controller.enqueue(encoder.encode(part));
                await new Promise((resolve) => setTimeout(resolve, 5));
              }
              controller.close();
            },
          });
          const headers = new Headers({ "X-Test": "yes" });
          headers.append("Set-Cookie", "a=1");
          headers.append("Set-Cookie", "b=2");
          return new Response(body, { status: 201, headers });
        },
        { onError: (error) => errors.push(error) },
      ),
    );
    const base = server.url("");
    const streamed = await fetch(`${base}/stream`);
    expect(streamed.status).toBe(201);
    expect(streamed.headers.get("x-test")).toBe("yes");
    expect(streamed.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await streamed.text()).toBe("one,two,three");

    const crashed = await fetch(`${base}/throw`);
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ error: "Internal server error." });
    expect(errors).toHaveLength(1);

    // The server is still up after the crash.
    expect((await fetch(`${base}/stream`)).status).toBe(201);
  });
});
