import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { imagePlacement, openImageBytes, paint } from "./helpers";

const PHOTO = { r: 40, g: 120, b: 200 };

declare global {
  interface Window {
    stageSamples?: { at: number; ready: string | undefined; busy: boolean; editor: boolean }[];
  }
}

test("Extend on a 12 MP photo: a busy state until the preview is ready, and the mask shown only where painted", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // One colour compresses to a few kB, yet decodes as 12 MP like a camera's photo.
  const photo = await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: PHOTO },
  })
    .png()
    .toBuffer();
  await page.goto("/");
  await openImageBytes(page, "large.png", photo);
  // A mask painted in Edit, across the photo's middle.
  const place = await imagePlacement(page, 4000, 3000);
  for (const row of [0.45, 0.5, 0.55]) {
    await paint(page, [
      [place.x + 4000 * 0.3 * place.scale, place.y + 3000 * row * place.scale],
      [place.x + 4000 * 0.6 * place.scale, place.y + 3000 * row * place.scale],
    ]);
  }

  // Every state the page commits from the switch on: is the editor still shown, is the preview
  // ready, is the area said to be busy? The stage's code loads on the first switch, and React
  // hides the editor meanwhile: that gap must be busy too, not blank.
  await page.evaluate(() => {
    window.stageSamples = [];
    const start = performance.now();
    const observer = new MutationObserver(() => {
      const stage = document.querySelector<HTMLElement>("[data-testid=outpaint-stage]");
      window.stageSamples?.push({
        at: performance.now() - start,
        ready: stage?.dataset.ready,
        busy: document.querySelector("[data-testid=stage-busy]") !== null,
        editor:
          document.querySelector<HTMLElement>("[data-testid=stage]")?.checkVisibility() ?? false,
      });
      if (stage?.dataset.ready === "true") observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByTestId("mode-extend").click();
  const stage = page.getByTestId("outpaint-stage");
  await expect(stage).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  const samples = (await page.evaluate(() => window.stageSamples)) ?? [];
  const preparing = samples.filter((s) => s.ready !== "true" && !s.editor);
  expect(preparing.length).toBeGreaterThan(0);
  const blank = preparing.filter((s) => !s.busy);
  expect(blank, "states with neither the editor, the preview nor the busy state").toEqual([]);
  const busyAt = preparing[0]?.at ?? 0;
  const readyAt = samples.find((s) => s.ready === "true")?.at ?? 0;
  console.log(`Extend 12 MP: busy at ${busyAt.toFixed(0)} ms, preview at ${readyAt.toFixed(0)} ms`);
  testInfo.annotations.push({
    type: "extend-12mp",
    description: `busy at ${busyAt.toFixed(0)} ms, preview at ${readyAt.toFixed(0)} ms`,
  });
  await expect(page.getByTestId("stage-busy")).toHaveCount(0);
  await expect(page.getByTestId("outpaint-carries-mask")).toBeVisible();

  // Over the photo (the box of its own colour on screen) every pixel is the photo's colour.
  const shot = await sharp(await stage.screenshot())
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = shot.info;
  const isPhoto = (i: number) =>
    Math.abs(shot.data[i]! - PHOTO.r) <= 6 &&
    Math.abs(shot.data[i + 1]! - PHOTO.g) <= 6 &&
    Math.abs(shot.data[i + 2]! - PHOTO.b) <= 6;
  const box = { x0: width, y0: height, x1: -1, y1: -1 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!isPhoto((y * width + x) * 3)) continue;
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
    }
  }
  // The photo is shown at its place in a 1.5× frame: two thirds of the frame's width.
  expect(box.x1 - box.x0).toBeGreaterThan(width * 0.4);
  // The painted mask goes along into the request, so it is shown, tinted, where it was painted
  // (across the middle rows) and nowhere else over the photo.
  const photoHeight = box.y1 - box.y0;
  let tinted = 0;
  let strayTint = 0;
  for (let y = box.y0 + 1; y < box.y1; y++) {
    const row = (y - box.y0) / photoHeight;
    for (let x = box.x0 + 1; x < box.x1; x++) {
      if (isPhoto((y * width + x) * 3)) continue;
      if (row > 0.38 && row < 0.62) tinted += 1;
      else strayTint += 1;
    }
  }
  expect(tinted).toBeGreaterThan(1000);
  expect(strayTint).toBe(0);
  for (const viewport of [
    { width: 1024, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`extend-${viewport.width}.png`) });
  }
});
