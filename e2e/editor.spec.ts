import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { exportedMask, fixture, imagePlacement, openImage, paint, toScreen } from "./helpers";

// skimage_astronaut.png is 512×512 and is enlarged to fit the 1280×800 viewport.
async function openAstronaut(page: Page) {
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  return imagePlacement(page, 512, 512);
}

const horizontal = (view: { scale: number; x: number; y: number }, y: number) => [
  toScreen(view, 156, y),
  toScreen(view, 356, y),
];

test("a brush stroke of size 40 exports white exactly there; undo and redo by key and button", async ({
  page,
}) => {
  const view = await openAstronaut(page);
  await expect(page.getByTestId("brush-size")).toHaveValue("40");
  await paint(page, horizontal(view, 256));
  let mask = await exportedMask(page);
  expect([mask.width, mask.height]).toEqual([512, 512]);
  expect([mask.at(256, 256), mask.at(160, 240), mask.at(350, 272)]).toEqual([255, 255, 255]);
  expect([mask.at(256, 230), mask.at(256, 282), mask.at(100, 256), mask.at(10, 10)]).toEqual([
    0, 0, 0, 0,
  ]);
  expect(new Set(mask.data)).toEqual(new Set([0, 255]));

  await page.keyboard.press("Control+z");
  expect((await exportedMask(page)).at(256, 256)).toBe(0);
  await page.keyboard.press("Control+Shift+z");
  expect((await exportedMask(page)).at(256, 256)).toBe(255);
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("redo")).toBeEnabled();
  await page.getByTestId("redo").click();
  mask = await exportedMask(page);
  expect(mask.at(256, 256)).toBe(255);

  // Typing in the prompt never triggers editor shortcuts.
  await page.getByTestId("prompt").fill("");
  await page.getByTestId("prompt").pressSequentially("ebh[");
  await page.getByTestId("prompt").press("Control+z");
  await expect(page.getByTestId("tool-brush")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("brush-size")).toHaveValue("40");
  expect((await exportedMask(page)).at(256, 256)).toBe(255);
});

test("the eraser, right-drag and keys B/E/[ ] cut strokes out of the mask", async ({ page }) => {
  const view = await openAstronaut(page);
  await page.getByTestId("brush-size").fill("100");
  await paint(page, horizontal(view, 256));
  await page.locator("body").press("e");
  await expect(page.getByTestId("tool-eraser")).toHaveAttribute("aria-pressed", "true");
  await page.locator("body").press("[");
  await expect(page.getByTestId("brush-size")).toHaveValue("90");
  await paint(page, [toScreen(view, 256, 150), toScreen(view, 256, 360)]);
  let mask = await exportedMask(page);
  expect([mask.at(200, 256), mask.at(256, 256), mask.at(320, 256)]).toEqual([255, 0, 255]);

  // Right-drag erases with the brush tool selected.
  await page.locator("body").press("b");
  const box = (await page.getByTestId("stage").boundingBox())!;
  const [x, y] = toScreen(view, 180, 150);
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.down({ button: "right" });
  await page.mouse.move(box.x + x, box.y + toScreen(view, 180, 360)[1], { steps: 8 });
  await page.mouse.up({ button: "right" });
  mask = await exportedMask(page);
  expect([mask.at(180, 256), mask.at(320, 256)]).toEqual([0, 255]);
});

