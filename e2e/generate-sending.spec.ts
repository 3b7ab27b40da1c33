import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { FILL_ROUTE } from "../src/contract";
import { imagePlacement, openHistory, paint } from "./helpers";

/**
 * Writes a flat-coloured image of that size (small on disk however many pixels), opens it and
 * paints a stroke across its middle.
 */
async function openAndPaint(page: Page, path: string, width: number, height: number) {
  await sharp({ create: { width, height, channels: 3, background: "#5a7d9a" } }).toFile(path);
  await page.goto("/");
  await page.getByTestId("image-input").setInputFiles(path);
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  const place = await imagePlacement(page, width, height);
  const y = place.y + (height / 2) * place.scale;
  await paint(page, [
    [place.x + width * 0.3 * place.scale, y],
    [place.x + width * 0.7 * place.scale, y],
  ]);
}

test("an image over the provider's pixel limit is refused at open, with the image kept", async ({
  page,
}, testInfo) => {
  // 24 MP: over the 20 MP every provider takes; one flat colour keeps the file small.
  const [width, height] = [6000, 4000];
  const path = testInfo.outputPath("huge.jpg");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await openAndPaint(page, path, width, height);

  const reason =
    "This image is 6000×4000 (24.0 MP); Local fill engine (offline) takes at most 20.0 MP. Work on a 20 MP copy, pick another provider or open a smaller image.";
  // Said as the image opens, and beside Generate, which stays disabled while it holds.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: reason })).toBeVisible();
  await expect(page.getByTestId("image-too-large")).toHaveText(reason);
  const generate = page.getByTestId("generate");
  await expect(generate).toBeDisabled();
  await expect(generate).toHaveAttribute("title", reason);
  // The image and the mask stay: the stroke is still there to undo.
  await expect(page.getByText(`huge.jpg · ${width}×${height}`)).toBeVisible();
  await page.keyboard.press("Control+Enter");
  expect(posts).toEqual([]);

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(page.getByTestId("image-too-large")).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`too-large-${viewport.width}.png`) });
  }
});

test("an image over the pixel limit is worked on as a 20 MP copy, mask and all, in one click", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000); // a 20 MP fill on the local engine takes its time on a shared machine
  const [width, height] = [6000, 4000];
  const [copyWidth, copyHeight] = [5477, 3651];
  await openAndPaint(page, testInfo.outputPath("camera.png"), width, height);
  const offer = page.getByTestId("work-on-copy");
  await expect(offer).toHaveText("Work on a 20 MP copy");
  await expect(page.getByTestId("generate")).toBeDisabled();
  for (const viewport of [
    { width: 1024, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(offer).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`copy-offer-${viewport.width}.png`) });
  }

  await offer.click();
  await expect(offer).toHaveText("Making the copy…");
  // Redrawing and re-encoding 20 MP takes seconds in a GPU-less test browser.
  await expect(page.getByText(`camera.png · ${copyWidth}×${copyHeight}`)).toBeVisible({
    timeout: 60_000,
  });
  const notice = page.locator("[data-sonner-toast]").filter({
    hasText: `Working on a ${copyWidth}×${copyHeight} copy.`,
  });
  await expect(notice).toBeVisible();
  await expect(page.getByTestId("image-too-large")).toHaveCount(0);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(viewport);
    await expect(notice).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`copy-working-${viewport.width}.png`) });
  }

  // The original can be put back, stroke and all; then the copy is made again.
  await notice.getByRole("button", { name: "Back to the original" }).click();
  await expect(page.getByText(`camera.png · ${width}×${height}`)).toBeVisible();
  await expect(page.getByTestId("generate")).toBeDisabled();
  await offer.click();
  await expect(page.getByText(`camera.png · ${copyWidth}×${copyHeight}`)).toBeVisible({
    timeout: 60_000,
  });
  // The notice stays for a minute over the sidebar's corner; it can be closed at once.
  const again = page.locator("[data-sonner-toast]").filter({ hasText: "Working on a" });
  await again.getByRole("button", { name: "Close toast" }).click();
  await expect(again).toHaveCount(0);

  const sent = page.waitForRequest((r) => r.url().endsWith(FILL_ROUTE));
  await page.getByTestId("prompt").fill("a plain wall");
  await page.getByTestId("generate").click();
  const body = (await sent).postDataJSON() as { image: string; mask: string };
  const image = await sharp(Buffer.from(body.image, "base64")).metadata();
  expect([image.width, image.height]).toEqual([copyWidth, copyHeight]);
  // The stroke across the middle, 30% to 70% of the width, was scaled with the image.
  const { data: mask, info } = await sharp(Buffer.from(body.mask, "base64"))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([copyWidth, copyHeight]);
  const middle = Math.round(copyHeight / 2) * copyWidth;
  expect(mask[middle + Math.round(copyWidth * 0.5)]).toBe(255);
  expect(mask[middle + Math.round(copyWidth * 0.4)]).toBe(255);
  expect(mask[middle + Math.round(copyWidth * 0.1)]).toBe(0);
  expect(mask[Math.round(copyWidth * 0.5)]).toBe(0);

  await expect(page.getByTestId("job-status").first()).toHaveAttribute("data-status", "Ready", {
    timeout: 150_000,
  });
  const natural = await page
    .getByTestId("result-image")
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([copyWidth, copyHeight]);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: testInfo.outputPath("copy-result-1024.png") });
});

for (const button of ["generate-cancel", "job-cancel"] as const) {
  test(`${button} stops the upload; the run ends Cancelled and can be sent again`, async ({
    page,
  }, testInfo) => {
    const [width, height] = [640, 480];
    const path = testInfo.outputPath("photo.png");
    await openAndPaint(page, path, width, height);

    // The upload is held until the test lets it go, as a slow connection would hold it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**${FILL_ROUTE}`, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const sent = page.waitForRequest((r) => r.url().endsWith(FILL_ROUTE));
    await page.getByTestId("prompt").fill("a plain wall");
    await page.getByTestId("generate").click();
    const post = await sent;
    const failed = page.waitForEvent("requestfailed", (r) => r === post);

    const status = page.getByTestId("job-status");
    await expect(status).toHaveText("Sending…");
    await expect(page.getByTestId("generate")).toHaveText("Sending…");
    await page.screenshot({ path: testInfo.outputPath(`sending-${button}.png`) });
    await page.getByTestId(button).click();

    expect((await failed).failure()?.errorText).toBe("net::ERR_ABORTED");
    await expect(status).toHaveText("Cancelled.");
    await expect(status).toHaveAttribute("data-status", "Cancelled");
    await expect(page.getByTestId("generate")).toHaveText("Generate");
    await expect(page.getByTestId("generate-cancel")).toHaveCount(0);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.screenshot({ path: testInfo.outputPath(`cancelled-${button}-1024.png`) });
    release();
    await page.unroute(`**${FILL_ROUTE}`);

    // Nothing was lost: the history keeps the run, and it is sent again as it was.
    await openHistory(page);
    await expect(page.getByTestId("history-run-status").first()).toHaveText(
      "0 ready · 1 cancelled",
    );
    await page.getByTestId("job-retry").click();
    await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 30_000 });
  });
}
