import { expect, test } from "@playwright/test";
import { decodeDownload, decodeFixture, imagePlacement, openImage, paint } from "./helpers";

test("paint a stroke, generate with the local engine, compare and download", async ({ page }) => {
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
  await expect(page.getByText(/does not read the prompt/)).toBeVisible();
  await expect(page.getByTestId("generate")).toBeDisabled();

  // A horizontal stroke of size 40 through the middle of the image, in image pixels 156→356 at y=256.
  // Fit enlarges the 512 px image to the stage; the stroke is placed in image pixels.
  const place = await imagePlacement(page, 512, 512);
  expect(place.scale).toBeGreaterThan(1);
  await expect(page.getByTestId("zoom-level")).toHaveText(`${Math.round(place.scale * 100)}%`);
  await paint(page, [
    [place.x + 156 * place.scale, place.y + 256 * place.scale],
    [place.x + 356 * place.scale, place.y + 256 * place.scale],
  ]);

  const maskDownload = page.waitForEvent("download");
  await page.getByTestId("download-mask").click();
  const mask = await decodeDownload(await maskDownload);
  expect(mask.name).toBe("mask.png");
  expect([mask.width, mask.height]).toEqual([512, 512]);
  const maskAt = (x: number, y: number) => mask.data[(y * 512 + x) * 3];
  expect(maskAt(256, 256)).toBe(255);
  expect(maskAt(160, 250)).toBe(255);
  expect(maskAt(256, 230)).toBe(0); // 26 px above the line: outside a 40 px brush
  expect(maskAt(10, 10)).toBe(0);
  expect(new Set(mask.data)).toEqual(new Set([0, 255]));

  await page.getByTestId("prompt").fill("a clear visor");
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("compare-slider")).toBeVisible();
  const natural = await page
    .getByTestId("result-image")
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([512, 512]);

  const resultDownload = page.waitForEvent("download");
  await page.getByTestId("download-result").click();
  const result = await decodeDownload(await resultDownload);
  expect(result.name).toMatch(
    /^fillpaint-[0-9a-f]{8}-skimage_astronaut-a-clear-visor-v1-seed\d+\.png$/,
  );
  expect([result.width, result.height]).toEqual([512, 512]);

  const original = await decodeFixture("skimage_astronaut.png");
  let changedInside = 0;
  let masked = 0;
  for (let i = 0; i < 512 * 512; i++) {
    const same = [0, 1, 2].every((c) => result.data[i * 3 + c] === original.data[i * 3 + c]);
    if (mask.data[i * 3] === 0) {
      if (!same)
        throw new Error(`pixel ${i % 512},${Math.floor(i / 512)} outside the mask changed`);
    } else {
      masked += 1;
      if (!same) changedInside += 1;
    }
  }
  expect(masked).toBeGreaterThan(200 * 40 * 0.9);
  expect(changedInside / masked).toBeGreaterThan(0.5);
});

test("undo and clear change the exported mask", async ({ page }) => {
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  const place = await imagePlacement(page, 600, 400);
  await paint(page, [
    [place.x + 100 * place.scale, place.y + 100 * place.scale],
    [place.x + 300 * place.scale, place.y + 100 * place.scale],
  ]);
  await paint(page, [
    [place.x + 100 * place.scale, place.y + 300 * place.scale],
    [place.x + 300 * place.scale, place.y + 300 * place.scale],
  ]);
  const whiteAt = async (points: [number, number][]) => {
    const download = page.waitForEvent("download");
    await page.getByTestId("download-mask").click();
    const mask = await decodeDownload(await download);
    return points.map(([x, y]) => mask.data[(y * 600 + x) * 3] === 255);
  };
  expect(
    await whiteAt([
      [200, 100],
      [200, 300],
    ]),
  ).toEqual([true, true]);
  await page.getByTestId("undo").click();
  expect(
    await whiteAt([
      [200, 100],
      [200, 300],
    ]),
  ).toEqual([true, false]);
  await page.getByTestId("mask-clear").click();
  expect(
    await whiteAt([
      [200, 100],
      [200, 300],
    ]),
  ).toEqual([false, false]);
  await expect(page.getByTestId("generate")).toBeDisabled();
});

// Issue 12, bug 6: this used to send the request, fail on the server and offer a Retry that
// could only fail again.
test("a mask over the whole image is refused before sending, with no Retry, keeping the work", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png"); // 451×300
  await page.getByTestId("brush-size").fill("400");
  const place = await imagePlacement(page, 451, 300);
  const s = place.scale;
  // Two wide strokes cover the whole image: nothing is left to fill from.
  await paint(page, [
    [place.x - 10, place.y + 60 * s],
    [place.x + 470 * s, place.y + 60 * s],
  ]);
  await paint(page, [
    [place.x - 10, place.y + 250 * s],
    [place.x + 470 * s, place.y + 250 * s],
  ]);
  await page.getByTestId("generate").click();
  await expect(page.getByRole("alert")).toContainText("the mask covers the whole image");
  await expect(page.getByTestId("job-status")).toHaveCount(0);
  await expect(page.getByTestId("job-retry")).toHaveCount(0);
  await expect(page.getByText("skimage_chelsea.png · 451×300")).toBeVisible();
  await expect(page.getByTestId("undo")).toBeEnabled();
  await expect(page.getByTestId("stage")).toBeVisible();
});

test("an image dropped on the page opens; a broken file is refused without losing the work", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["not an image"], "notes.png", { type: "image/png" }));
    const target = document.querySelector("main")!;
    target.dispatchEvent(
      new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(
      new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  });
  await expect(page.getByText("notes.png could not be read as an image.")).toBeVisible();
  await expect(page.getByText("skimage_coffee.png · 600×400")).toBeVisible();

  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(320, 200);
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#2a7";
    context.fillRect(0, 0, 320, 200);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "dropped.png", { type: "image/png" }));
    const target = document.querySelector("main")!;
    target.dispatchEvent(
      new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }, bytes);
  await expect(page.getByText("dropped.png · 320×200")).toBeVisible();
});

test("on a small laptop screen Generate stays in reach, and Ctrl+Enter in the prompt generates", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  const generate = page.getByTestId("generate");
  await expect(generate).toBeInViewport();
  // Scrolling the sidebar's tools to either end never hides it.
  await page.getByTestId("prompt").scrollIntoViewIfNeeded();
  await expect(generate).toBeInViewport();
  await page.getByTestId("settings").scrollIntoViewIfNeeded();
  await expect(generate).toBeInViewport();

  const place = await imagePlacement(page, 600, 400);
  await paint(page, [
    [place.x + 250 * place.scale, place.y + 200 * place.scale],
    [place.x + 350 * place.scale, place.y + 200 * place.scale],
  ]);
  await page.getByTestId("prompt").fill("a plain table");
  await page.getByTestId("prompt").press("Control+Enter");
  await expect(page.getByTestId("prompt")).toHaveValue("a plain table"); // no new line typed
  const status = page.getByTestId("job-status");
  await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 30_000 });
  await expect(status).toBeInViewport();
});
