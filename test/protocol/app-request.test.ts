// @vitest-environment node
// The one rule for the request a host, the proxy and the preview send to an app.
import { describe, expect, it } from "vitest";
import { ACCEPT, buildRequestHeaders, fetchDataParams, signedHeaders, verifyParams, withProtocolParams } from "../../src/protocol/app-request.js";
import { CONTEXT_PARAMS } from "../../src/protocol/params.js";
import { verifySignature } from "../../src/protocol/signature.js";

describe("withProtocolParams", () => {
  it("keeps the app URL's own parameters and sets the protocol's over them, each once", () => {
    const base = new URL("https://app.example.com/pylon?tenant=acme&code=stale&request_type=x#frag");
    const url = withProtocolParams(base, verifyParams("c-1"));
    expect(url.searchParams.getAll("tenant")).toEqual(["acme"]);
    expect(url.searchParams.getAll("code")).toEqual(["c-1"]);
    expect(url.searchParams.getAll("request_type")).toEqual(["verify"]);
    expect(url.pathname).toBe("/pylon");
    expect(base.search).toBe("?tenant=acme&code=stale&request_type=x"); // the base is not changed
  });

  it("encodes values so the app reads back exactly what was set", () => {
    const url = withProtocolParams(new URL("https://app.example.com/"), { requester_email: "a+b@x.test", issue_id: "1&2=3" });
    expect(url.searchParams.get("requester_email")).toBe("a+b@x.test");
    expect(url.searchParams.get("issue_id")).toBe("1&2=3");
  });
});

describe("fetchDataParams", () => {
  it("is request_type then the seven context parameters in wire order, empty for what is missing", () => {
    const params = fetchDataParams({ issue_id: "iss_1", account_id: null });
    expect(Object.keys(params)).toEqual(["request_type", ...CONTEXT_PARAMS]);
    expect(params).toMatchObject({ request_type: "fetch_data", issue_id: "iss_1", account_id: "", app_id: "" });
    expect(fetchDataParams(undefined).requester_email).toBe("");
  });
});

describe("buildRequestHeaders", () => {
  const url = new URL("https://app.example.com/?tenant=acme&request_type=verify&code=abc");

  it("sends the custom headers and the request type's Accept unless they set one", async () => {
    const headers = await buildRequestHeaders(url, { "X-Api-Key": "k" }, ACCEPT.verify, undefined);
    expect(headers.get("x-api-key")).toBe("k");
    expect(headers.get("accept")).toBe("application/json, text/plain");
    expect((await buildRequestHeaders(url, { Accept: "application/vnd.app+json" }, ACCEPT.fetch_data, undefined)).get("accept")).toBe("application/vnd.app+json");
  });

  it("signs the exact query string sent", async () => {
    const headers = await buildRequestHeaders(url, undefined, ACCEPT.verify, "s3cr3t");
    expect(await verifySignature("tenant=acme&request_type=verify&code=abc", headers.get("x-pylon-signature"), "s3cr3t")).toBe(true);
    expect(await verifySignature("request_type=verify&code=abc", headers.get("x-pylon-signature"), "s3cr3t")).toBe(false);
  });

  it("replaces a signature the custom headers carry, and sends none without a secret", async () => {
    const forged = { "X-Pylon-Signature": "0".repeat(64) };
    const signed = await buildRequestHeaders(url, forged, ACCEPT.verify, "s3cr3t");
    expect(signed.get("x-pylon-signature")).not.toBe("0".repeat(64));
    expect((await buildRequestHeaders(url, forged, ACCEPT.verify, undefined)).has("x-pylon-signature")).toBe(false);
  });

  it("signedHeaders names why signing failed instead of rejecting", async () => {
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, "subtle");
    Object.defineProperty(globalThis.crypto, "subtle", { value: undefined, configurable: true });
    try {
      const result = await signedHeaders(url, undefined, ACCEPT.verify, "s3cr3t");
      expect(result).toMatch(/^The request could not be signed \(.+\); signing needs Web Crypto/);
      expect(await signedHeaders(url, undefined, ACCEPT.verify, undefined)).toBeInstanceOf(Headers);
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, "subtle", subtle);
    }
  });
});
