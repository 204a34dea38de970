import { describe, expect, it } from "vitest";
import { buildEmbedUrl, type EmbedValues } from "../../src/host/index.js";

const values: EmbedValues = {
  issue: { id: "iss_42", number: 1042 },
  account: { id: "acc_acme", name: "Acme & Sons" },
  requester: { id: "usr_5", email: "jane+billing@acme.example" },
  organization: { id: "org_7" },
  custom_fields: { tier: "gold", region: "eu/west", empty: "" },
};

function refused(template: string, v: EmbedValues | null = values) {
  const result = buildEmbedUrl(template, v);
  if (result.ok) throw new Error(`expected ${template} to be refused, got ${result.url}`);
  return result.diagnostics;
}

describe("buildEmbedUrl", () => {
  it("fills variables from the nested values, with optional spaces inside the braces", () => {
    expect(buildEmbedUrl("https://app.example.com/issues/{{issue.id}}?account={{ account.id }}&tier={{custom_fields.tier}}", values)).toEqual({
      ok: true,
      url: "https://app.example.com/issues/iss_42?account=acc_acme&tier=gold",
    });
    expect(buildEmbedUrl("https://app.example.com/n/{{issue.number}}", values)).toEqual({ ok: true, url: "https://app.example.com/n/1042" });
  });

  it("keeps a template with no variables as it is", () => {
    expect(buildEmbedUrl("https://app.example.com/embed?x=1#top", {})).toEqual({ ok: true, url: "https://app.example.com/embed?x=1#top" });
  });

  it("percent-encodes a path value so /, ? and # stay inside the segment", () => {
    const result = buildEmbedUrl("https://app.example.com/a/{{custom_fields.v}}/b", { custom_fields: { v: "x/y?z#w" } });
    expect(result).toEqual({ ok: true, url: "https://app.example.com/a/x%2Fy%3Fz%23w/b" });
    if (result.ok) expect(new URL(result.url).pathname).toBe("/a/x%2Fy%3Fz%23w/b");
  });

  it("percent-encodes a query value so &, =, + and # cannot add parameters or end the query", () => {
    const result = buildEmbedUrl("https://app.example.com/?email={{requester.email}}&name={{account.name}}&v={{custom_fields.v}}", {
      ...values,
      custom_fields: { v: "a=1&admin=true#frag" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const url = new URL(result.url);
    expect([...url.searchParams.keys()]).toEqual(["email", "name", "v"]);
    expect(url.searchParams.get("email")).toBe("jane+billing@acme.example");
    expect(url.searchParams.get("name")).toBe("Acme & Sons");
    expect(url.searchParams.get("v")).toBe("a=1&admin=true#frag");
    expect(url.hash).toBe("");
    expect(result.url).toContain("email=jane%2Bbilling%40acme.example");
  });

  it("percent-encodes a fragment value", () => {
    const result = buildEmbedUrl("https://app.example.com/#/accounts/{{account.name}}", values);
    expect(result).toEqual({ ok: true, url: "https://app.example.com/#/accounts/Acme%20%26%20Sons" });
  });

  it("reports an unknown variable with its position", () => {
    const template = "https://app.example.com/{{issue.title}}";
    const [d, ...rest] = refused(template);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "unknown_variable", index: template.indexOf("{{"), length: "{{issue.title}}".length, variable: "issue.title" });
    expect(d.message).toContain("{{issue.title}} at index 24 is not a known variable");
  });

  it("reports every missing variable with its position, and treats null and empty as missing", () => {
    const template = "https://app.example.com/{{issue.id}}?r={{requester.email}}&e={{custom_fields.empty}}&n={{custom_fields.nope}}";
    const diagnostics = refused(template, { issue: { id: null }, custom_fields: { empty: "" } });
    expect(diagnostics.map((d) => [d.code, d.variable, d.index])).toEqual([
      ["missing_variable", "issue.id", template.indexOf("{{issue.id}}")],
      ["missing_variable", "requester.email", template.indexOf("{{requester.email}}")],
      ["missing_variable", "custom_fields.empty", template.indexOf("{{custom_fields.empty}}")],
      ["missing_variable", "custom_fields.nope", template.indexOf("{{custom_fields.nope}}")],
    ]);
    expect(diagnostics[1].message).toBe(`{{requester.email}} at index ${template.indexOf("{{requester")} has no value; expected values.requester.email to be set.`);
  });

  it("does not read inherited properties as custom fields", () => {
    expect(refused("https://app.example.com/{{custom_fields.constructor}}", { custom_fields: {} })[0].code).toBe("missing_variable");
  });

  it("refuses objects and non-finite numbers as values", () => {
    const bad = { custom_fields: { o: { a: 1 } as unknown as string, n: Number.NaN } };
    expect(refused("https://app.example.com/{{custom_fields.o}}/{{custom_fields.n}}", bad).map((d) => d.code)).toEqual(["invalid_value", "invalid_value"]);
  });

  it("refuses a path value of . or .., which would move up the path even encoded", () => {
    const [d] = refused("https://app.example.com/a/{{custom_fields.v}}/b", { custom_fields: { v: ".." } });
    expect(d).toMatchObject({ code: "invalid_value", variable: "custom_fields.v" });
    // In the query the same value is harmless data.
    expect(buildEmbedUrl("https://app.example.com/a?v={{custom_fields.v}}", { custom_fields: { v: ".." } })).toEqual({ ok: true, url: "https://app.example.com/a?v=.." });
  });

  it.each([
    ["the host", "https://{{custom_fields.v}}/x"],
    ["a host label", "https://{{custom_fields.v}}.example.com/x"],
    ["the end of the host", "https://app.example.com{{custom_fields.v}}/x"],
    ["the port", "https://app.example.com:{{custom_fields.v}}/x"],
    ["the userinfo", "https://{{custom_fields.v}}@app.example.com/x"],
    ["the scheme", "{{custom_fields.v}}://app.example.com/x"],
    ["the whole URL", "{{custom_fields.v}}"],
  ])("refuses a variable in %s", (_where, template) => {
    const diagnostics = refused(template, { custom_fields: { v: "evil.example" } });
    const origin = diagnostics.find((d) => d.code === "variable_in_origin");
    expect(origin).toMatchObject({ index: template.indexOf("{{"), variable: "custom_fields.v" });
  });

  it("a value can never change the host: @, \\ and : are encoded in the path", () => {
    for (const v of ["@evil.example", "\\\\evil.example", "//evil.example", "evil.example:443", "..%2f..%2f"]) {
      const result = buildEmbedUrl("https://app.example.com/{{custom_fields.v}}", { custom_fields: { v } });
      expect(result.ok).toBe(true);
      if (result.ok) expect(new URL(result.url).origin).toBe("https://app.example.com");
    }
  });

  it("refuses a template that is not an absolute http(s) URL, with the same rule as links", () => {
    expect(refused("javascript:alert({{issue.id}})")).toContainEqual(expect.objectContaining({ code: "unsafe_url" }));
    expect(refused("JavaScript:alert(1)")[0]).toMatchObject({ code: "unsafe_url", message: expect.stringContaining("javascript:") as string });
    expect(refused("data:text/html,hi")[0].code).toBe("unsafe_url");
    expect(refused("mailto:{{requester.email}}")).toContainEqual(expect.objectContaining({ code: "unsafe_url" }));
    expect(refused("/relative/{{issue.id}}")).toContainEqual(expect.objectContaining({ code: "invalid_url" }));
    expect(refused("https://exa mple.com/")[0].code).toBe("invalid_url");
    expect(buildEmbedUrl("http://localhost:8080/{{issue.id}}", values)).toEqual({ ok: true, url: "http://localhost:8080/iss_42" });
  });

  it("reports a malformed variable with its position", () => {
    const template = "https://app.example.com/{{issue.id";
    expect(refused(template)[0]).toMatchObject({ code: "malformed_variable", index: 24 });
    expect(refused("https://app.example.com/{{ }}")[0]).toMatchObject({ code: "malformed_variable", index: 24, length: 5 });
    expect(refused("https://app.example.com/{{issue id}}")[0].code).toBe("malformed_variable");
  });

  it("bounds the template and the URL", () => {
    expect(refused(`https://app.example.com/${"a".repeat(9000)}`)[0].code).toBe("template_too_long");
    expect(refused("https://app.example.com/{{custom_fields.v}}", { custom_fields: { v: "b".repeat(20000) } })[0].code).toBe("url_too_long");
  });

  it("never throws on input of the wrong type", () => {
    expect(buildEmbedUrl(42 as unknown as string, values).ok).toBe(false);
    expect(refused("https://app.example.com/{{issue.id}}", null)[0].code).toBe("missing_variable");
    expect(refused("https://app.example.com/{{issue.id}}", { issue: "x" } as unknown as EmbedValues)[0].code).toBe("missing_variable");
  });

  it("sends a lone surrogate in a value as U+FFFD, as URLSearchParams does, instead of throwing", () => {
    expect(buildEmbedUrl("https://app.example.com/issues/{{issue.id}}", { issue: { id: "abc\uD83D" } })).toEqual({ ok: true, url: "https://app.example.com/issues/abc%EF%BF%BD" });
    // A lone low surrogate too; a whole pair stays the emoji.
    expect(buildEmbedUrl("https://app.example.com/{{issue.id}}x", { issue: { id: "\uDE00a\uD83D\uDE00" } })).toEqual({ ok: true, url: "https://app.example.com/%EF%BF%BDa%F0%9F%98%80x" });
    const broken = "Zoë 😀".slice(0, 5); // cut inside the emoji
    const result = buildEmbedUrl("https://app.example.com/?n={{custom_fields.name}}", { custom_fields: { name: broken } });
    expect(result.ok && new URL(result.url).searchParams.get("n")).toBe(new URLSearchParams(new URLSearchParams({ n: broken }).toString()).get("n"));
  });
});