test("painting stays aligned with the image when zoomed in and panned", async ({ page }) => {
  const fit = await openAstronaut(page);
  const box = (await page.getByTestId("stage").boundingBox())!;
  const centre = { x: Math.floor(box.width) / 2, y: Math.floor(box.height) / 2 };
  await page.locator("body").press("+");
  await page.locator("body").press("+");
  const factor = 1.25 * 1.25;
  let view = {
    scale: fit.scale * factor,
    x: centre.x - (centre.x - fit.x) * factor,
    y: centre.y - (centre.y - fit.y) * factor,
  };
  await paint(page, [toScreen(view, 200, 240), toScreen(view, 300, 240)]);
  // Pan with Space+drag by (-60, -40) screen pixels, then paint again.
  await page.mouse.move(box.x + 400, box.y + 400);
  await page.keyboard.down("Space");
  await page.mouse.down();
  await page.mouse.move(box.x + 340, box.y + 360, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up("Space");
  // Then with the middle button by (+20, -30).
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down({ button: "middle" });
  await page.mouse.move(box.x + 320, box.y + 270, { steps: 5 });
  await page.mouse.up({ button: "middle" });
  view = { ...view, x: view.x - 40, y: view.y - 70 };
  await paint(page, [toScreen(view, 220, 320), toScreen(view, 300, 320)]);
  const mask = await exportedMask(page);
  expect([mask.at(200, 240), mask.at(250, 259), mask.at(300, 221)]).toEqual([255, 255, 255]);
  expect([mask.at(250, 262), mask.at(250, 218), mask.at(175, 240)]).toEqual([0, 0, 0]);
  expect([mask.at(220, 320), mask.at(300, 320), mask.at(260, 343)]).toEqual([255, 255, 0]);
});

test("rectangle fills and lasso cuts; invert and clear", async ({ page }) => {
  const view = await openAstronaut(page);
  await page.getByTestId("tool-rect").click();
  await paint(page, [toScreen(view, 100, 100), toScreen(view, 300, 200)]);
  let mask = await exportedMask(page);
  expect([mask.at(101, 101), mask.at(298, 198), mask.at(98, 150), mask.at(200, 202)]).toEqual([
    255, 255, 0, 0,
  ]);
  // An Alt+drag lasso triangle cuts a hole inside the rectangle.
  await page.getByTestId("tool-lasso").click();
  await page.keyboard.down("Alt");
  await paint(page, [
    toScreen(view, 150, 110),
    toScreen(view, 250, 110),
    toScreen(view, 200, 190),
    toScreen(view, 150, 110),
  ]);
  await page.keyboard.up("Alt");
  mask = await exportedMask(page);
  expect([mask.at(200, 130), mask.at(120, 150), mask.at(260, 180)]).toEqual([0, 255, 255]);
  await page.getByTestId("mask-invert").click();
  mask = await exportedMask(page);
  expect([mask.at(200, 130), mask.at(120, 150), mask.at(10, 10)]).toEqual([255, 0, 255]);
  await page.getByTestId("mask-clear").click();
  mask = await exportedMask(page);
  expect(new Set(mask.data)).toEqual(new Set([0]));
});

test("grow, feather and the alpha-channel form change the export as promised", async ({ page }) => {
  const view = await openAstronaut(page);
  await page.getByTestId("tool-rect").click();
  await paint(page, [toScreen(view, 200, 200), toScreen(view, 300, 300)]);
  await page.getByTestId("grow-pixels").fill("10");
  await page.getByTestId("mask-grow").click();
  let mask = await exportedMask(page);
  expect([mask.at(192, 250), mask.at(185, 250)]).toEqual([255, 0]);
  await page.getByTestId("feather").fill("12");
  mask = await exportedMask(page);
  const greys = [...mask.data].filter((v) => v > 0 && v < 255).length;
  expect(greys).toBeGreaterThan(1000);
  expect([mask.at(250, 250), mask.at(20, 20)]).toEqual([255, 0]);
  await page.getByTestId("feather").fill("0");

  const download = page.waitForEvent("download");
  await page.getByTestId("download-mask-alpha").click();
  const file = await (await download).path();
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height, info.channels]).toEqual([512, 512, 4]);
  expect(data[(250 * 512 + 250) * 4 + 3]).toBe(0);
  expect(data[(20 * 512 + 20) * 4 + 3]).toBe(255);
  const original = await sharp(fixture("skimage_astronaut.png")).raw().toBuffer();
  expect(data[(20 * 512 + 20) * 4]).toBe(original[(20 * 512 + 20) * 3]);
});

