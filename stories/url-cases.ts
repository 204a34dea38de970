import { expect } from "storybook/test";

/** Spellings of dangerous URLs a browser would still run; none may reach an `href`. */
export const UNSAFE_URLS = [
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "  javascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
] as const;

/** Asserts that no element under `root` carries an unsafe scheme in an `href` (or any other attribute). */
export async function expectNoUnsafeHref(root: HTMLElement) {
  for (const element of root.querySelectorAll("[href]")) {
    const href = element.getAttribute("href") ?? "";
    // As a browser reads a scheme: C0 controls and spaces (U+0000–U+0020) do not count.
    const scheme = [...href].filter((char) => char > " ").join("").toLowerCase();
    await expect(scheme.startsWith("javascript:") || scheme.startsWith("data:") || scheme.startsWith("vbscript:")).toBe(false);
  }
  await expect(root.innerHTML.toLowerCase()).not.toMatch(/href="\s*(javascript|data|vbscript):/);
}
