import { expect, test } from "@playwright/test";
import { outpaintGeometry } from "../src/app/outpaint/outpaint-geometry";
import { type FakeApiframe, startFakeApiframe } from "../src/server/testing/fake-apiframe";
import { freePort } from "../src/server/testing/proxy-process";
import { type SecondProxy, startBuiltProxy } from "./fake-bfl-upstream";
import { openHistory, openImage } from "./helpers";

let fake: FakeApiframe;
let proxy: SecondProxy;

test.beforeAll(async () => {
  fake = await startFakeApiframe({ apiKey: "apiframe-test-key", pendingPolls: 1 });
  // apiframe fetches the inputs from the proxy's public address: here, its loopback address.
  const port = await freePort();
  proxy = await startBuiltProxy(port, {
    DATA_DIR: "test-results/e2e-data-apiframe",
    APIFRAME_API_KEY: "apiframe-test-key",
    APIFRAME_API_BASE: fake.apiBase,
    APIFRAME_ALLOWED_HOSTS: fake.cdnHost,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DEFAULT_PROVIDER: "apiframe",
  });
});

test.afterAll(async () => {
  await proxy?.close();
  await fake?.close();
});

test("apiframe gets a preset by name, and a custom frame as the padded inpaint", async ({
  page,
}) => {
  await page.goto(proxy.url);
  await openImage(page, "skimage_chelsea.png");
  await page.getByTestId("prompt").fill("a sunny garden");

  // A named preset: the original image goes to apiframe's outpaint mode, no mask.
  await page.getByTestId("mode-extend").click();
  await page.getByTestId("outpaint-preset").locator('[data-preset="Zoom out 2x"]').click();
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
    timeout: 30_000,
  });
  expect(fake.submits).toHaveLength(1);
  expect(fake.submits[0]?.params).toMatchObject({ mode: "outpaint", outpaint: "Zoom out 2x" });
  expect(fake.submits[0]?.image).toEqual({ width: 451, height: 300 });
  expect(fake.submits[0]?.mask).toBeNull();

  // A dragged (custom) frame cannot be named: the padded canvas and its mask are inpainted.
  // Picked from Compare, the preset opens its frame.
  await page.getByTestId("outpaint-preset").locator('[data-preset="Right outpaint"]').click();
  const box = await page.getByTestId("outpaint-stage").boundingBox();
  if (!box) throw new Error("no outpaint stage");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId("outpaint-size")).toContainText("Custom frame");
  const size = /(\d+)×(\d+)/.exec((await page.getByTestId("outpaint-size").textContent()) ?? "");
  await page.getByTestId("generate").click();
  await expect.poll(() => fake.submits.length, { timeout: 30_000 }).toBe(2);
  await openHistory(page);
  const newest = page.getByTestId("history-run").first();
  await expect(newest.getByTestId("history-run-status")).toHaveText("1 ready", {
    timeout: 30_000,
  });
  expect(fake.submits[1]?.params).toMatchObject({ mode: "inpaint" });
  const frame = { width: Number(size?.[1]), height: Number(size?.[2]) };
  expect(frame).toEqual({
    width: outpaintGeometry("Right outpaint", { width: 451, height: 300 }).frame.width,
    // The frame grew sideways only, so its height is the photo's.
    height: 300,
  });
  expect(fake.submits[1]?.image).toEqual(frame);
  expect(fake.submits[1]?.mask).toMatchObject(frame);
});