test("imported masks: a grey one of another size is resized with a notice; an alpha one", async ({
  page,
}) => {
  await page.goto("/");
  await openImage(page, "skimage_coffee.png"); // 600×400
  // A grey mask at half size: left half light grey (repaint), right half dark (keep).
  const small = await sharp({
    create: { width: 300, height: 200, channels: 3, background: { r: 40, g: 40, b: 40 } },
  })
    .composite([
      {
        input: {
          create: { width: 150, height: 200, channels: 3, background: { r: 200, g: 200, b: 200 } },
        },
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .toBuffer();
  await page
    .getByTestId("mask-import")
    .setInputFiles({ name: "mask.jpg", mimeType: "image/jpeg", buffer: small });
  await expect(page.getByText("The mask was 300×200; it was resized")).toBeVisible();
  const mask = await exportedMask(page);
  expect([mask.width, mask.height]).toEqual([600, 400]);
  expect([mask.at(100, 200), mask.at(500, 200)]).toEqual([255, 0]);
  expect(new Set(mask.data)).toEqual(new Set([0, 255]));
  await page.getByTestId("undo").click();
  expect((await exportedMask(page)).at(100, 200)).toBe(0);

  // An alpha-channel mask at the image's size: transparent (right half) = repaint, no notice.
  const alpha = await sharp({
    create: { width: 600, height: 400, channels: 4, background: { r: 9, g: 9, b: 9, alpha: 0 } },
  })
    .composite([
      {
        input: {
          create: {
            width: 300,
            height: 400,
            channels: 4,
            background: { r: 9, g: 9, b: 9, alpha: 1 },
          },
        },
        left: 0,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
  await page
    .getByTestId("mask-import")
    .setInputFiles({ name: "alpha.png", mimeType: "image/png", buffer: alpha });
  await expect(page.getByTestId("redo")).toBeDisabled();
  const fromAlpha = await exportedMask(page);
  expect([fromAlpha.at(100, 200), fromAlpha.at(500, 200)]).toEqual([0, 255]);
});

test("image, mask and history survive a reload", async ({ page }) => {
  const view = await openAstronaut(page);
  await paint(page, horizontal(view, 120));
  await paint(page, horizontal(view, 400));
  await page.getByTestId("undo").click();
  await page.waitForTimeout(500); // the save is debounced
  await page.reload();
  await expect(page.getByText("skimage_astronaut.png · 512×512")).toBeVisible();
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  let mask = await exportedMask(page);
  expect([mask.at(256, 120), mask.at(256, 400)]).toEqual([255, 0]);
  await page.getByTestId("redo").click();
  mask = await exportedMask(page);
  expect([mask.at(256, 120), mask.at(256, 400)]).toEqual([255, 255]);
});

test("formats are read from content; EXIF orientation applies; paste opens an image", async ({
  page,
}) => {
  await page.goto("/");
  // A PNG named .jpg opens: the format comes from the bytes.
  await openImage(page, "rembg_plants-1_PNG-named-.jpg");
  await expect(page.getByText("rembg_plants-1_PNG-named-.jpg · 987×1481")).toBeVisible();

  // BFL's alpha-masked image offers its transparent area, which is exactly BFL's mask.png.
  await openImage(page, "fill_alpha_masked_image.png");
  await page.getByRole("button", { name: "Use as mask" }).click();
  const mask = await exportedMask(page);
  const expected = await sharp(fixture("fill_mask.png")).greyscale().raw().toBuffer();
  expect([mask.width, mask.height]).toEqual([1408, 1408]);
  let differing = 0;
  for (let i = 0; i < expected.length; i++) if (mask.data[i * 3] !== expected[i]) differing++;
  expect(differing).toBe(0);

  await openImage(page, "exif_Landscape_6.jpg");
  await expect(page.getByText("exif_Landscape_6.jpg · 1800×1200")).toBeVisible();

  const bytes = [...(await sharp(fixture("skimage_chelsea.png")).png().toBuffer())];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "image.png", { type: "image/png" }));
    window.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer }));
  }, bytes);
  await expect(page.getByText("pasted image · 451×300")).toBeVisible();
});

