import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { isSafeUrl, parseWidget } from "../../src/index.js";
import { checkLinkUrl, DEFAULT_URL_SCHEMES, normalizeScheme, toSafeIconSrc } from "../../src/parse/url-safety.js";
import { renderWidgetToHTML } from "../../src/testing/index.js";

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

describe("schemes in allowedUrlSchemes", () => {
  test("normalizeScheme trims, lower-cases and drops one trailing colon, nothing else", () => {
    expect(normalizeScheme(" HTTPS: ")).toBe("https");
    expect(normalizeScheme("\tTel\n")).toBe("tel");
    expect(normalizeScheme("mailto")).toBe("mailto");
    expect(normalizeScheme("mailto::")).toBe("mailto:");
    expect(normalizeScheme(":https")).toBe(":https");
    expect(normalizeScheme("a:b")).toBe("a:b");
  });

  test("an allowed scheme written with spaces around it still allows that scheme, and only it", () => {
    expect(checkLinkUrl("tel:+15551234567", [" tel "])).toEqual({ ok: true, href: "tel:+15551234567", scheme: "tel" });
    expect(isSafeUrl("https://x.test/", ["  HTTPS:"])).toBe(true);
    expect(checkLinkUrl("https://x.test/", [":https", "ht:tps"])).toEqual({ ok: false, reason: "unsafe", scheme: "https" });
  });
});

describe("hosts that end in a number", () => {
  // WHATWG URL: a host whose last label is a number (decimal, or 0x and hex digits, "0x" alone
  // included) goes to the IPv4 parser, which refuses the other labels, or a lone number past
  // 2^32 - 1: no URL.
  test.each(["http://a.0x", "http://a.0xa", "http://a.0xA", "http://a.0xf", "http://a.0xF", "http://a.0x9", "http://a.0x0/", "http://a.0x1f.", "https://a.123", "https://a.b.0:80/", "http://4294967296", "http://99999999999/x"])(
    "%j is invalid",
    (url) => {
      expect(checkLinkUrl(url)).toEqual({ ok: false, reason: "invalid" });
      expect(isSafeUrl(url)).toBe(false);
      expect(toSafeIconSrc(url)).toBeNull();
    },
  );

  // A last label that only looks like one is a domain label; a single number up to 2^32 - 1 is an IPv4 address.
  test.each(["http://a.0xg", "http://a.0xg1", "http://a.0x1g", "http://a.1x1f", "http://a.0abc", "http://a.0-1", "http://0xa", "http://a.b9", "http://4294967295", "http://1", "http://a.0x-1"])("%j is a valid http URL", (url) => {
    expect(checkLinkUrl(url)).toEqual({ ok: true, href: url, scheme: "http" });
    expect(isSafeUrl(url)).toBe(true);
    expect(toSafeIconSrc(url)).toBe(url);
  });
});

describe("ports", () => {
  test.each(["http://a:1 /", "http://a:8a", "http://a:80x/", "http://a:-1", "http://a:+80", "http://a:65536/", "https://a:123456", "https://a.test:1:2/"])("%j is invalid", (url) => {
    expect(checkLinkUrl(url)).toEqual({ ok: false, reason: "invalid" });
    expect(isSafeUrl(url)).toBe(false);
  });

  // An empty port and leading zeros are allowed (WHATWG URL, port state).
  test.each(["http://a:0", "http://a:65535/", "http://a:?x", "http://a:/", "http://a:0000000000080", "HTTPS://A.B:443#x"])("%j is valid", (url) => {
    expect(checkLinkUrl(url)).toMatchObject({ ok: true, href: url });
    expect(isSafeUrl(url)).toBe(true);
  });
});

