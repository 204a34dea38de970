import { expect, within } from "storybook/test";
import { parseWidget } from "../../src/index.js";

/** Each realistic payload must be clean: no diagnostic at all, not even a warning. */
export async function expectCleanPayload(payload: unknown, canvasElement: HTMLElement) {
  await expect(parseWidget(payload).diagnostics).toEqual([]);
  await expect(within(canvasElement).queryByRole("alert")).toBeNull();
  await expect(canvasElement.querySelector("[data-sidecard-invalid]")).toBeNull();
}
