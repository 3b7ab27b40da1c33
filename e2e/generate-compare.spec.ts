import { expect, type Page, test } from "@playwright/test";
import { SHEET, sheetLayout } from "../src/app/history/sheet-layout";
import {
  decodeDownload,
  decodeFixture,
  imagePlacement,
  openHistory,
  openImage,
  paint,
} from "./helpers";

async function paintAcross(page: Page) {
  const place = await imagePlacement(page, 512, 512);
  await paint(page, [
    [place.x + 156 * place.scale, place.y + 256 * place.scale],
    [place.x + 356 * place.scale, place.y + 256 * place.scale],
  ]);
}

const slider = (page: Page) => page.getByTestId("compare-slider").getByRole("slider");

test("variants, grid, A/B, keyboard slider, reload, use as input, presentation", async ({
  page,
}, testInfo) => {
  // Three local fills, a reload and a presentation: long on a shared two-core machine.
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  await paintAcross(page);

  // A bad value is explained before sending.
  await page.getByTestId("seed-locked").check();
  await page.getByTestId("param-seed").fill("x");
  await expect(page.getByText("Enter a number.")).toBeVisible();
  await expect(page.getByTestId("generate")).toBeDisabled();
  await page.getByTestId("seed-locked").uncheck();
  await expect(page.getByTestId("generate")).toBeEnabled();

  await page.getByTestId("variants").selectOption("3");
  await page.getByTestId("prompt").fill("a clear visor");
  await page.getByTestId("generate").click();

  const statuses = page.getByTestId("job-status");
  await expect(statuses).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(statuses.nth(i)).toHaveAttribute("data-status", "Ready", { timeout: 45_000 });
  }
  // Each variant was sent with its own seed. The sidebar's statuses can turn Ready a render before
  // the comparison's tiles show, so the tiles are waited for before they are read.
  const variantTiles = page.getByTestId("run-tile").filter({ hasText: /Variant \d+ · seed \d+/ });
  await expect(variantTiles).toHaveCount(3);
  const seeds = await variantTiles.allTextContents();
  expect(new Set(seeds.map((t) => /seed (\d+)/.exec(t)?.[1])).size).toBe(3);

  const grid = page.getByTestId("run-grid");
  await expect(grid).toBeVisible();
  await expect(grid.getByTestId("run-tile")).toHaveCount(4); // the original + 3 variants
  await expect(grid.locator("img")).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath("compare-1280.png") });

  // A/B: variant 1 against variant 3.
  await page.getByRole("button", { name: /Variant 1 · seed \d+ as A/ }).click();
  await page.getByRole("button", { name: /Variant 3 · seed \d+ as B/ }).click();
  const compare = page.getByTestId("compare-slider");
  await expect(compare).toContainText("A · Variant 1");
  await expect(compare).toContainText("B · Variant 3");
  await expect(page.getByTestId("result-image")).toHaveJSProperty("naturalWidth", 512);

  // The keyboard moves the divider: arrows by 5%, Home/End to the ends.
  await slider(page).focus();
  await page.keyboard.press("End");
  await expect(slider(page)).toHaveAttribute("aria-valuenow", "100");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(slider(page)).toHaveAttribute("aria-valuenow", "90");
  await page.keyboard.press("Home");
  await expect(slider(page)).toHaveAttribute("aria-valuenow", "0");
  // A click puts the divider where it lands.
  const box = (await compare.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
  await expect(slider(page)).toHaveAttribute("aria-valuenow", /^(24|25|26)$/);

  // Zoom is one state for both sides, and 100% is actual pixels: 512 image px on 512 screen px.
  await page.getByRole("button", { name: "Actual size" }).click();
  await expect(page.getByTestId("zoom-level")).toHaveText("100%");
  expect((await page.getByTestId("result-image").boundingBox())?.width).toBeCloseTo(512, 0);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.getByTestId("zoom-level")).toHaveText("150%");
  const transforms = await compare
    .locator("img[draggable=false]")
    .evaluateAll((imgs) => imgs.map((img) => (img.parentElement as HTMLElement).style.transform));
  expect(transforms).toHaveLength(2);
  expect(transforms[0]).toContain("scale(1.5)");
  expect(transforms[1]).toBe(transforms[0]);
  // With the hand tool, a drag pans both sides together.
  await page.getByRole("button", { name: "Pan" }).click();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const panned = await compare
    .locator("img[draggable=false]")
    .evaluateAll((imgs) => imgs.map((img) => (img.parentElement as HTMLElement).style.transform));
  expect(panned[0]).not.toBe(transforms[0]);
  expect(panned[1]).toBe(panned[0]);
  await expect(slider(page)).toHaveAttribute("aria-valuenow", /^(24|25|26)$/);

  await page.getByTestId("mask-outline-toggle").check();
  await expect(page.getByTestId("mask-outline")).toHaveCount(2);

  // original | the three results on one PNG.
  const sheetDownload = page.waitForEvent("download");
  await page.getByTestId("download-sheet").click();
  const sheet = await decodeDownload(await sheetDownload);
  expect(sheet.name).toMatch(/^fillpaint-compare-skimage_astronaut-a-clear-visor-.*\.png$/);
  // Four labelled panels with gutters; the first is the original, pixel for pixel.
  const layout = sheetLayout(Array.from({ length: 4 }, () => ({ width: 512, height: 512 })));
  expect([sheet.width, sheet.height]).toEqual([layout.width, layout.height]);
  const original = await decodeFixture("skimage_astronaut.png");
  const at = layout.panels[0]!;
  for (const [x, y] of [
    [10, 10],
    [256, 256],
    [500, 400],
  ] as const) {
    for (let c = 0; c < 3; c++) {
      expect(sheet.data[((at.y + y) * sheet.width + at.x + x) * 3 + c]).toBe(
        original.data[(y * 512 + x) * 3 + c],
      );
    }
  }
  // The gutter is the sheet's background, and the label band above a panel holds text.
  expect([...sheet.data.subarray(0, 3)]).toEqual([0x1c, 0x1c, 0x1f]);
  let labelInk = 0;
  for (let x = at.x; x < at.x + 120; x++) {
    const i = ((at.y - SHEET.label / 2) * sheet.width + x) * 3;
    if (sheet.data[i]! > 128) labelInk += 1;
  }
  expect(labelInk).toBeGreaterThan(5);

  // Everything comes back after a reload: the history and the run on show.
  await page.reload();
  await openHistory(page);
  const history = page.getByTestId("history");
  await expect(history.getByTestId("history-run")).toHaveCount(1);
  await expect(history.getByTestId("history-run-status")).toHaveText("3 ready");
  await expect(history).toContainText("a clear visor");
  await history.getByRole("button", { name: "a clear visor" }).click();
  await expect(page.getByTestId("run-grid").locator("img")).toHaveCount(4);
  // The document too: the image being edited and its mask (the 200×40 px stroke).
  await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
  await page.getByTestId("mode-edit").click();
  const maskDownload = page.waitForEvent("download");
  await page.getByTestId("download-mask").click();
  const mask = await decodeDownload(await maskDownload);
  expect(mask.data[(256 * 512 + 256) * 3]).toBe(255);
  expect(mask.data[(10 * 512 + 10) * 3]).toBe(0);

  // A result becomes the image to keep editing.
  await page.getByTestId("mode-compare").click();
  await page.getByTestId("use-as-input").click();
  await expect(page.getByText("skimage_astronaut-v1.png · 512×512")).toBeVisible();
  await expect(page.getByTestId("stage")).toBeVisible();
  // The form came back too.
  await expect(page.getByTestId("prompt")).toHaveValue("a clear visor");
  await expect(page.getByTestId("variants")).toHaveValue("3");

  // Presentation: P opens it on the chosen B, arrows step through the variants, Esc leaves.
  await history.getByRole("button", { name: "a clear visor" }).click();
  await page.getByRole("button", { name: /Variant 2 · seed \d+ as A/ }).click();
  await page.getByRole("button", { name: /Variant 3 · seed \d+ as B/ }).click();
  await expect(compare).toContainText("A · Variant 2");
  await expect(compare).toContainText("B · Variant 3");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("p");
  const present = page.getByTestId("present");
  await expect(present).toBeVisible();
  await expect(page.getByTestId("present-caption")).toHaveText("a clear visor");
  await expect(page.getByTestId("present-task")).toHaveText("Replaced");
  await expect(page.getByTestId("present-step")).toContainText("Variant 3 · 3 of 3");
  await page.screenshot({ path: testInfo.outputPath("present-1280.png") });
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("present-step")).toContainText("Variant 1 · 1 of 3");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("present-step")).toContainText("Variant 2 · 2 of 3");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("present-step")).toContainText("Variant 1 · 1 of 3");
  await page.keyboard.press("Escape");
  await expect(present).toBeHidden();
  // Stepping belonged to the presentation: the comparison is the one the user chose.
  await expect(compare).toContainText("A · Variant 2");
  await expect(compare).toContainText("B · Variant 3");
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: width === 1024 ? 640 : 800 });
    await page.screenshot({ path: testInfo.outputPath(`after-present-${width}.png`) });
  }

  // Storage use is shown; deleting the run frees it.
  await expect(page.getByTestId("storage-use")).not.toHaveText(/^0\.0 MB/);
  await history.getByTestId("history-delete").click();
  await expect(history.getByTestId("history-run")).toHaveCount(0);
  await expect(page.getByTestId("storage-use")).toHaveText(/^0\.0 MB of/);
  expect(errors).toEqual([]);
});

