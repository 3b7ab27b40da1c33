import { expect, type Page, test } from "@playwright/test";
import { growMask } from "../src/app/editor/raster/morphology";
import { outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { DILATE_PIXELS_RANGE, ERASE_ROUTE, EXCLUDE_MASK_FIELD } from "../src/contract";
import type { FakeBfl } from "../src/server/testing/fake-bfl";
import { type SecondProxy, startFakeUpstream, startProxyWithUpstream } from "./fake-bfl-upstream";
import { decodeFixture, exportedMask, openHistory, openImage } from "./helpers";
import {
  chooseTask,
  differences,
  generateAndCapture,
  readyResult,
  strokeAcross,
} from "./tasks-helpers";

const COFFEE = { name: "skimage_coffee.png", width: 600, height: 400 };

let upstream: FakeBfl;
let proxy: SecondProxy;

test.beforeAll(async () => {
  upstream = await startFakeUpstream();
  // A diffusion model re-renders the whole frame: every pixel drifts, the size is rounded to 32.
  upstream.options.drift = 3;
  upstream.options.roundTo32 = true;
  proxy = await startProxyWithUpstream(upstream, 0, "test-results/e2e-data-bfl-tasks");
});

test.afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

async function lockSeed(page: Page, seed: number) {
  await page.getByTestId("seed-locked").check();
  await page.getByTestId("param-seed").fill(String(seed));
}

const lastSubmit = () => upstream.submits.at(-1) ?? {};

test("Remove on BFL: the erase tool, failures picked by seed, exact outside the grown mask", async ({
  page,
}) => {
  await page.goto(proxy.url);
  await openImage(page, COFFEE.name);
  await chooseTask(page, "erase");
  await expect(page.getByTestId("prompt")).toHaveCount(0);
  await strokeAcross(page, COFFEE, 200, 200, 400);
  const mask = await exportedMask(page);

  await lockSeed(page, 402);
  await page.getByTestId("generate").click();
  const status = page.getByTestId("job-status").first();
  await expect(status).toHaveAttribute("data-status", "Submit failed", { timeout: 30_000 });
  await expect(page.getByTestId("sidebar")).toContainText(/Out of credits/);
  expect(lastSubmit()).toMatchObject({ path: "/v1/flux-tools/erase-v1", refused: 402 });

  await chooseTask(page, "erase");
  await lockSeed(page, 4001);
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("job-status").first()).toHaveAttribute(
    "data-status",
    "Content Moderated",
    { timeout: 30_000 },
  );

  await chooseTask(page, "erase");
  await lockSeed(page, 7);
  await page.getByTestId("generate").click();
  const result = await readyResult(page);
  expect(lastSubmit()).toMatchObject({
    path: "/v1/flux-tools/erase-v1",
    hasMask: true,
    dilate_pixels: DILATE_PIXELS_RANGE.default,
    seed: 7,
    output_format: "png",
  });
  expect(lastSubmit()).not.toHaveProperty("prompt");
  // The fake answered 608×416 with every pixel drifted; the composite is the input's size and
  // exact wherever the grown mask is not.
  expect([result.width, result.height]).toEqual([COFFEE.width, COFFEE.height]);
  const gray = new Uint8Array(COFFEE.width * COFFEE.height).map(
    (_, i) => mask.data[i * mask.channels]!,
  );
  const grown = growMask(
    { data: gray, width: COFFEE.width, height: COFFEE.height },
    DILATE_PIXELS_RANGE.default,
  );
  const changed = differences(
    result.data,
    (await decodeFixture(COFFEE.name)).data,
    (i) => grown[i] === 255,
  );
  expect(changed.outside).toBe(0);
  expect(changed.inside).toBeGreaterThan(1000);

  // Without compositing the provider's raw answer is served, as BFL sends it.
  await chooseTask(page, "erase");
  await page.getByTestId("composite").uncheck();
  await page.getByTestId("generate").click();
  const raw = await readyResult(page);
  expect([raw.width, raw.height]).toEqual([608, 416]);
  await openHistory(page);
  await expect(page.getByTestId("history-run-task").first()).toHaveText("Remove · bfl");
});

test("Extend on BFL uses the outpainting tool; Replace uses fill; webp results display and download", async ({
  page,
}) => {
  await page.goto(proxy.url);
  await openImage(page, COFFEE.name);
  await chooseTask(page, "outpaint");
  await page.getByTestId("outpaint-preset").locator('[data-preset="Zoom out 1.5x"]').click();
  const { frame } = outpaintGeometry("Zoom out 1.5x", COFFEE);
  await page.getByTestId("prompt").fill("a wider table");
  await page.getByTestId("param-format").selectOption("webp");
  await page.getByTestId("generate").click();
  const result = await readyResult(page);
  expect(lastSubmit()).toMatchObject({
    path: "/v1/flux-tools/outpainting-v1",
    hasMask: false,
    width: frame.width,
    height: frame.height,
    reference_offset_x: frame.image.x,
    reference_offset_y: frame.image.y,
    output_format: "webp",
    prompt: "a wider table",
  });
  expect(upstream.inputs.at(-1)).toMatchObject({ width: COFFEE.width, height: COFFEE.height });
  expect(result.name).toMatch(/\.webp$/);
  expect([result.width, result.height]).toEqual([frame.width, frame.height]);
  const shown = await page
    .getByTestId("result-image")
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(shown).toEqual([frame.width, frame.height]);
  await openHistory(page);
  await expect(page.getByTestId("history-run-task").first()).toHaveText(
    "Extend · Zoom out 1.5x · bfl",
  );

  await chooseTask(page, "fill");
  await strokeAcross(page, COFFEE, 100, 100, 300);
  await page.getByTestId("prompt").fill("a silver spoon");
  // Fill writes jpeg or png: webp is refused by name before anything is sent.
  await expect(page.getByTestId("generate")).toBeDisabled();
  await page.getByTestId("param-format").selectOption("png");
  await page.getByTestId("generate").click();
  await readyResult(page);
  expect(lastSubmit()).toMatchObject({
    path: "/v1/flux-pro-1.0-fill",
    hasMask: true,
    prompt: "a silver spoon",
  });
  await expect(page.getByTestId("history-run-task").first()).toHaveText("Replace · bfl");
});

test("BFL cannot keep the fill from an area: the sidebar says so and the area is not sent", async ({
  page,
}, testInfo) => {
  await page.goto(proxy.url);
  await openImage(page, COFFEE.name);
  await chooseTask(page, "erase");
  await page.getByTestId("paint-layer-exclude").click();
  await strokeAcross(page, COFFEE, 80, 50, 200);
  const ignored = page.getByTestId("exclude-ignored");
  await expect(ignored).toHaveText(
    `FLUX.1 Fill [pro] (Black Forest Labs) cannot keep the fill from copying an area: the "Don't copy from" area is not sent.`,
  );
  await page.screenshot({ path: testInfo.outputPath("exclude-ignored.png") });
  // The frame's sidebar says it too: the violet area shows on the stage there.
  await page.getByTestId("mode-extend").click();
  await expect(page.getByTestId("exclude-ignored")).toBeVisible();
  await chooseTask(page, "erase");
  await page.getByTestId("paint-layer-mask").click();
  await strokeAcross(page, COFFEE, 200, 200, 400);
  await lockSeed(page, 7);
  const sent = await generateAndCapture(page, ERASE_ROUTE);
  expect(sent.body).not.toHaveProperty(EXCLUDE_MASK_FIELD);
  expect(lastSubmit()).toMatchObject({ path: "/v1/flux-tools/erase-v1", hasMask: true });
  await readyResult(page);
});
