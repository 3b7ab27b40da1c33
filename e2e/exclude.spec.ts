import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { ERASE_ROUTE, EXCLUDE_MASK_FIELD, FILL_ROUTE } from "../src/contract";
import { imagePlacement, openImage, paint } from "./helpers";
import { chooseTask, generateAndCapture, readyResult, strokeAcross } from "./tasks-helpers";

const CAT = { name: "skimage_chelsea.png", width: 451, height: 300 };

/** Drags the rectangle tool from one image pixel to another. */
async function rectangle(page: Page, [x0, y0]: [number, number], [x1, y1]: [number, number]) {
  await page.getByTestId("tool-rect").click();
  const place = await imagePlacement(page, CAT.width, CAT.height);
  await paint(page, [
    [place.x + x0 * place.scale, place.y + y0 * place.scale],
    [place.x + x1 * place.scale, place.y + y1 * place.scale],
  ]);
}

/** The white bounding box of a grey PNG sent as base64, or null when it is all black. */
async function whiteBox(base64: string) {
  const { data, info } = await sharp(Buffer.from(base64, "base64"))
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  let box: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (let i = 0; i < data.length; i++) {
    if (data[i]! < 128) continue;
    const [x, y] = [i % info.width, Math.floor(i / info.width)];
    box = box
      ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: y }
      : { x0: x, y0: y, x1: x, y1: y };
  }
  return { box, width: info.width, height: info.height };
}

test("the area not to copy from: its own layer, tint and undo, sent to the local engine", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await openImage(page, CAT.name);
  const maskLayer = page.getByTestId("paint-layer-mask");
  const excludeLayer = page.getByTestId("paint-layer-exclude");
  await expect(maskLayer).toHaveAttribute("aria-pressed", "true");
  // Extend offers it where repeats show; the offer opens the editor painting it.
  await page.getByTestId("mode-extend").click();
  await page.getByTestId("outpaint-preset").locator('[data-preset="Left outpaint"]').click();
  await page.getByTestId("exclude-hint-paint").click();
  await expect(excludeLayer).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("mode-edit")).toHaveAttribute("aria-selected", "true");

  await chooseTask(page, "erase");
  await expect(excludeLayer).toHaveAttribute("aria-pressed", "true");
  await rectangle(page, [20, 20], [120, 100]);
  // X goes back to the mask; the brush paints what to remove.
  await page.keyboard.press("x");
  await expect(maskLayer).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("tool-brush").click();
  await strokeAcross(page, CAT, 200, 200, 300);
  // A second exclusion, undone on its own layer: the mask's stroke stays.
  await page.keyboard.press("x");
  await rectangle(page, [330, 30], [430, 120]);
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("redo")).toBeEnabled();
  await expect(page.getByTestId("exclude-ignored")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("exclude-layer.png") });

  // The stage shows the exclusion in its own tint, apart from the mask's.
  const tinted = await page.evaluate(() => {
    const canvases = [...document.querySelectorAll("[data-testid=stage] canvas")];
    return canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let violet = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! > 0 && d[i + 2]! > d[i + 1]! + 60 && d[i]! > d[i + 1]! + 30) violet++;
      }
      return violet;
    });
  });
  expect(Math.max(...tinted)).toBeGreaterThan(1000);

  const sent = await generateAndCapture(page, ERASE_ROUTE);
  const exclusion = await whiteBox(String(sent.body[EXCLUDE_MASK_FIELD]));
  expect([exclusion.width, exclusion.height]).toEqual([CAT.width, CAT.height]);
  // The painted rectangle, to a pixel of screen rounding; the undone one is not there.
  const box = exclusion.box!;
  for (const [got, want] of [
    [box.x0, 20],
    [box.y0, 20],
    [box.x1, 120],
    [box.y1, 100],
  ])
    expect(Math.abs(got! - want!)).toBeLessThanOrEqual(2);
  const mask = await whiteBox(String(sent.body.mask));
  expect(mask.box!.y0).toBeGreaterThan(150);

  const result = await readyResult(page);
  expect([result.width, result.height]).toEqual([CAT.width, CAT.height]);

  // Extended with the mask along, the padded canvas is sent: the exclusion goes where the photo
  // sits on it, nothing excluded in the new area.
  await page.getByTestId("outpaint-preset").locator('[data-preset="Left outpaint"]').click();
  await expect(page.getByTestId("outpaint-carries-exclusion")).toBeVisible();
  await expect(page.getByTestId("exclude-hint")).toHaveCount(0);
  const { frame } = outpaintGeometry("Left outpaint", CAT);
  const padded = await generateAndCapture(page, FILL_ROUTE);
  const placed = await whiteBox(String(padded.body[EXCLUDE_MASK_FIELD]));
  expect([placed.width, placed.height]).toEqual([frame.width, frame.height]);
  expect(frame.image.x).toBeGreaterThan(0);
  expect(placed.box!.x0 - frame.image.x).toBe(box.x0);
  expect(placed.box!.x1 - frame.image.x).toBe(box.x1);
  expect(placed.box!.y0 - frame.image.y).toBe(box.y0);
  const extended = await readyResult(page);
  expect([extended.width, extended.height]).toEqual([frame.width, frame.height]);
});
