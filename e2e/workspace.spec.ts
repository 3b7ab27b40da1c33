import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { SAMPLE } from "../src/app/editor/open-sample";
import { sheetLayout } from "../src/app/history/sheet-layout";
import { outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { decodeDownload, exportedMask, firstRun, imagePlacement, openImage } from "./helpers";

test("a preset picked in Compare opens its frame (bug 3)", async ({ page }) => {
  await firstRun(page);
  const { frame } = outpaintGeometry("Make square", { width: 451, height: 300 });
  await page.getByTestId("outpaint-preset").locator('[data-preset="Make square"]').click();
  // The frame that Generate would outpaint is on screen, not the comparison.
  await expect(page.getByTestId("outpaint-stage")).toBeVisible();
  await expect(page.getByTestId("compare-slider")).toHaveCount(0);
  await expect(page.getByTestId("mode-extend")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("outpaint-size")).toContainText(
    `Make square: new canvas ${frame.width}×${frame.height}`,
  );
});

test("mask actions in Compare go back to Edit with the mask shown", async ({ page }) => {
  await firstRun(page);
  // Hidden before the run: the brush must bring it back.
  await page.getByTestId("mode-edit").click();
  await page.keyboard.press("h");
  await page.getByTestId("mode-compare").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible();

  await page.getByTestId("tool-rect").click();
  await expect(page.getByTestId("stage")).toBeVisible();
  await expect(page.getByTestId("mode-edit")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("tool-rect")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("mask-visible")).toHaveText("Hide");

  // Undo from Compare: back in the editor, and the stroke is undone.
  await page.getByTestId("mode-compare").click();
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("stage")).toBeVisible();
  await expect(page.getByTestId("undo")).toBeDisabled();

  // Keys do the same: Ctrl+Z... redo with Ctrl+Y from Compare.
  await page.getByTestId("mode-compare").click();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+y");
  await expect(page.getByTestId("stage")).toBeVisible();
  await expect(page.getByTestId("undo")).toBeEnabled();
  await page.getByTestId("mode-compare").click();
  await page.keyboard.press("e");
  await expect(page.getByTestId("tool-eraser")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("stage")).toBeVisible();
});

test("at 1024×640 the task, prompt and Generate are visible without scrolling", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto("/");
  await openImage(page, "skimage_coffee.png");
  for (const id of ["task", "prompt", "generate"]) {
    await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  }
  // The local engine reads no sampler settings: they are hidden, and one line says why.
  await expect(page.getByTestId("provider-ignores")).toContainText("does not read the prompt");
  await expect(page.getByTestId("param-steps")).toHaveCount(0);
  await expect(page.getByTestId("param-upsampling")).toHaveCount(0);
  await expect(page.getByTestId("param-format")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("edit-1024.png") });

  // Extend mode shows the frame's tools only.
  await page.getByTestId("mode-extend").click();
  await expect(page.getByTestId("outpaint-stage")).toBeVisible();
  await expect(page.getByTestId("tool-brush")).toHaveCount(0);
  await expect(page.getByTestId("generate")).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("generate")).toBeEnabled();
});

test("history cards open the run and say what it did", async ({ page }) => {
  await firstRun(page);
  await page.getByTestId("history-toggle").click();
  const card = page.getByTestId("history-run");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("history-run-task")).toHaveText("Replace · local");
  await expect(card.getByTestId("history-run-prompt")).toHaveText("No prompt");
  await expect(card.getByTestId("history-run-status")).toHaveText("1 ready");
  await expect(page.getByTestId("run-caption")).toContainText("No prompt");

  await page.getByTestId("mode-edit").click();
  // A click anywhere on the card (here its status line) opens the run.
  await card.getByTestId("history-run-status").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible();
  await expect(card).toHaveAttribute("data-current", "true");
});

