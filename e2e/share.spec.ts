import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { fixture, imagePlacement, openImage, paint } from "./helpers";

const XSS = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`;

/** RGBA of an <img> as the page decoded it, for pixel checks against the files. */
async function imagePixels(page: Page, selector: string) {
  return page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d context");
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, data: Array.from(data) };
  });
}

async function decodeRgba(bytes: Buffer) {
  const { data, info } = await sharp(bytes)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const meanDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
};

/** A two-variant run of the astronaut, its original and its first result as pixels. */
async function generateRun(page: Page) {
  await page.goto("/");
  await openImage(page, "skimage_astronaut.png");
  const place = await imagePlacement(page, 512, 512);
  await paint(page, [
    [place.x + 156 * place.scale, place.y + 256 * place.scale],
    [place.x + 356 * place.scale, place.y + 256 * place.scale],
  ]);
  await page.getByTestId("variants").selectOption("2");
  await page.getByTestId("prompt").fill("a clear visor");
  await page.getByTestId("generate").click();
  const statuses = page.getByTestId("job-status");
  for (let i = 0; i < 2; i++) {
    await expect(statuses.nth(i)).toHaveAttribute("data-status", "Ready", { timeout: 60_000 });
  }
  await expect(page.getByTestId("share-run")).toBeEnabled();
  return {
    result: await decodeRgba(await downloadedResult(page)),
    before: await decodeRgba(readFileSync(fixture("skimage_astronaut.png"))),
  };
}

/** The designer's result on the B side (variant 1), as the download gives it. */
async function downloadedResult(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByTestId("download-result").click();
  return readFileSync(await (await download).path());
}

async function freshPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

test("a shared run opens anywhere; reviewers' picks and comments reach the designer; revoke ends it", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const { result, before } = await generateRun(page);
  const creates: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/shares") creates.push(r.url());
  });

  await page.getByTestId("share-run").click();
  const link = page.getByTestId("share-link");
  // Base64 of three 512² PNGs, sharp's probes and the preview JPEG: seconds on a loaded box.
  await expect(link).toHaveCount(1, { timeout: 30_000 });
  const url = (await link.textContent()) ?? "";
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43}$/);
  // Sharing the unchanged run again gives back the same link, and says it copied it.
  await expect(page.getByTestId("share-run")).toBeEnabled();
  await page.getByTestId("share-run").click();
  await expect(page.getByTestId("copy-link")).toHaveText(
    /^(Link copied\.|Not copied: select the link)$/,
  );
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText(url);
  expect(creates).toHaveLength(1);
  // The whole link can be read where it is shown, also in the narrow column at 1024×640.
  const viewport = page.viewportSize();
  for (const size of [viewport, { width: 1024, height: 640 }]) {
    if (size) await page.setViewportSize(size);
    expect(await link.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
    await expect(link).toBeVisible();
  }
  if (viewport) await page.setViewportSize(viewport);

  // A fresh context: no IndexedDB, no cookies; everything comes from the proxy's snapshot.
  const reviewer = await freshPage(browser);
  const errors: string[] = [];
  reviewer.page.on("pageerror", (e) => errors.push(e.message));
  reviewer.page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const response = await reviewer.page.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
  await expect(reviewer.page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(reviewer.page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /^http:\/\/127\.0\.0\.1:\d+\/api\/review\/[A-Za-z0-9_-]{43}\/images\/preview\.jpeg$/,
  );
  await expect(reviewer.page.getByTestId("review-caption")).toHaveText("“a clear visor” · Replace");
  const slider = reviewer.page.getByTestId("compare-slider");
  await expect(slider).toBeVisible();
  await expect(reviewer.page.getByTestId("review-tile")).toHaveCount(3);
  // The slider's two sides are the run's original and its first variant, pixel for pixel.
  const a = await imagePixels(
    reviewer.page,
    '[data-testid=compare-slider] img[alt="A · Original"]',
  );
  const b = await imagePixels(reviewer.page, "[data-testid=result-image]");
  expect([a.width, a.height, b.width, b.height]).toEqual([512, 512, 512, 512]);
  expect(meanDiff(a.data, before.data)).toBeLessThan(0.5);
  expect(meanDiff(b.data, result.data)).toBeLessThan(0.5);
  expect(meanDiff(a.data, b.data)).toBeGreaterThan(0.5);
  await reviewer.page.screenshot({ path: testInfo.outputPath("review-1280.png") });

  // Feedback as plain text: the markup is shown, never run.
  await reviewer.page.getByTestId("feedback-pick-1").check();
  await reviewer.page.getByTestId("feedback-comment").fill(XSS);
  await reviewer.page.getByTestId("feedback-name").fill("Ada");
  await reviewer.page.getByTestId("feedback-send").click();
  await expect(reviewer.page.getByTestId("feedback-sent")).toBeVisible();

  // The designer sees it without reloading.
  const said = page.getByTestId("share-feedback");
  await expect(said).toHaveText(`Ada · picked Variant 2: ${XSS}`);
  await expect(page.getByTestId("share-picks")).toHaveText("Variant 2 ×1");
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("designer-feedback-1280.png") });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.screenshot({ path: testInfo.outputPath("designer-feedback-1024.png") });

  // On a phone.
  const phone = await freshPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.page.goto(url);
  await expect(phone.page.getByTestId("compare-slider")).toBeVisible();
  const box = await phone.page.getByTestId("compare-slider").boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  expect(box?.width).toBeGreaterThan(300);
  const scrollWidth = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await phone.page.screenshot({ path: testInfo.outputPath("review-phone.png"), fullPage: true });
  await phone.context.close();

  // Revoke: the link is gone for everyone.
  await page.getByTestId("revoke-link").click();
  await expect(page.getByTestId("shared-link")).toHaveAttribute("data-state", "revoked");
  const gone = await reviewer.page.reload();
  expect(gone?.status()).toBe(404);
  await expect(reviewer.page.getByTestId("review-gone")).toBeVisible();
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  await reviewer.context.close();
  // A revoked link is never handed back: Share makes a new one.
  await page.getByTestId("share-run").click();
  await expect(link).toHaveCount(2, { timeout: 30_000 });
  await expect(link.nth(1)).not.toHaveText(url);
  await expect(page.getByTestId("shared-link").nth(1)).toHaveAttribute("data-state", "live");
  expect(creates).toHaveLength(2);
});

test("the wipe animation as GIF and video, and the offline HTML file", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const { result, before } = await generateRun(page);

  await page.getByTestId("export-animation").click();
  await page.getByTestId("animation-format-gif").check();
  const gifDownload = page.waitForEvent("download");
  const gifStarted = Date.now();
  await page.getByTestId("animation-start").click();
  await expect(page.getByTestId("animation-progress")).toBeVisible();
  const gif = readFileSync(await (await gifDownload).path());
  testInfo.annotations.push({
    type: "gif",
    description: `${gif.length} bytes in ${Date.now() - gifStarted} ms`,
  });
  const meta = await sharp(gif, { animated: true }).metadata();
  expect(meta.format).toBe("gif");
  expect(meta.pages).toBeGreaterThanOrEqual(20);
  expect([meta.width, meta.pageHeight]).toEqual([512, 512]);
  const frame = async (page: number) =>
    (await decodeRgba(await sharp(gif, { page }).png().toBuffer())).data;
  const first = await frame(0);
  const last = await frame((meta.pages ?? 1) - 1);
  expect(meanDiff(first, before.data)).toBeLessThan(4);
  expect(meanDiff(last, result.data)).toBeLessThan(4);

  await page.getByTestId("animation-format-video").check();
  const videoDownload = page.waitForEvent("download");
  await page.getByTestId("animation-start").click();
  const video = await videoDownload;
  const bytes = readFileSync(await video.path());
  const webm = bytes.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  const mp4 = bytes.subarray(4, 8).toString("latin1") === "ftyp";
  expect(webm || mp4).toBe(true);
  // Named like the run's other files.
  expect(video.suggestedFilename()).toBe(
    `fillpaint-wipe-skimage_astronaut-a-clear-visor-v1.${webm ? "webm" : "mp4"}`,
  );
  testInfo.annotations.push({
    type: "video",
    description: `${webm ? "webm" : "mp4"}, ${bytes.length} bytes`,
  });
  await page.getByRole("button", { name: "Close" }).click();

  const htmlDownload = page.waitForEvent("download");
  await page.getByTestId("export-html").click();
  const htmlFile = await htmlDownload;
  // Named like the run's sheet, as the app names its files.
  expect(htmlFile.suggestedFilename()).toMatch(
    /^fillpaint-compare-skimage_astronaut-a-clear-visor-\d{4}(-\d\d){4}\.html$/,
  );
  const htmlPath = testInfo.outputPath("review.html");
  await htmlFile.saveAs(htmlPath);
  const offline = await freshPage(browser, { offline: true });
  await offline.page.goto(`file://${htmlPath}`);
  const after = offline.page.locator("img.after");
  await expect(after).toHaveJSProperty("naturalWidth", 512);
  await expect(offline.page.locator("img.before")).toHaveJSProperty("naturalWidth", 512);
  const shown = await imagePixels(offline.page, "img.after");
  expect(meanDiff(shown.data, result.data)).toBeLessThan(0.5);
  // The app's labels: "A · Original" against "B · Variant n", tiles "Variant n · seed s".
  await expect(offline.page.locator(".tag").first()).toHaveText("A · Original");
  await expect(offline.page.locator(".tag.b")).toHaveText("B · Variant 1");
  await expect(offline.page.locator(".grid button").nth(1)).toHaveText(/^Variant 2 · seed \d+$/);
  await offline.page.screenshot({ path: testInfo.outputPath("export-html-1280.png") });
  await offline.page.setViewportSize({ width: 1024, height: 640 });
  await offline.page.screenshot({ path: testInfo.outputPath("export-html-1024.png") });
  await offline.page.locator(".grid button").nth(1).click();
  await expect(offline.page.locator(".tag.b")).toHaveText("B · Variant 2");
  await expect(after).toHaveAttribute("alt", "B · Variant 2");
  await offline.page.locator("input[type=range]").fill("20");
  await expect(offline.page.locator(".slider")).toHaveAttribute("style", /--pos:\s?20%/);
  await offline.context.close();
});

test("the review page starts its divider across the change, as the app does", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await page.getByTestId("open-sample").click();
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("share-run")).toBeEnabled({ timeout: 60_000 });
  const appStart = await page
    .getByTestId("compare-slider")
    .getByRole("slider")
    .getAttribute("aria-valuenow");
  expect(appStart).toBe("4");
  await page.getByTestId("share-run").click();
  const link = page.getByTestId("share-link");
  await expect(link).toHaveCount(1, { timeout: 30_000 });

  const reviewer = await freshPage(browser);
  await reviewer.page.goto((await link.textContent()) ?? "");
  const slider = reviewer.page.getByTestId("compare-slider");
  await expect(slider).toBeVisible();
  await expect(slider.getByRole("slider")).toHaveAttribute("aria-valuenow", "4");
  // The sample's post stands in columns 0–56 of 1200: the divider crosses it.
  const image = (await reviewer.page.getByTestId("result-image").boundingBox())!;
  const handle = (await reviewer.page.locator(".__rcs-handle-button").boundingBox())!;
  const column = ((handle.x + handle.width / 2 - image.x) / image.width) * 1200;
  expect(column).toBeGreaterThan(0);
  expect(column).toBeLessThan(56);
  await reviewer.context.close();
});