describe("plain URLs are judged without the WHATWG parser", () => {
  // The fast path exists because `new URL` costs microseconds and runs for every link of every
  // payload: the common spellings must not reach it.
  const PLAIN_HTTP = [
    "https://example.com",
    "HTTPS://A.TEST",
    "http://Z.z/",
    "HtTp://a0.b9:9090/x",
    "http://a:65535",
    "http://a:0?q",
    "http://a.b.",
    "https://a-b.example.com/path?q=1#f",
    "https://a.test?q",
    "https://a.test#f",
    "http://1.a",
    "http://a.0xg",
    "http://a.0xg1",
    "http://a.1x1f",
    "http://a.0abc",
    "http://a.0x-1",
    "http://xn-a.test",
    "http://xnz-a.test",
    "http://xz--a.test",
    "http://zn--a.test",
  ];
  const PLAIN_OTHER = ["mailto:ops@x.test", "MAILTO:A@B", "tel:+15551234567", "Tel:1", "tel:"];

  function urlConstructions(run: () => void): number {
    const Real = globalThis.URL;
    let count = 0;
    globalThis.URL = new Proxy(Real, {
      construct(target, args: ConstructorParameters<typeof URL>) {
        count++;
        return new target(...args);
      },
    });
    try {
      run();
    } finally {
      globalThis.URL = Real;
    }
    return count;
  }

  test.each(PLAIN_HTTP)("%j: links, buttons and icons", (url) => {
    expect(urlConstructions(() => expect(checkLinkUrl(url)).toMatchObject({ ok: true }))).toBe(0);
    expect(urlConstructions(() => expect(isSafeUrl(url)).toBe(true))).toBe(0);
    expect(urlConstructions(() => expect(toSafeIconSrc(url)).toBe(url))).toBe(0);
    expect(urlConstructions(() => expect(codes(url)).toEqual([]))).toBe(0);
  });

  test.each(PLAIN_OTHER)("%j: links and buttons", (url) => {
    expect(urlConstructions(() => expect(checkLinkUrl(url)).toMatchObject({ ok: true }))).toBe(0);
    expect(urlConstructions(() => expect(isSafeUrl(url)).toBe(true))).toBe(0);
  });

  test("the counting works: a URL off the fast path is parsed", () => {
    expect(urlConstructions(() => expect(isSafeUrl("http://127.0.0.1/")).toBe(true))).toBeGreaterThan(0);
  });
});

describe("the plain-URL fast path agrees with the WHATWG parser", () => {
  // Strings built from the pieces where the hand-read fast path could go wrong: scheme case,
  // empty and numeric labels, 0x-numbers, punycode, ports past 65535, spaces and non-ASCII.
  const label = fc.constantFrom("a", "example", "com", "0x", "0x1f", "0xg", "123", "1f", "xn--a", "XN--b", "", "-", "é", "a b", "_x", "[::1]");
  const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([labels, dot]) => labels.join(".") + (dot ? "." : ""));
  const port = fc.oneof(fc.constant(""), fc.constantFrom(":", ":0", ":80", ":65535", ":65536", ":99999", ":123456"), fc.integer({ min: 0, max: 999999 }).map((n) => `:${n}`));
  // Past the authority the fast path reads nothing, so the tail is any code units at all:
  // controls, spaces, tabs, lone surrogates, non-ASCII.
  const tail = fc.string({ unit: "binary", maxLength: 8 });
  const rest = fc.oneof(
    fc.constant(""),
    fc.tuple(fc.constantFrom("/", "?", "#", "\\", " ", "\t", "\n", "@", ":"), tail).map(([start, text]) => start + text),
    fc.constantFrom("?a=1", "#x", "/\u00a0", "\\\\x", "/\ud800", "/ \u0000"),
  );
  const scheme = fc.constantFrom("http://", "HTTPS://", "hTtP://", "https:", "mailto:", "TEL:", "javascript:", "ftp://", "//", "");
  const url = fc.oneof(
    fc.tuple(scheme, host, port, rest).map((parts) => parts.join("")),
    fc.tuple(fc.constantFrom("mailto:", "tel:", "MailTo:"), tail).map(([start, text]) => start + text),
  );

  test("checkLinkUrl accepts exactly what new URL parses with an allowed scheme", () => {
    fc.assert(
      fc.property(url, (value) => agreesWithParser(value)),
      { seed: 20261128, numRuns: 5000 },
    );
  });
});

