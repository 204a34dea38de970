import { describe, expect, test } from "vitest";
import { isSafeUrl, parseWidget } from "../../src/index.js";

const link = (url: unknown) => ({ version: "1.0.0", header: {}, components: [{ type: "link", label: "Go", url }] });
const codes = (url: unknown, options?: Parameters<typeof parseWidget>[1]) => parseWidget(link(url), options).diagnostics.map((d) => [d.code, d.path]);

describe("URL safety", () => {
  test.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    "\u0000javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\r\nscript:alert(1)",
    "\u001fjavascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "blob:https://x.test/uuid",
    "ftp://x.test/a",
  ])("rejects %j as unsafe_url", (url) => {
    expect(codes(url)).toEqual([["unsafe_url", "/components/0/url"]]);
    expect(isSafeUrl(url)).toBe(false);
  });

  test.each(["/admin", "admin/users", "//evil.test/x", "", "   ", "https://exa mple.com", "http://[::1"])("rejects %j as invalid_url", (url) => {
    expect(codes(url)).toEqual([["invalid_url", "/components/0/url"]]);
    expect(isSafeUrl(url)).toBe(false);
  });

  test.each(["https://x.test/a?b=1#c", "http://127.0.0.1:8080", "mailto:ops@x.test", "tel:+15551234567", "HTTPS://X.TEST"])("accepts %j", (url) => {
    expect(codes(url)).toEqual([]);
    expect(isSafeUrl(url)).toBe(true);
  });

  test("allowedUrlSchemes replaces the default list; case and a trailing colon do not matter", () => {
    expect(codes("slack://channel?id=1", { allowedUrlSchemes: ["https", "Slack:"] })).toEqual([]);
    expect(codes("mailto:a@x.test", { allowedUrlSchemes: ["https"] })).toEqual([["unsafe_url", "/components/0/url"]]);
    expect(codes("javascript:alert(1)", { allowedUrlSchemes: ["https"] })).toEqual([["unsafe_url", "/components/0/url"]]);
  });

  test("buttons are judged by the same rule", () => {
    const result = parseWidget({
      version: "1.0.0",
      header: {},
      components: [{ type: "button", label: "Go", button_type: "link", url: " javascript:alert(1)" }],
    });
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([["unsafe_url", "/components/0/url"]]);
  });
});
