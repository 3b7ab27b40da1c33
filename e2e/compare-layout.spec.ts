import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { fixture, openHistory, runOn } from "./helpers";

const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

test("a portrait's comparison fills most of the height, with the tiles beside it", async ({
  page,
}, testInfo) => {
  // The coffee photo turned upright: 400×600.
  const portrait = await sharp(fixture("skimage_coffee.png")).rotate(90).png().toBuffer();
  await runOn(page, "portrait.png", portrait);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    const view = page.getByTestId("compare-view");
    await expect(view).toHaveAttribute("data-layout", "beside");
    const area = (await view.boundingBox())!;
    const slider = page.getByTestId("compare-slider");
    // Resizing re-fits the slider: wait for the frame to settle at the new height.
    await expect
      .poll(async () => (await slider.boundingBox())!.height / area.height)
      .toBeGreaterThanOrEqual(0.8);
    const box = (await slider.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(400 / 600, 1);
    // Every tile and action is reachable in the side column.
    await expect(page.getByTestId("run-grid")).toHaveAttribute("data-column", "true");
    await expect(page.getByTestId("run-tile")).toHaveCount(2);
    await page.screenshot({ path: testInfo.outputPath(`portrait-${viewport.width}.png`) });
  }
});

test("a panorama keeps its tiles under the comparison", async ({ page }) => {
  const panorama = await sharp(fixture("skimage_chelsea.png"))
    .extract({ left: 0, top: 60, width: 451, height: 170 })
    .png()
    .toBuffer();
  await runOn(page, "panorama.png", panorama);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expect(page.getByTestId("compare-view")).toHaveAttribute("data-layout", "below");
    await expect(page.getByTestId("run-grid")).toHaveAttribute("data-column", "false");
  }
});

test("a landscape photo goes beside its tiles at 1024×640, where the buttons under it wrap", async ({
  page,
}, testInfo) => {
  const wide = await sharp(fixture("skimage_chelsea.png")).png().toBuffer();
  await runOn(page, "wide.png", wide);
  const view = page.getByTestId("compare-view");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(view).toHaveAttribute("data-layout", "below");
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect(view).toHaveAttribute("data-layout", "beside");
  // Under the wrapped buttons the cat showed 273×182; beside them, over 400 px wide.
  await expect
    .poll(async () => (await page.getByTestId("compare-slider").boundingBox())?.width ?? 0)
    .toBeGreaterThan(400);
  await page.screenshot({ path: testInfo.outputPath("landscape-1024.png") });
});

test("long captions can be read whole: history prompt, run caption and tile labels", async ({
  page,
}, testInfo) => {
  const prompt =
    "a weathered oak table with a linen runner, a bowl of ripe figs and a brass candlestick, " +
    "soft window light from the left, shallow depth of field";
  const wide = await sharp(fixture("skimage_chelsea.png")).png().toBuffer();
  await runOn(page, "captions.png", wide, prompt);
  await page.setViewportSize({ width: 1024, height: 640 });
  await openHistory(page);
  const historyPrompt = page.getByTestId("history-run-prompt").first();
  await expect(historyPrompt).toHaveAttribute("title", prompt);
  // Two lines of it show, not one.
  const lineHeight = await historyPrompt.evaluate((el) =>
    parseFloat(getComputedStyle(el).lineHeight),
  );
  expect((await historyPrompt.boundingBox())!.height).toBeGreaterThan(lineHeight * 1.5);
  // The card's button is named by all of its text, the whole prompt included.
  await expect(page.getByRole("button", { name: new RegExp(prompt.slice(-40)) })).toBeVisible();

  const caption = page.getByTestId("run-caption");
  await expect(caption).toHaveAttribute("title", `“${prompt}” · Replace · local`);
  const label = page.getByTestId("tile-label").nth(1);
  const text = (await label.textContent()) ?? "";
  expect(text).toMatch(/^Variant 1 · seed \d+$/);
  await expect(label).toHaveAttribute("title", text);
  // And it fits its two lines: nothing of it is clipped.
  expect(await label.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`captions-${viewport.width}.png`) });
  }
});