test.describe("on a touch screen", () => {
  test.use({ hasTouch: true });

  test("dragging the handle with a finger moves the divider", async ({ page }) => {
    await page.goto("/");
    await openImage(page, "skimage_astronaut.png");
    await paintAcross(page);
    await page.getByTestId("generate").click();
    await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
      timeout: 30_000,
    });
    const frame = (await page.getByTestId("compare-slider").boundingBox())!;
    const handle = (await page.locator(".__rcs-handle-button").boundingBox())!;
    const start = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    const end = { x: frame.x + frame.width * 0.8, y: start.y };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let i = 1; i <= 8; i++) {
      const x = start.x + ((end.x - start.x) * i) / 8;
      await cdp.send("Input.dispatchTouchEvent", {
        type: "touchMove",
        touchPoints: [{ x, y: start.y }],
      });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect
      .poll(async () => Number(await slider(page).getAttribute("aria-valuenow")))
      .toBeCloseTo(80, 0);

    // "Use as input" keeping the mask: the result is the new image, the painted area stays.
    await page.getByTestId("keep-mask").check();
    await page.getByTestId("use-as-input").click();
    await expect(page.getByText("skimage_astronaut-v1.png · 512×512")).toBeVisible();
    await expect(page.getByTestId("generate")).toBeEnabled();
    const maskDownload = page.waitForEvent("download");
    await page.getByTestId("download-mask").click();
    const mask = await decodeDownload(await maskDownload);
    expect(mask.data[(256 * 512 + 256) * 3]).toBe(255);
    expect(mask.data[(10 * 512 + 10) * 3]).toBe(0);
  });
});