/** The slow truth: the WHATWG parser's scheme, or null when it refuses the string. */
function parsedScheme(value: string): string | null {
  try {
    return new URL(value).protocol.slice(0, -1);
  } catch {
    return null;
  }
}

/** Links, buttons and icons judged by the fast path agree with `new URL` plus the scheme rule. */
function agreesWithParser(value: string): void {
  const expected = parsedScheme(value);
  const allowed = expected !== null && DEFAULT_URL_SCHEMES.includes(expected);
  const check = checkLinkUrl(value);
  expect(check.ok, JSON.stringify(value)).toBe(allowed);
  if (expected !== null) expect(check.scheme, JSON.stringify(value)).toBe(expected);
  expect(isSafeUrl(value), JSON.stringify(value)).toBe(allowed);
  let image = expected === "https" || expected === "http";
  if (expected === "data") image = /^image\/[a-z0-9.+-]+[;,]/i.test(new URL(value).pathname);
  expect(toSafeIconSrc(value), JSON.stringify(value)).toBe(image ? value : null);
}

describe("the fast path agrees with the WHATWG parser on every ASCII code unit in every position", () => {
  // Seeds that reach each branch of the hand-read fast path: both http schemes, mailto/tel,
  // ports, 0x-labels, punycode, upper case. Each code unit below 0x80 is inserted at, and
  // substituted for, every position: the bug this guards against (U+001A folding to ":",
  // U+000F to "/") sat in the scheme, where no random generator put controls.
  const SEEDS = [
    "https://a.example/x?y#z",
    "HTTP://X.TEST:8080/",
    "http://0x1f.example",
    "https://xn--a.test/",
    "mailto:ops@x.test",
    "tel:+15551234567",
    "TEL:1",
    "data:image/png;base64,AA==",
  ];
  const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

  test.each(SEEDS)("%j with one code unit inserted or substituted anywhere", { timeout: 60_000 }, (seed) => {
    for (let at = 0; at <= seed.length; at++) {
      for (const unit of ASCII) {
        agreesWithParser(seed.slice(0, at) + unit + seed.slice(at));
        if (at < seed.length) agreesWithParser(seed.slice(0, at) + unit + seed.slice(at + 1));
      }
    }
  });

  test("the reported case: tel with U+001A for the colon is no tel: URL", () => {
    expect(isSafeUrl("tel\u001a/../../admin/delete-all")).toBe(false);
    expect(checkLinkUrl("tel\u001a/../../admin/delete-all")).toEqual({ ok: false, reason: "invalid" });
    expect(toSafeIconSrc("http\u001a\u000f\u000fevil.test/x.png")).toBeNull();
    expect(codes("tel\u001a/../../admin/delete-all")).toEqual([["invalid_url", "/components/0/url"]]);
    // Rendered: no href that the browser would resolve against the host page, no icon.
    expect(renderWidgetToHTML(link("tel\u001a/../../admin/delete-all"), { mode: "isolate" })).not.toContain("href=");
    const withIcon = { version: "1.0.0", header: { title: "T", icon_url: "http\u001a\u000f\u000fevil.test/x.png" }, components: [] };
    expect(renderWidgetToHTML(withIcon)).not.toContain("<img");
  });

  test("strings over the whole 0x00-0x7F alphabet, alone and after each scheme the fast path knows", { timeout: 60_000 }, () => {
    const ascii = fc.string({ unit: fc.constantFrom(...ASCII), maxLength: 24 });
    const prefix = fc.constantFrom("", "h", "http", "https:", "http:/", "https://", "HTTP://a", "mailto", "mailto:", "tel", "TEL:", "data:image/");
    fc.assert(
      fc.property(prefix, ascii, ascii, (start, middle, end) => agreesWithParser(start + middle + end)),
      { seed: 20261201, numRuns: 20000 },
    );
  });
});