test("wheel zooms around the pointer, Alt+wheel sizes the brush, H hides, ? lists shortcuts", async ({
  page,
}) => {
  const fit = await openAstronaut(page);
  const box = (await page.getByTestId("stage").boundingBox())!;
  const [cx, cy] = toScreen(fit, 256, 256);
  await page.mouse.move(box.x + cx, box.y + cy);
  await page.keyboard.down("Alt");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Alt");
  await expect(page.getByTestId("brush-size")).toHaveValue("44");
  // The ring is the brush's true size on screen, updated without a move.
  const ring = Number.parseFloat(
    await page.getByTestId("brush-cursor").evaluate((el) => getComputedStyle(el).width),
  );
  expect(ring).toBeCloseTo(44 * fit.scale, 0);

  // Zoom in on the image centre with the wheel: that pixel stays under the pointer. The zoom
  // reaches the store (and the readout) once the wheel rests.
  await page.mouse.wheel(0, -300);
  const wheelZoom = Math.exp(300 * 0.0015);
  await expect(page.getByTestId("zoom-level")).toHaveText(
    `${Math.round(fit.scale * wheelZoom * 100)}%`,
  );
  await page.getByTestId("brush-size").fill("10");
  await paint(page, [
    [cx, cy],
    [cx + 1, cy],
  ]);
  // 32 image px to the right of the centre, at the wheel's zoom.
  const dx = 32 * fit.scale * wheelZoom;
  await paint(page, [
    [cx + dx, cy],
    [cx + dx + 1, cy],
  ]);
  const mask = await exportedMask(page);
  expect([mask.at(256, 256), mask.at(288, 256)]).toEqual([255, 255]);
  expect([mask.at(256, 262), mask.at(250, 256)]).toEqual([0, 0]); // a 10 px dot, not a 40 px one
  // Where the second dot would be without the zoom.
  expect(mask.at(256 + Math.round(dx / fit.scale), 256)).toBe(0);

  const maskCanvas = page.locator("[data-testid=stage] canvas").nth(1);
  await page.locator("body").press("h");
  await expect(maskCanvas).toHaveCSS("opacity", "0");
  await page.locator("body").press("h");
  await expect(maskCanvas).toHaveCSS("opacity", "0.55");
  await page.keyboard.down("o");
  await expect(maskCanvas).toHaveCSS("opacity", "0");
  await page.keyboard.up("o");
  await expect(maskCanvas).toHaveCSS("opacity", "0.55");
  await page.locator("body").press("?");
  await expect(page.getByTestId("shortcut-sheet")).toContainText("Peek at the bare image");
  await page.locator("body").press("Escape");
  await expect(page.getByTestId("shortcut-sheet")).toBeHidden();
});

test("Shift+click draws a straight line from the last stroke's end", async ({ page }) => {
  const view = await openAstronaut(page);
  await paint(page, [toScreen(view, 100, 100)]);
  const box = (await page.getByTestId("stage").boundingBox())!;
  const [x, y] = toScreen(view, 400, 400);
  await page.keyboard.down("Shift");
  await page.mouse.click(box.x + x, box.y + y);
  await page.keyboard.up("Shift");
  const mask = await exportedMask(page);
  expect([mask.at(100, 100), mask.at(250, 250), mask.at(400, 400)]).toEqual([255, 255, 255]);
  expect([mask.at(250, 290), mask.at(100, 400)]).toEqual([0, 0]);
});

