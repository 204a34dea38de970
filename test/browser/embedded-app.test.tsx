import "./frames.css";
import { render } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { EmbeddedApp } from "../../src/host/index.js";

const values = { issue: { id: "iss_42" } };

function renderFrame(props: Partial<Parameters<typeof EmbeddedApp>[0]> = {}) {
  render(<EmbeddedApp url="https://app.example.com/issues/{{issue.id}}" values={values} title="Billing" {...props} />);
  const iframe = document.querySelector<HTMLIFrameElement>('iframe[data-sidecard="embedded-app"]');
  if (!iframe) throw new Error("no iframe rendered");
  return iframe;
}

/** Resolves when the frame has loaded its document. */
function loaded(iframe: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the frame did not load within 5 s")), 5000);
    iframe.addEventListener("load", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("<EmbeddedApp> in Chromium", () => {
  test("the frame is sandboxed with the default tokens, lazy, without referrer and permissions", () => {
    const iframe = renderFrame();
    expect([...iframe.sandbox]).toEqual(["allow-scripts", "allow-forms", "allow-popups"]);
    expect(iframe.loading).toBe("lazy");
    expect(iframe.referrerPolicy).toBe("no-referrer");
    expect(iframe.allow).toBe("");
    expect(iframe.title).toBe("Billing");
    expect(iframe.src).toBe("https://app.example.com/issues/iss_42");
    expect(iframe.hasAttribute("style")).toBe(false);
  });

  test.each([
    [40, 100],
    [250, 250],
    [99999, 2000],
    [undefined, 400],
  ])("height %s lays out as %i px, from the attribute alone", (height, expected) => {
    const iframe = renderFrame({ height });
    // border-box: the frame takes exactly the clamped height, border included.
    expect(iframe.getBoundingClientRect().height).toBe(expected);
    expect(iframe.hasAttribute("style")).toBe(false);
  });

  test("the frame fills its column's width", () => {
    render(
      <div className="frame-360">
        <EmbeddedApp url="https://app.example.com/" values={{}} title="App" />
      </div>,
    );
    expect(document.querySelector("iframe")!.getBoundingClientRect().width).toBe(360);
  });

  test("a same-origin URL gets no allow-same-origin beside allow-scripts: its document stays opaque to the page", async () => {
    const own = `${window.location.origin}/package.json?issue={{issue.id}}`;
    const iframe = renderFrame({ url: own, sandbox: ["allow-scripts", "allow-same-origin"] });
    expect(iframe.sandbox.contains("allow-scripts")).toBe(true);
    expect(iframe.sandbox.contains("allow-same-origin")).toBe(false);
    await loaded(iframe);
    // An opaque origin: the page cannot reach into the frame (nor the frame into the page).
    expect(iframe.contentDocument).toBeNull();
  });

  test("without scripts, allow-same-origin is kept (nothing in the frame could lift the sandbox)", async () => {
    const own = `${window.location.origin}/package.json?issue={{issue.id}}`;
    const iframe = renderFrame({ url: own, sandbox: ["allow-same-origin"] });
    expect([...iframe.sandbox]).toEqual(["allow-same-origin"]);
    await loaded(iframe);
    expect(iframe.contentDocument).not.toBeNull();
  });

  test("a refused URL shows the error state and no frame", () => {
    render(<EmbeddedApp url="https://{{issue.id}}.example.com/" values={values} title="App" />);
    const alert = document.querySelector('[data-sidecard="embedded-app"][data-sidecard-state="error"]')!;
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toContain("{{issue.id}} at index 8 stands in the URL's scheme, host or port");
    expect(document.querySelector("iframe")).toBeNull();
  });
});
