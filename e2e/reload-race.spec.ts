import { expect, test } from "@playwright/test";
import { exportedMask, imagePlacement, openImage, paint, toScreen } from "./helpers";

/**
 * A reload started the moment after a change keeps that change: the newest change is journaled
 * synchronously (persist/change-journal.ts) while its IndexedDB write may still be under way.
 * Each test reloads with no wait at all, several times over, since the race it covers is narrow.
 */

const ROUNDS = 8;

test("a reload right after each of several strokes keeps every one of them", async ({ page }) => {
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  const view = await imagePlacement(page, 512, 512);
  await page.getByTestId("tool-rect").click();
  const rowOf = (round: number) => 30 + round * 56;
  for (let round = 0; round < ROUNDS; round++) {
    const y = rowOf(round);
    await paint(page, [toScreen(view, 40, y), toScreen(view, 470, y + 24)]);
    await page.reload();
    await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
    const mask = await exportedMask(page);
    const painted = Array.from({ length: round + 1 }, (_, r) => mask.at(256, rowOf(r) + 12));
    expect(painted, `round ${round}: every rect so far`).toEqual(painted.map(() => 255));
    // Between two rects and beside them the mask stays empty.
    expect([mask.at(256, y + 40), mask.at(10, y + 12)], `round ${round}: outside`).toEqual([0, 0]);
    // The tool is not saved: pick the rect again on the reloaded page.
    await page.getByTestId("tool-rect").click();
  }
});

test("a reload right after typing keeps the prompt, every time", async ({ page }) => {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  for (let round = 0; round < ROUNDS; round++) {
    const prompt = `a sleeping tabby cat, take ${round}`;
    await page.getByTestId("prompt").fill(prompt);
    await page.reload();
    await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
    await expect(page.getByTestId("prompt"), `round ${round}`).toHaveValue(prompt);
  }
});
