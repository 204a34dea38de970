import { describe, expect, test } from "vitest";
import { DIAGNOSTIC_SEVERITY, parseWidget, type DiagnosticCode } from "../../src/index.js";
import { DIAGNOSTIC_DOCS, exampleDiagnostic, readTokens, TOKEN_PURPOSE } from "../../stories/docs/doc-data.js";

// The Diagnostics and Theming docs pages are built from these; they must match the library.
describe("docs pages stay in sync with the library", () => {
  const codes = Object.keys(DIAGNOSTIC_SEVERITY) as DiagnosticCode[];

  test("every diagnostic code is documented, and nothing else", () => {
    expect(Object.keys(DIAGNOSTIC_DOCS).sort()).toEqual([...codes].sort());
  });

  test.each(codes)("the documented example for %s really produces it", (code) => {
    const found = exampleDiagnostic(code);
    expect(found, `example for ${code}`).not.toBeNull();
    expect(found!.severity).toBe(DIAGNOSTIC_SEVERITY[code]);
    // Warnings alone never block rendering: an example for a warning must otherwise be valid.
    if (DIAGNOSTIC_SEVERITY[code] === "warning") expect(parseWidget(DIAGNOSTIC_DOCS[code].example).ok).toBe(true);
  });

  test("every --sc- token in tokens.css is documented with its light and dark value", () => {
    const tokens = readTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(30);
    expect(tokens.filter((t) => !TOKEN_PURPOSE[t.name]).map((t) => t.name)).toEqual([]);
    expect(Object.keys(TOKEN_PURPOSE).filter((name) => !tokens.some((t) => t.name === name))).toEqual([]);
    const text = tokens.find((t) => t.name === "--sc-color-text")!;
    expect(text.light).toMatch(/^#/);
    expect(text.dark).toMatch(/^#/);
    expect(text.dark).not.toBe(text.light);
  });

  test("the documented token values are the ones the browser resolves", () => {
    const probe = document.createElement("div");
    probe.className = "sc-widget";
    document.body.append(probe);
    try {
      for (const theme of ["light", "dark"] as const) {
        probe.dataset.theme = theme;
        for (const token of readTokens().filter((t) => t.name.includes("color") || /^--sc-badge-[a-z]+-(background|text)$/.test(t.name))) {
          const probeColor = document.createElement("span");
          probeColor.className = `sc-doc-probe`;
          probe.append(probeColor);
          const expected = document.createElement("span");
          probe.append(expected);
          // Compare the token's resolved color with the documented literal, both resolved by the browser.
          const sheet = new CSSStyleSheet();
          // Styles read color tokens through their private copy on the widget root when there is one.
          const privateName = token.name.replace("--sc-", "--_sc-");
          const used = getComputedStyle(probe).getPropertyValue(privateName) ? privateName : token.name;
          sheet.replaceSync(`.sc-doc-probe { color: var(${used}); } .sc-doc-expected { color: ${token[theme]}; }`);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          expected.className = "sc-doc-expected";
          expect(getComputedStyle(probeColor).color, `${token.name} (${theme})`).toBe(getComputedStyle(expected).color);
          document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
          probeColor.remove();
          expected.remove();
        }
      }
    } finally {
      probe.remove();
    }
  });
});