test("first run: from an empty page to a comparison in two actions (time printed)", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  // The note says what the sample does: it opens in Remove, its post masked.
  await expect(page.getByTestId("sample-note")).toContainText("press Generate to remove the post");
  // Action 1: the sample, with its mask ready.
  const start = Date.now();
  await page.getByTestId("open-sample").click();
  await expect(page.getByText(`${SAMPLE.name} · 1200×800`)).toBeVisible();
  await expect(page.getByTestId("task").locator("[data-task=erase]")).toBeChecked();
  await expect(page.getByTestId("prompt")).toBeHidden();
  await expect(page.getByTestId("generate")).toBeEnabled();
  const mask = await exportedMask(page);
  // The post's cone, wheel and pole are masked; the grass beside it and the sky are kept.
  const post: [number, number][] = [
    [8, 520],
    [35, 595],
    [20, 700],
  ];
  const kept: [number, number][] = [
    [100, 100],
    [90, 600],
    [300, 650],
  ];
  expect(post.map(([x, y]) => mask.at(x, y))).toEqual([255, 255, 255]);
  expect(kept.map(([x, y]) => mask.at(x, y))).toEqual([0, 0, 0]);
  // Action 2: Generate. The comparison comes up by itself when the result is in.
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("result-image")).toHaveJSProperty("naturalWidth", 1200);
  const seconds = (Date.now() - start) / 1000;
  console.log(`first run: empty page → comparison in 2 actions, ${seconds.toFixed(1)} s`);
  testInfo.annotations.push({ type: "first-run-seconds", description: seconds.toFixed(1) });
  await page.screenshot({ path: testInfo.outputPath("first-run-1280.png") });
  // The first view shows the change: the divider starts across the post (columns 0–56 of 1200),
  // part of it before and part after, not in the middle of the unchanged hill.
  const image = (await page.getByTestId("result-image").boundingBox())!;
  const handle = (await page.locator(".__rcs-handle-button").boundingBox())!;
  const dividerColumn = ((handle.x + handle.width / 2 - image.x) / image.width) * 1200;
  expect(dividerColumn).toBeGreaterThan(0);
  expect(dividerColumn).toBeLessThan(56);
  // Its handle is whole, not cut by the photo's edge: its left rim, outside the photo, is the
  // handle where a pointer lands.
  const rimIsHandle = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest(".__rcs-handle-button") !== null,
    { x: handle.x + 3, y: handle.y + handle.height / 2 },
  );
  expect(handle.x).toBeLessThan(image.x);
  expect(rimIsHandle).toBe(true);

  // The post is gone: where it stood the result has the colour of the grass within 20 px
  // around it (the bright red and white post put the masked area 16 grey levels off it). The
  // app draws a new seed for each run; over 48 seeds the local fill is 2–6 off, mean 4.3
  // (measured on the engine with erase's 10 px dilation), and a CI run once
  // measured 6.04 through the app.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-result").click();
  const result = await decodeDownload(await download);
  expect([result.width, result.height]).toEqual([1200, 800]);
  const near = (x: number, y: number) => {
    for (let dy = -20; dy <= 20; dy++) {
      for (let dx = -20; dx <= 20; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && yy < 800 && mask.at(xx, yy) === 255) return true;
      }
    }
    return false;
  };
  const inside = [0, 0, 0];
  const around = [0, 0, 0];
  let nInside = 0;
  let nAround = 0;
  for (let y = 440; y < 780; y++) {
    for (let x = 0; x < 100; x++) {
      const masked = mask.at(x, y) === 255;
      if (!masked && !near(x, y)) continue;
      const p = (y * 1200 + x) * 3;
      for (let c = 0; c < 3; c++) (masked ? inside : around)[c]! += result.data[p + c]!;
      if (masked) nInside++;
      else nAround++;
    }
  }
  const offBy = Math.max(...inside.map((v, c) => Math.abs(v / nInside - around[c]! / nAround)));
  expect(offBy).toBeLessThan(8);
});

test("an outpaint's original is the photo in place over a checkerboard, in Compare and the PNG", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  await page.getByTestId("mode-extend").click();
  await page.getByTestId("outpaint-preset").locator('[data-preset="Right outpaint"]').click();
  const { frame } = outpaintGeometry("Right outpaint", { width: 451, height: 300 });
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("compare-slider")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("run-caption")).toContainText("Extend · Right outpaint");
  // Presented without a prompt, it says what was done.
  await page.getByTestId("present-open").click();
  await expect(page.getByTestId("present-caption")).toHaveText("Extended · Right outpaint");
  await page.getByRole("button", { name: "Leave presentation" }).click();

  // The Original tile: the canvas's size, the photo opaque at its place, nothing beside it.
  const original = page.getByRole("img", { name: "Original", exact: true });
  await expect(original).toHaveJSProperty("naturalWidth", frame.width);
  const alpha = await original.evaluate((img: HTMLImageElement, f) => {
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const at = (x: number, y: number) => context.getImageData(x, y, 1, 1).data[3];
    return {
      photo: at(f.image.x + 200, f.image.y + 150),
      added: at(f.width - 5, f.height / 2),
    };
  }, frame);
  expect(alpha).toEqual({ photo: 255, added: 0 });

  // The side-by-side PNG: the added area of the original panel is the checkerboard.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-sheet").click();
  const sheet = await decodeDownload(await download);
  const panel = sheetLayout([frame, frame]).panels[0]!;
  const colours = new Set<string>();
  for (let x = frame.width - 40; x < frame.width - 8; x += 3) {
    const i = ((panel.y + 20) * sheet.width + panel.x + x) * 3;
    colours.add(`${sheet.data[i]},${sheet.data[i + 1]},${sheet.data[i + 2]}`);
  }
  expect(colours).toEqual(new Set(["212,212,212", "163,163,163"]));
});

test("transparent pixels show the checkerboard in the editor, not black", async ({ page }) => {
  // 300×200, the left half fully transparent, the right half opaque blue.
  const rgba = Buffer.alloc(300 * 200 * 4);
  for (let i = 0; i < 300 * 200; i++) {
    if (i % 300 >= 150) rgba.set([30, 60, 200, 255], i * 4);
  }
  const png = await sharp(rgba, { raw: { width: 300, height: 200, channels: 4 } })
    .png()
    .toBuffer();
  await page.goto("/");
  await page
    .getByTestId("image-input")
    .setInputFiles({ name: "half.png", mimeType: "image/png", buffer: png });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  const place = await imagePlacement(page, 300, 200);
  const sample = (x0: number, x1: number) =>
    page
      .locator("[data-testid=stage] canvas")
      .first()
      .evaluate(
        (canvas: HTMLCanvasElement, p) => {
          const context = canvas.getContext("2d")!;
          const ratio = canvas.width / canvas.clientWidth;
          const seen = new Set<string>();
          for (let x = p.x0; x < p.x1; x += 3) {
            const at = [(p.x + x * p.scale) * ratio, (p.y + 100 * p.scale) * ratio];
            const [r, g, b] = context.getImageData(at[0]!, at[1]!, 1, 1).data;
            seen.add(`${r},${g},${b}`);
          }
          return [...seen];
        },
        { ...place, x0, x1 },
      );
  await expect.poll(() => sample(20, 60)).toEqual(expect.arrayContaining(["212,212,212"]));
  expect(new Set(await sample(20, 60))).toEqual(new Set(["212,212,212", "163,163,163"]));
  expect(await sample(200, 240)).toEqual(["30,60,200"]);
});
