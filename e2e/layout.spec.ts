import { expect, type Page, test } from "@playwright/test";
import { firstRun, openImage } from "./helpers";

/** How far the document reaches past the window, and how far it is scrolled (both 0 for an app shell). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { extra: root.scrollHeight - window.innerHeight, scrolled: window.scrollY };
  });

const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const;

test("the app never scrolls as a page, in Edit, Extend and Compare, at 1024×640 and 1280×800", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await firstRun(page);

  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const mode of ["edit", "extend", "compare"] as const) {
      await page.getByTestId(`mode-${mode}`).click();
      await expect(page.getByTestId(`mode-${mode}`)).toHaveAttribute("aria-selected", "true");
      // The sidebar's folding tools (the hidden mask-import input among them) stay inside it.
      await page.getByTestId("sidebar").hover();
      await page.mouse.wheel(0, 2000);
      await page
        .getByTestId("stage")
        .or(page.getByTestId("outpaint-stage"))
        .or(page.getByTestId("compare-slider"))
        .first()
        .hover();
      await page.mouse.wheel(0, 2000);
      expect(await pageOverflow(page), `${mode} at ${viewport.width}×${viewport.height}`).toEqual({
        extra: 0,
        scrolled: 0,
      });
      await page.screenshot({
        path: testInfo.outputPath(`${mode}-${viewport.width}.png`),
      });
    }
  }
});

test("the shortcut sheet fits a 1024×640 window, last row included", async ({ page }, testInfo) => {
  await page.setViewportSize(VIEWPORTS[0]);
  await page.goto("/");
  await openImage(page, "skimage_chelsea.png");
  await page.locator("body").press("?");
  const sheet = page.getByTestId("shortcut-sheet");
  await expect(sheet).toBeVisible();
  const box = await sheet.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(640);
  const rows = page.getByTestId("shortcut-row");
  await expect(rows.first()).toBeInViewport({ ratio: 1 });
  await expect(rows.last()).toContainText("This sheet");
  await expect(rows.last()).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath("shortcuts-1024.png") });
  await page.setViewportSize(VIEWPORTS[1]);
  await expect(rows.last()).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: testInfo.outputPath("shortcuts-1280.png") });
});