test.describe("touch", () => {
  test.use({ hasTouch: true });

  test("a two-finger pinch zooms and one finger paints where it touches", async ({ page }) => {
    const fit = await openAstronaut(page);
    const box = (await page.getByTestId("stage").boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const mid = { x: fit.x + 256 * fit.scale, y: fit.y + 256 * fit.scale };
    const centre = { x: box.x + mid.x, y: box.y + mid.y };
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", spread: number) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints:
          type === "touchEnd"
            ? []
            : [
                { x: centre.x - spread, y: centre.y, id: 1 },
                { x: centre.x + spread, y: centre.y, id: 2 },
              ],
      });
    await touch("touchStart", 50);
    for (let spread = 55; spread <= 100; spread += 5) await touch("touchMove", spread);
    await touch("touchEnd", 0);
    // Doubling the fingers' distance doubles the scale around their midpoint.
    const view = {
      scale: fit.scale * 2,
      x: mid.x - (mid.x - fit.x) * 2,
      y: mid.y - (mid.y - fit.y) * 2,
    };
    const [x0, y] = toScreen(view, 230, 256);
    const [x1] = toScreen(view, 280, 256);
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchStart",
      touchPoints: [{ x: box.x + x0, y: box.y + y, id: 3 }],
    });
    for (let x = x0; x <= x1; x += 10) {
      await cdp.send("Input.dispatchTouchEvent", {
        type: "touchMove",
        touchPoints: [{ x: box.x + x, y: box.y + y, id: 3 }],
      });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    const mask = await exportedMask(page);
    expect([mask.at(230, 256), mask.at(280, 256), mask.at(255, 275)]).toEqual([255, 255, 255]);
    // Unzoomed, the same finger path would cover image x 204–304: both ends stay black.
    expect([mask.at(255, 282), mask.at(200, 256), mask.at(310, 256)]).toEqual([0, 0, 0]);
  });
});

test("a large photo starts with a brush sized to it; the user's own size then stands", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // 6000×4000 (24 MP): 4% of the 4000 px short side is a 160 px brush, where the old fixed 40 px
  // was about 6 px on screen at fit zoom.
  const [width, height] = [6000, 4000];
  const buffer = await sharp({
    create: { width, height, channels: 3, background: { r: 70, g: 120, b: 90 } },
  })
    .png()
    .toBuffer();
  await page.goto("/");
  await page.getByTestId("image-input").setInputFiles({
    name: "large.png",
    mimeType: "image/png",
    buffer,
  });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  await expect(page.getByTestId("brush-size")).toHaveValue("160");
  const view = await imagePlacement(page, width, height);
  await paint(page, [toScreen(view, 1000, 1500), toScreen(view, 5000, 1500)]);
  const box = (await page.getByTestId("stage").boundingBox())!;
  const [cx, cy] = toScreen(view, 3000, 3000);
  await page.mouse.move(box.x + cx, box.y + cy);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`large-brush-${viewport.width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // A one-screen-pixel error in the stroke's position is ~7 image pixels at this zoom.
  let mask = await exportedMask(page);
  expect([mask.width, mask.height]).toEqual([width, height]);
  expect([mask.at(3000, 1500), mask.at(3000, 1430), mask.at(3000, 1570)]).toEqual([255, 255, 255]);
  expect([mask.at(3000, 1395), mask.at(3000, 1605), mask.at(3000, 3000)]).toEqual([0, 0, 0]);

  // The user's choice is kept while they work on this image: strokes and undo do not reset it.
  await page.getByTestId("brush-size").fill("400");
  const placed = await imagePlacement(page, width, height);
  await paint(page, [toScreen(placed, 1000, 3000), toScreen(placed, 5000, 3000)]);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+Shift+z");
  await expect(page.getByTestId("brush-size")).toHaveValue("400");
  mask = await exportedMask(page);
  expect([mask.at(3000, 2830), mask.at(3000, 3170)]).toEqual([255, 255]);
  expect([mask.at(3000, 2770), mask.at(3000, 3230)]).toEqual([0, 0]);

  // Another image starts again from its own default.
  await openImage(page, "skimage_astronaut.png");
  await expect(page.getByTestId("brush-size")).toHaveValue("40");
});
