import { readFileSync } from "node:fs";
import { type Download, expect, type Page } from "@playwright/test";
import sharp from "sharp";

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

export async function openImage(page: Page, name: string): Promise<void> {
  await page.getByTestId("image-input").setInputFiles(fixture(name));
  await page.locator("[data-testid=stage] canvas").first().waitFor();
}

/** Opens an image made in the test (a PNG's bytes) and waits for the editor's stage. */
export async function openImageBytes(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("image-input").setInputFiles({ name, mimeType: "image/png", buffer });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
}

/** Drags the mouse along points given in stage-relative screen pixels. */
export async function paint(page: Page, points: [number, number][]): Promise<void> {
  const box = await page.getByTestId("stage").boundingBox();
  if (!box) throw new Error("stage is not visible");
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(box.x + first[0], box.y + first[1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 8 });
  await page.mouse.up();
}

/** Where the image's top-left corner sits in the stage, and its on-screen scale (fitted: small images are enlarged). */
export async function imagePlacement(page: Page, imageWidth: number, imageHeight: number) {
  const box = await page.getByTestId("stage").boundingBox();
  if (!box) throw new Error("stage is not visible");
  const margin = 24;
  const scale = Math.min(
    (box.width - margin * 2) / imageWidth,
    (box.height - margin * 2) / imageHeight,
  );
  return {
    scale,
    x: Math.round((Math.floor(box.width) - imageWidth * scale) / 2),
    y: Math.round((Math.floor(box.height) - imageHeight * scale) / 2),
  };
}

export async function decodeDownload(download: Download) {
  const path = await download.path();
  // Always RGB, whether the PNG is grey or colour, so tests index pixels the same way.
  const { data, info } = await sharp(readFileSync(path))
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data,
    width: info.width,
    height: info.height,
    channels: info.channels,
    name: download.suggestedFilename(),
  };
}

export async function decodeFixture(name: string) {
  const { data, info } = await sharp(fixture(name))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Downloads mask.png through the UI and returns its first channel (0 keep, 255 repaint). */
export async function exportedMask(page: Page, testId = "download-mask") {
  const download = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  const png = await decodeDownload(await download);
  const at = (x: number, y: number) => png.data[(y * png.width + x) * png.channels]!;
  return { ...png, at };
}

/** Screen position (stage-relative) of an image pixel under a view {scale, x, y}. */
export function toScreen(view: { scale: number; x: number; y: number }, x: number, y: number) {
  return [view.x + x * view.scale, view.y + y * view.scale] as [number, number];
}

/** Opens the history column from the header (a no-op when it is open). */
export async function openHistory(page: Page): Promise<void> {
  const toggle = page.getByTestId("history-toggle");
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
}

/** Paints a short stroke on chelsea (451×300), generates on the local engine, waits for Compare. */
export async function firstRun(page: Page, prompt = "") {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  const place = await imagePlacement(page, 451, 300);
  await paint(page, [
    [place.x + 150 * place.scale, place.y + 250 * place.scale],
    [place.x + 250 * place.scale, place.y + 250 * place.scale],
  ]);
  if (prompt) await page.getByTestId("prompt").fill(prompt);
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible({ timeout: 30_000 });
}

/** Opens a generated image, paints a stroke across its middle, generates and waits for Compare. */
export async function runOn(page: Page, name: string, image: Buffer, prompt = "") {
  const { width, height } = await sharp(image).metadata();
  await page.goto("/");
  await openImageBytes(page, name, image);
  const place = await imagePlacement(page, width!, height!);
  await paint(page, [
    [place.x + width! * 0.3 * place.scale, place.y + height! * 0.5 * place.scale],
    [place.x + width! * 0.6 * place.scale, place.y + height! * 0.5 * place.scale],
  ]);
  if (prompt) await page.getByTestId("prompt").fill(prompt);
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible({ timeout: 30_000 });
}
