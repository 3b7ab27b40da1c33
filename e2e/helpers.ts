import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import sharp from "sharp";

export const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

export async function openImage(page: Page, name: string): Promise<void> {
  await page.getByTestId("image-input").setInputFiles(fixture(name));
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

/** Where the image's top-left corner sits in the stage, and its on-screen scale. */
export async function imagePlacement(page: Page, imageWidth: number, imageHeight: number) {
  const box = await page.getByTestId("stage").boundingBox();
  if (!box) throw new Error("stage is not visible");
  const margin = 24;
  const scale = Math.min(
    1,
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
  const { data, info } = await sharp(readFileSync(path))
    .removeAlpha()
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
