import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { OUTPAINT_PRESETS, outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { fitView, zoomAt } from "../src/app/view/view-transform";
import { decodeDownload, decodeFixture, openImage, openImageBytes } from "./helpers";

const OVERLAP = 8;

test("every outpaint preset generates the frame's size with the original unchanged in place", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const original = await decodeFixture("skimage_chelsea.png");
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  await expect(page.getByTestId("generate")).toBeDisabled();
  await page.getByTestId("mode-extend").click();

  for (const preset of OUTPAINT_PRESETS) {
    const { frame } = outpaintGeometry(preset, original);
    await page.getByTestId("outpaint-preset").locator(`[data-preset="${preset}"]`).click();
    await expect(page.getByTestId("outpaint-size")).toContainText(`${frame.width}×${frame.height}`);
    await expect(page.getByTestId("outpaint-stage")).toBeVisible();

    await page.getByTestId("generate").click();
    await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
      timeout: 60_000,
    });
    const download = page.waitForEvent("download");
    await page.getByTestId("download-result").click();
    const result = await decodeDownload(await download);
    expect([result.width, result.height], preset).toEqual([frame.width, frame.height]);

    // Inside the seam overlap the original must be bit-identical where the frame placed it.
    const { x, y, width, height } = frame.image;
    let differing = 0;
    for (let row = OVERLAP; row < height - OVERLAP; row++) {
      for (let col = OVERLAP; col < width - OVERLAP; col++) {
        const s = (row * width + col) * 3;
        const d = ((y + row) * frame.width + x + col) * 3;
        if ([0, 1, 2].some((c) => result.data[d + c] !== original.data[s + c])) differing += 1;
      }
    }
    expect(differing, `${preset}: original pixels changed`).toBe(0);

    // The new area is generated from the photo, not left black or flat.
    const corner = (frame.height - 1) * frame.width * 3;
    const cornerSum = result.data[corner]! + result.data[corner + 1]! + result.data[corner + 2]!;
    if (y + height < frame.height || x > 0) expect(cornerSum).toBeGreaterThan(20);
    // The next preset is picked from Compare, which opens its frame.
  }
});

test("zoomed out, dragging the frame's edge makes a custom frame; inpainting comes back", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  await page.getByTestId("mode-extend").click();
  await page.getByTestId("outpaint-preset").locator('[data-preset="Right outpaint"]').click();
  await expect(page.getByTestId("outpaint-size")).toContainText(
    "Right outpaint: new canvas 928×400",
  );

  const stage = page.getByTestId("outpaint-stage");
  const box = await stage.boundingBox();
  if (!box) throw new Error("no outpaint stage");
  // The frame is fitted into the stage like the editor fits an image, and zooms like it: `-`
  // zooms out around the middle. The right handle sits in the middle of the frame's right edge.
  const { frame } = outpaintGeometry("Right outpaint", { width: 600, height: 400 });
  const viewport = { width: Math.floor(box.width), height: Math.floor(box.height) };
  await page.locator("body").press("-");
  const view = zoomAt(fitView(frame, viewport), 0.8, {
    x: viewport.width / 2,
    y: viewport.height / 2,
  });
  const start = {
    x: box.x + view.x + frame.width * view.scale,
    y: box.y + view.y + (frame.height * view.scale) / 2,
  };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 60, start.y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId("outpaint-size")).toContainText("Custom frame");
  const text = await page.getByTestId("outpaint-size").textContent();
  const width = Number(/(\d+)×400/.exec(text ?? "")?.[1]);
  expect(width).toBeLessThan(928);
  expect(width % 32).toBe(0);

  await page.getByRole("button", { name: "Back to inpainting" }).click();
  await expect(page.getByTestId("outpaint-stage")).toHaveCount(0);
  await expect(page.getByTestId("stage")).toBeVisible();
});

test("a photo scaled to fit the canvas is not promised to stay exactly the original", async ({
  page,
}, testInfo) => {
  // 4200 px wide: "Zoom out 2x" would add 2100 px a side, beyond the 2048 allowed.
  const wide = await sharp({
    create: { width: 4200, height: 100, channels: 3, background: { r: 40, g: 90, b: 160 } },
  })
    .png()
    .toBuffer();
  await page.goto("/");
  await openImageBytes(page, "wide.png", wide);
  await page.getByTestId("mode-extend").click();
  const option = page.getByTestId("composite-label");

  await page.getByTestId("outpaint-preset").locator('[data-preset="Top outpaint"]').click();
  await expect(page.getByTestId("outpaint-size")).not.toContainText("scaled");
  await expect(option).toHaveText("Keep the photo exactly as the original");
  await expect(page.getByTestId("composite-reason")).toHaveCount(0);

  const { scale } = outpaintGeometry("Zoom out 2x", { width: 4200, height: 100 });
  expect(scale).toBeLessThan(1);
  await page.getByTestId("outpaint-preset").locator('[data-preset="Zoom out 2x"]').click();
  await expect(page.getByText(/The image was scaled to 98%/)).toBeVisible();
  await expect(option).toHaveText("Keep the photo as sent, at 98% of its size");
  await expect(page.getByTestId("composite-reason")).toHaveText(
    "At full size the canvas would be too large.",
  );
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(page.getByTestId("composite-reason")).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`composite-scaled-${viewport.width}.png`) });
  }
});
