import { expect, type Locator, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { fixture, runOn } from "./helpers";

const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
];

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = [];
  for (const item of await locator.all()) {
    const box = await item.boundingBox();
    if (box) found.push(box);
  }
  return found;
}

/** The coffee photo turned upright (400×600): the layout QA found covered and overflowing. */
const portrait = () => sharp(fixture("skimage_coffee.png")).rotate(90).png().toBuffer();

test("the share confirmation covers neither the comparison nor a variant tile", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await runOn(page, "portrait.png", await portrait());
  await expect(page.getByTestId("share-run")).toBeEnabled({ timeout: 30_000 });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.getByTestId("share-run").click();
    // The second Share of the unchanged run gives back the first link, copied again.
    await expect(page.getByTestId("shared-link")).toHaveCount(1, { timeout: 30_000 });
    const notice = page.getByText("Link copied.");
    await expect(notice).toBeVisible();
    // Shown, not scrolled out of sight in the list of links: it is what is under its centre.
    await expect
      .poll(() =>
        notice.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        }),
      )
      .toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      await page.getByTestId("share-link").textContent(),
    );
    const content = [
      ...(await boxes(page.getByTestId("compare-slider"))),
      ...(await boxes(page.getByTestId("run-tile"))),
    ];
    expect(content.length).toBe(3);
    for (const box of await boxes(notice)) {
      for (const covered of content)
        expect(overlaps(box, covered), JSON.stringify({ box, covered })).toBe(false);
    }
    await page.screenshot({ path: testInfo.outputPath(`share-${viewport.width}.png`) });
  }
});

test("a toast sits over the sidebar's corner, never over the comparison or a tile", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await runOn(page, "portrait.png", await portrait());
  await page.getByTestId("share-run").click();
  await expect(page.getByTestId("shared-link")).toHaveCount(1, { timeout: 30_000 });
  // The connection drops as Revoke is sent: an error toast, the kind that stays up for seconds.
  await page.route(
    (url) => url.pathname.startsWith("/api/shares/"),
    (route) => (route.request().method() === "DELETE" ? route.abort() : route.continue()),
  );
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.getByTestId("revoke-link").click();
    const toast = page.locator("[data-sonner-toast]").last();
    await expect(toast).toBeVisible();
    // Sonner slides it in: measure where it comes to rest (two reads alike).
    let last = "";
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await toast.boundingBox());
          const rested = now === last;
          last = now;
          return rested;
        },
        { intervals: [250] },
      )
      .toBe(true);
    const box = (await toast.boundingBox())!;
    const content = [
      ...(await boxes(page.getByTestId("compare-slider"))),
      ...(await boxes(page.getByTestId("run-tile"))),
    ];
    expect(content.length).toBe(3);
    for (const covered of content) {
      expect(overlaps(box, covered), JSON.stringify({ box, covered })).toBe(false);
    }
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: testInfo.outputPath(`toast-${viewport.width}.png`) });
  }
});

/** Nothing scrolls, and the comparison is inside the window, at most of its height. */
async function expectFitsWindow(page: Page, slider: Locator) {
  const viewport = page.viewportSize()!;
  await expect(slider).toBeVisible();
  await expect
    .poll(async () => (await slider.boundingBox())!.height / viewport.height)
    .toBeGreaterThanOrEqual(0.7);
  const box = (await slider.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.width / box.height).toBeCloseTo(400 / 600, 1);
  const scrolled = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(scrolled).toEqual({ width: viewport.width, height: viewport.height });
}

test("a portrait's review page and HTML file fit the window beside their tiles", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await runOn(page, "portrait.png", await portrait());
  await expect(page.getByTestId("share-run")).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId("share-run").click();
  const link = page.getByTestId("share-link");
  await expect(link).toHaveCount(1, { timeout: 30_000 });
  const url = (await link.textContent()) ?? "";
  const download = page.waitForEvent("download");
  await page.getByTestId("export-html").click();
  const file = testInfo.outputPath("review.html");
  await (await download).saveAs(file);

  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const reviewer = await context.newPage();
    await reviewer.goto(url);
    await expect(reviewer.getByTestId("review-main")).toHaveAttribute("data-layout", "beside");
    await expectFitsWindow(reviewer, reviewer.getByTestId("compare-slider"));
    // The tiles and the form are beside it, in the window.
    for (const tile of await boxes(reviewer.getByTestId("review-tile"))) {
      expect(tile.y + tile.height).toBeLessThanOrEqual(viewport.height);
    }
    await reviewer.screenshot({ path: testInfo.outputPath(`review-${viewport.width}.png`) });

    await reviewer.goto(`file://${file}`);
    await expectFitsWindow(reviewer, reviewer.locator(".slider"));
    for (const tile of await boxes(reviewer.locator(".grid button"))) {
      expect(tile.y + tile.height).toBeLessThanOrEqual(viewport.height);
    }
    await reviewer.screenshot({ path: testInfo.outputPath(`html-${viewport.width}.png`) });
    await context.close();
  }
});
