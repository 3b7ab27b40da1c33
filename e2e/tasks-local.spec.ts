import { expect, test } from "@playwright/test";
import { growMask } from "../src/app/editor/raster/morphology";
import { outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { ERASE_ROUTE, FILL_ROUTE, OUTPAINT_ROUTE } from "../src/contract";
import { decodeFixture, exportedMask, openHistory, openImage } from "./helpers";
import {
  chooseTask,
  differences,
  fixtureBytes,
  generateAndCapture,
  readyResult,
  strokeAcross,
} from "./tasks-helpers";

const CAT = { name: "skimage_chelsea.png", width: 451, height: 300 };

test("Remove on local: no prompt, the ring follows the slider, only the grown mask changes", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await openImage(page, CAT.name);
  await chooseTask(page, "erase");
  await expect(page.getByTestId("prompt")).toHaveCount(0);
  await expect(page.getByTestId("composite")).toBeChecked();
  await expect(page.getByTestId("dilation-ring")).toHaveCount(0);
  await strokeAcross(page, CAT, 150, 150, 250);

  // The ring is the band the dilation adds, recomputed as the slider moves.
  const ring = page.getByTestId("dilation-ring");
  await expect(ring).toBeVisible();
  const ringAt = async () => Number(await ring.getAttribute("data-pixels"));
  const atDefault = await ringAt();
  expect(atDefault).toBeGreaterThan(0);
  await page.getByTestId("dilate-pixels").fill("20");
  await expect.poll(ringAt).toBeGreaterThan(atDefault);
  await page.getByTestId("dilate-pixels").fill("0");
  await expect(ring).toHaveCount(0);
  await page.getByTestId("dilate-pixels").fill("6");
  await expect(ring).toBeVisible();

  const mask = await exportedMask(page);
  const sent = await generateAndCapture(page, ERASE_ROUTE);
  expect(sent.composite).toBe("1");
  expect(Object.keys(sent.body).sort()).toEqual(
    ["dilate_pixels", "image", "mask", "output_format", "safety_tolerance", "seed"].sort(),
  );
  expect(sent.body.dilate_pixels).toBe(6);
  // The file itself, not a canvas re-encode.
  expect(Buffer.from(String(sent.body.image), "base64").equals(fixtureBytes(CAT.name))).toBe(true);

  const result = await readyResult(page);
  expect([result.width, result.height]).toEqual([CAT.width, CAT.height]);
  const gray = new Uint8Array(CAT.width * CAT.height).map((_, i) => mask.data[i * mask.channels]!);
  const grown = growMask({ data: gray, width: CAT.width, height: CAT.height }, 6);
  const original = await decodeFixture(CAT.name);
  const changed = differences(result.data, original.data, (i) => grown[i] === 255);
  expect(changed.outside).toBe(0);
  expect(changed.inside).toBeGreaterThan(500);

  await expect(page.getByTestId("run-caption")).toContainText("No prompt · Remove");
  // Presented, a Remove is captioned with what was done: it has no prompt to show.
  await page.getByTestId("present-open").click();
  await expect(page.getByTestId("present-caption")).toHaveText("Removed");
  await expect(page.getByTestId("present-task")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("present-remove-1280.png") });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: testInfo.outputPath("present-remove-1024.png") });
  await page.getByRole("button", { name: "Leave presentation" }).click();
  await expect(page.getByTestId("present")).toHaveCount(0);
  await openHistory(page);
  await expect(page.getByTestId("history-run-task").first()).toHaveText("Remove · local");
});

test("Replace on local sends the file to fill; the composite toggle decides the header", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, CAT.name);
  await chooseTask(page, "fill");
  await strokeAcross(page, CAT, 100, 100, 200);
  await page.getByTestId("composite").uncheck();
  const raw = await generateAndCapture(page, FILL_ROUTE);
  expect(raw.composite).toBeNull();
  expect(Buffer.from(String(raw.body.image), "base64").equals(fixtureBytes(CAT.name))).toBe(true);
  await readyResult(page);

  await chooseTask(page, "fill");
  await page.getByTestId("composite").check();
  const composited = await generateAndCapture(page, FILL_ROUTE);
  expect(composited.composite).toBe("1");
  await readyResult(page);
  await openHistory(page);
  await expect(page.getByTestId("history-run-task").first()).toHaveText("Replace · local");
});

test("Extend on local goes to the outpainting tool: frame size, the photo's offset, its file", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, CAT.name);
  await chooseTask(page, "outpaint");
  await page.getByTestId("outpaint-preset").locator('[data-preset="Right outpaint"]').click();
  const { frame } = outpaintGeometry("Right outpaint", CAT);
  await expect(page.getByTestId("outpaint-size")).toContainText(`${frame.width}×${frame.height}`);
  await page.getByTestId("prompt").fill("more of the room");
  const sent = await generateAndCapture(page, OUTPAINT_ROUTE);
  expect(sent.body).toMatchObject({
    width: frame.width,
    height: frame.height,
    reference_offset_x: frame.image.x,
    reference_offset_y: frame.image.y,
    prompt: "more of the room",
  });
  expect(sent.body).not.toHaveProperty("mask");
  expect(Buffer.from(String(sent.body.input_image), "base64").equals(fixtureBytes(CAT.name))).toBe(
    true,
  );

  const result = await readyResult(page);
  expect([result.width, result.height]).toEqual([frame.width, frame.height]);
  const original = await decodeFixture(CAT.name);
  let moved = 0;
  for (let y = 0; y < CAT.height; y++) {
    for (let x = 0; x < CAT.width; x++) {
      const r = ((y + frame.image.y) * frame.width + x + frame.image.x) * 3;
      const o = (y * CAT.width + x) * 3;
      if ([0, 1, 2].some((c) => result.data[r + c] !== original.data[o + c])) moved++;
    }
  }
  expect(moved).toBe(0);
  await openHistory(page);
  await expect(page.getByTestId("history-run-task").first()).toHaveText(
    "Extend · Right outpaint · local",
  );
});

test("the task, its dilation and the composite choice survive a reload", async ({ page }) => {
  await page.goto("/");
  await openImage(page, CAT.name);
  await chooseTask(page, "erase");
  await page.getByTestId("dilate-pixels").fill("17");
  await page.getByTestId("composite").uncheck();
  await page.reload();
  await expect(page.locator("[data-task=erase]")).toBeChecked();
  await expect(page.getByTestId("dilate-pixels")).toHaveValue("17");
  await expect(page.getByTestId("composite")).not.toBeChecked();
});
