import { expect, test } from "@playwright/test";
import { openImage } from "./helpers";

test("Esc closes the History after a dialog above it, and gives the focus back to the toggle", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  const toggle = page.getByTestId("history-toggle");
  const history = page.getByTestId("history");

  await toggle.click();
  await expect(history).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(toggle).toBeFocused();

  // From the keyboard: the toggle opens it again, and a dialog opened above it closes first.
  await page.keyboard.press("Enter");
  await expect(history).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcut-sheet")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("history-under-sheet-1280.png") });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toBeHidden();
  await expect(history).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("history-closed-1280.png") });

  // Esc in the prompt is the field's: the History stays.
  await toggle.click();
  await page.getByTestId("prompt").click();
  await page.keyboard.press("Escape");
  await expect(history).toBeVisible();

  // With the edge lasso, Esc on the stage drops its pending path, not the History; with the
  // focus in the column, Esc is the column's.
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId("tool-scissors").click();
  await expect(page.getByTestId("tool-scissors")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(history).toBeVisible();
  const close = page.getByRole("button", { name: "Close history" });
  await close.focus();
  await page.screenshot({ path: testInfo.outputPath("history-open-1024.png") });
  await page.keyboard.press("Escape");
  await expect(history).toBeHidden();
  await expect(toggle).toBeFocused();
  await toggle.click();
  await close.focus();
  await page.keyboard.press("Enter");
  await expect(history).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("history-closed-1024.png") });
});
