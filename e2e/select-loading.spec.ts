import { expect, test } from "@playwright/test";
import sharp from "sharp";

/**
 * OpenCV.js (11 MB) is held back by the test until the bar has been seen waiting, then let
 * through: every state the bar shows is recorded by a MutationObserver, so fast steps are not
 * missed and nothing waits a fixed time.
 */
test("picking object select shows OpenCV's download as a byte progress bar that reaches 100 % and goes away", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector("[data-testid=smart-tools-progress]");
      const text = document.querySelector("[data-testid=smart-tools-loading]")?.textContent;
      const state = bar ? `${bar.getAttribute("aria-valuenow")}|${text}` : "gone";
      if (seen.at(-1) !== state && (bar || seen.length > 0)) seen.push(state);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let requests = 0;
  await page.route(/\/assets\/opencv-[\w-]+\.js$/, async (route) => {
    requests++;
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });

  await page.goto("/");
  const png = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } },
  })
    .png()
    .toBuffer();
  await page
    .getByTestId("image-input")
    .setInputFiles({ name: "plain.png", mimeType: "image/png", buffer: png });
  await page.locator("[data-testid=stage] canvas").first().waitFor();

  await page.locator("body").press("s");
  const bar = page.getByTestId("smart-tools-progress");
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await expect.poll(() => requests).toBe(1);
  await page.screenshot({ path: "test-results/select-loading-waiting.png" });
  release();

  await expect(page.getByTestId("smart-tools-loading")).toHaveCount(0, { timeout: 240_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  const percents = seen.filter((s) => s !== "gone").map((s) => Number(s.split("|")[0]));
  expect(percents[0]).toBe(0);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(percents.at(-1)).toBe(100);
  // The bytes are shown against the whole file's size, and the bar then goes away.
  expect(seen.some((s) => /^100\|.*(\d+\.\d) \/ \1 MB/.test(s))).toBe(true);
  expect(seen.at(-1)).toBe("gone");
  expect(requests).toBe(1);
});
