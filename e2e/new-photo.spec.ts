import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { SAMPLE } from "../src/app/editor/open-sample";
import { firstRun, imagePlacement, openImage } from "./helpers";
import { chooseTask } from "./tasks-helpers";

test("a new photo starts with an empty prompt; a reload keeps each document's own", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await page.getByTestId("open-sample").click();
  await expect(page.getByText(`${SAMPLE.name} · 1200×800`)).toBeVisible();
  await chooseTask(page, "fill");
  await page.getByTestId("prompt").fill("a wooden bench on the grass");

  await openImage(page, "skimage_chelsea.png");
  await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
  await expect(page.getByTestId("prompt")).toHaveValue("");
  await page.screenshot({ path: testInfo.outputPath("new-photo-prompt-1280.png") });
  await page.reload();
  await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
  await expect(page.getByTestId("prompt")).toHaveValue("");

  // The prompt typed for this photo is its own, and comes back with it.
  await page.getByTestId("prompt").fill("a sleeping tabby cat");
  await page.reload();
  await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
  await expect(page.getByTestId("prompt")).toHaveValue("a sleeping tabby cat");

  // And it stays with that photo: the next one starts empty again.
  await openImage(page, "skimage_coffee.png");
  await expect(page.getByTestId("prompt")).toHaveValue("");
});

test("at 1024×640 a new photo opens with the sidebar's tools scrolled to the top", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  const tools = page.getByTestId("sidebar-tools");
  await page.getByTestId("overlay-opacity").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("tool-brush")).not.toBeInViewport();
  expect(await tools.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  await openImage(page, "skimage_chelsea.png");
  await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
  await expect.poll(() => tools.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByTestId("tool-brush")).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath("new-photo-1024.png") });
});

test("the animation dialog takes focus, closes on Esc and gives focus back", async ({
  page,
}, testInfo) => {
  await firstRun(page);
  const opener = page.getByTestId("export-animation");
  await opener.click();
  const dialog = page.getByTestId("animation-dialog");
  await expect(dialog).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("animation-dialog-1280.png") });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: testInfo.outputPath("animation-dialog-1024.png") });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Keys typed inside it stay inside: Tab reaches its controls, Esc still closes it.
  await opener.press("Enter");
  await expect(dialog).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("on a tiny image, Remove's growth covering everything is blamed on the grow setting", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto("/");
  const tiny = await sharp({
    create: { width: 12, height: 9, channels: 3, background: { r: 200, g: 160, b: 60 } },
  })
    .png()
    .toBuffer();
  await page
    .getByTestId("image-input")
    .setInputFiles({ name: "tiny_12x9.png", mimeType: "image/png", buffer: tiny });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  await chooseTask(page, "erase");
  await page.getByTestId("tool-rect").click();
  const place = await imagePlacement(page, 12, 9);
  const box = await page.getByTestId("stage").boundingBox();
  if (!box) throw new Error("stage is not visible");
  const at = (x: number, y: number) =>
    [box.x + place.x + x * place.scale, box.y + place.y + y * place.scale] as const;
  await page.mouse.move(...at(3.2, 3.2));
  await page.mouse.down();
  await page.mouse.move(...at(7.8, 5.8), { steps: 8 });
  await page.mouse.up();
  await page.getByTestId("generate").click();
  const alert = page.getByTestId("sidebar").getByRole("alert");
  await expect(alert).toContainText('"Grow the area removed" (10 px) makes the mask cover');
  await expect(alert).toContainText(/Lower it to \d+ px or less\./);
  await expect(page.getByText(/Leave part of/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("tiny-grow-1024.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("tiny-grow-1280.png") });
});
