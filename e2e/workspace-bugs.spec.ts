import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { exportedMask, imagePlacement, openImage, paint, toScreen } from "./helpers";

/** Issue 12's bugs found by a new user; each test failed before its fix. */

async function openAstronaut(page: Page) {
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  return imagePlacement(page, 512, 512);
}

/** Opens a flat-colour PNG of any size, made here so the fixture says its own size. */
async function openGenerated(page: Page, width: number, height: number) {
  const buffer = await sharp({
    create: { width, height, channels: 3, background: { r: 90, g: 140, b: 200 } },
  })
    .png()
    .toBuffer();
  await page.getByTestId("image-input").setInputFiles({
    name: `flat-${width}x${height}.png`,
    mimeType: "image/png",
    buffer,
  });
  await expect(page.getByText(`flat-${width}x${height}.png · ${width}×${height}`)).toBeVisible();
}

const preset = (page: Page, name: string) =>
  page.getByTestId("outpaint-preset").locator(`[data-preset="${name}"]`);

test("bug 1: Space+drag pans, and does not paint, after a sidebar button was clicked", async ({
  page,
}) => {
  const view = await openAstronaut(page);
  await page.getByTestId("tool-brush").click();
  const box = (await page.getByTestId("stage").boundingBox())!;
  const [x, y] = toScreen(view, 256, 300);
  await page.mouse.move(box.x + x, box.y + y);
  await page.keyboard.down("Space");
  await page.mouse.down();
  // Fit enlarges the 512 px image, so 100 image pixels are 100 × scale on screen.
  await page.mouse.move(box.x + x, box.y + y + 100 * view.scale, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up("Space");
  // The image moved down 100 image pixels: a stroke at the old y = 256 lands on image y = 156.
  await paint(page, [toScreen(view, 156, 256), toScreen(view, 356, 256)]);
  const mask = await exportedMask(page);
  expect([mask.at(256, 156), mask.at(256, 256), mask.at(256, 350)]).toEqual([255, 0, 0]);
});

test("bug 2: Make square on a 640×427 image gives a 640×640 canvas", async ({ page }) => {
  await page.goto("/");
  await openGenerated(page, 640, 427);
  await page.getByTestId("mode-extend").click();
  await preset(page, "Make square").click();
  await expect(page.getByTestId("outpaint-size")).toContainText("640×640");
});

test("bug 4: the 'Use as mask' offer goes away when another image opens", async ({ page }) => {
  await page.goto("/");
  await openImage(page, "fill_alpha_masked_image.png");
  const offer = page.getByText("This image has transparent areas.");
  await expect(offer).toBeVisible();
  await openImage(page, "skimage_astronaut.png");
  await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
  await expect(offer).toBeHidden();
  await expect(page.getByRole("button", { name: "Use as mask" })).toHaveCount(0);
});

test("bug 5: a reload keeps the outpaint frame and its preset, and Generate stays enabled", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  await page.getByTestId("mode-extend").click();
  await preset(page, "Zoom out 2x").click();
  const size = await page.getByTestId("outpaint-size").textContent();
  await page.getByTestId("prompt").fill("a wider room");
  await page.reload();
  await expect(page.getByTestId("outpaint-stage")).toBeVisible();
  await expect(preset(page, "Zoom out 2x")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("outpaint-size")).toHaveText(size ?? "");
  await expect(page.getByTestId("prompt")).toHaveValue("a wider room");
  await expect(page.getByTestId("generate")).toBeEnabled();
});

// Bug 6 for a mask over everything is in fill-flow.spec.ts, where that case was tested before.
test("bug 6: a 1×1 image outpaints, with handles no bigger than its frame", async ({ page }) => {
  await page.goto("/");
  await openGenerated(page, 1, 1);
  await page.getByTestId("mode-extend").click();
  await preset(page, "Zoom out 2x").click();
  await expect(page.getByTestId("outpaint-stage")).toBeVisible();
  // The frame's Konva stage is made after its container shows: wait until its handles exist.
  const measured = await page.waitForFunction(() => {
    const konva = (window as unknown as { Konva: typeof import("konva").default }).Konva;
    const stage = konva.stages.find((s) => s.container().closest("[data-testid=outpaint-stage]"));
    const names = ["left", "right", "top", "bottom"];
    if (!stage || names.some((name) => !stage.findOne(`.${name}`))) return null;
    const rect = (name: string) => stage.findOne(`.${name}`)!.getClientRect();
    // The first rect drawn is the frame's shaded area.
    const frame = stage.findOne("Rect")!.getClientRect();
    return { frame, handles: names.map(rect) };
  });
  const sizes = (await measured.jsonValue())!;
  for (const handle of sizes.handles) {
    expect(handle.width).toBeLessThanOrEqual(sizes.frame.width);
    expect(handle.height).toBeLessThanOrEqual(sizes.frame.height);
  }
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("job-retry")).toHaveCount(0);
});

test("bug 7: a reload right after a stroke keeps it (a rect, then part of it erased)", async ({
  page,
}) => {
  const view = await openAstronaut(page);
  await page.getByTestId("tool-rect").click();
  await paint(page, [toScreen(view, 100, 100), toScreen(view, 300, 300)]);
  await page.getByTestId("tool-eraser").click();
  await paint(page, [toScreen(view, 200, 200), toScreen(view, 200, 200)]);
  await page.reload();
  await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
  const mask = await exportedMask(page);
  expect([mask.at(120, 120), mask.at(280, 280), mask.at(200, 200), mask.at(50, 50)]).toEqual([
    255, 255, 0, 0,
  ]);
});
