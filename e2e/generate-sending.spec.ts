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
    "This image is 6000×4000 (24.0 MP); Local fill engine (offline) takes at most 20.0 MP. Pick another provider or open a smaller image.";
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
