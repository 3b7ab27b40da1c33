import { rmSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import Database from "better-sqlite3";
import sharp from "sharp";
import type { ResultResponse, SubmitResponse } from "../src/contract";
import type { FakeBfl } from "../src/server/testing/fake-bfl";
import { type SecondProxy, startFakeUpstream, startProxyWithUpstream } from "./fake-bfl-upstream";
import { fixture, imagePlacement, openHistory, openImage, paint } from "./helpers";
import { strokeAcross } from "./tasks-helpers";

/**
 * The coffee photo scaled up, so a local fill of most of it keeps a worker busy for seconds:
 * long enough to cancel it while it runs.
 */
async function bigPhoto(path: string, width: number, height: number): Promise<string> {
  await sharp(fixture("skimage_coffee.png"))
    .resize(width, height)
    .jpeg({ quality: 90 })
    .toFile(path);
  return path;
}

/** Opens the photo, covers its middle with a rectangle and presses Generate; returns the job id. */
async function generateOver(page: Page, path: string, width: number, height: number) {
  const submitted = page.waitForResponse(
    (r) => r.url().endsWith("/v1/flux-pro-1.0-fill") && r.request().method() === "POST",
  );
  await pressGenerate(page, path, width, height);
  const job = (await (await submitted).json()) as SubmitResponse;
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Pending");
  return job.id;
}

async function pressGenerate(page: Page, path: string, width: number, height: number) {
  await page.goto("/");
  await page.getByTestId("image-input").setInputFiles(path);
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  await page.getByTestId("tool-rect").click();
  const place = await imagePlacement(page, width, height);
  const at = (fx: number, fy: number): [number, number] => [
    place.x + fx * width * place.scale,
    place.y + fy * height * place.scale,
  ];
  await paint(page, [at(0.2, 0.2), at(0.8, 0.8)]);
  await page.getByTestId("prompt").fill("an empty table");
  await page.getByTestId("generate").click();
}

async function serverStatus(page: Page, id: string): Promise<string> {
  const answer = await page.request.get(`/v1/get_result?id=${id}`);
  return ((await answer.json()) as ResultResponse).status;
}

test("Cancel stops a running local fill on the server; Retry then produces the result", async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const [width, height] = [4000, 3000];
  const photo = await bigPhoto(testInfo.outputPath("big-coffee.jpg"), width, height);
  const id = await generateOver(page, photo, width, height);

  const cancelled = page.waitForResponse(
    (r) => r.url().endsWith(`/v1/jobs/${id}`) && r.request().method() === "DELETE",
  );
  await page.getByTestId("job-cancel").click();
  const status = page.getByTestId("job-status");
  await expect(status).toHaveText("Cancelled.");
  await expect(status).toHaveAttribute("data-status", "Cancelled");
  expect((await cancelled).status()).toBe(200);
  expect(await serverStatus(page, id)).toBe("Cancelled");
  await expect(page.getByTestId("job-cancel")).toHaveCount(0);
  // The history counts the user's cancel as such, not as a failure.
  await openHistory(page);
  await expect(page.getByTestId("history-run-status").first()).toHaveText("0 ready · 1 cancelled");

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 640 },
  ]) {
    await page.setViewportSize(viewport);
    await status.scrollIntoViewIfNeeded();
    await expect(status).toBeInViewport();
    await expect(page.getByTestId("job-retry")).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`cancelled-${viewport.width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  const resubmitted = page.waitForResponse(
    (r) => r.url().endsWith("/v1/flux-pro-1.0-fill") && r.request().method() === "POST",
  );
  await page.getByTestId("job-retry").click();
  const retryId = ((await (await resubmitted).json()) as SubmitResponse).id;
  expect(retryId).not.toBe(id);
  await expect(status).toHaveAttribute("data-status", "Ready", { timeout: 120_000 });
  expect(await serverStatus(page, retryId)).toBe("Ready");
  const natural = await page
    .getByTestId("result-image")
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([width, height]);
});

test("a cancel that reaches the server after the fill finished lets the result in", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const [width, height] = [2400, 1800];
  const photo = await bigPhoto(testInfo.outputPath("coffee.jpg"), width, height);
  // A slow network: the DELETE only leaves once the server has finished the fill.
  let jobId = "";
  await page.route("**/v1/jobs/*", async (route) => {
    await expect.poll(() => serverStatus(page, jobId), { timeout: 60_000 }).toBe("Ready");
    await route.continue();
  });
  jobId = await generateOver(page, photo, width, height);
  const refused = page.waitForResponse((r) => r.request().method() === "DELETE");
  await page.getByTestId("job-cancel").click();
  await expect(page.getByTestId("job-status")).toHaveText("Cancelled.");
  expect((await refused).status()).toBe(409);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "Ready", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("result-image")).toBeVisible();
});

test("when the server cannot be told, a toast says so and the job stays cancelled", async ({
  page,
}, testInfo) => {
  const [width, height] = [2400, 1800];
  const photo = await bigPhoto(testInfo.outputPath("coffee.jpg"), width, height);
  await page.route("**/v1/jobs/*", (route) => route.abort("internetdisconnected"));
  const id = await generateOver(page, photo, width, height);
  await page.getByTestId("job-cancel").click();
  await expect(page.getByText(/could not be told to stop job #1/)).toBeVisible();
  const status = page.getByTestId("job-status");
  await expect(status).toHaveText("Cancelled.");
  // The server never heard of the cancel and finishes the fill; here it stays cancelled.
  await expect.poll(() => serverStatus(page, id), { timeout: 60_000 }).toBe("Ready");
  await expect(status).toHaveAttribute("data-status", "Cancelled");
  await expect(page.getByTestId("job-retry")).toBeVisible();
});

test("a job cancelled while it is being sent stops its upload, so the server never makes it", async ({
  page,
}, testInfo) => {
  const [width, height] = [2400, 1800];
  const photo = await bigPhoto(testInfo.outputPath("coffee.jpg"), width, height);
  // A slow upload: the submit is held until the test lets it go.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/v1/flux-pro-1.0-fill", async (route) => {
    await held;
    await route.continue().catch(() => undefined);
  });
  const deletes: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "DELETE") deletes.push(r.url());
  });
  const post = page.waitForRequest((r) => r.url().endsWith("/v1/flux-pro-1.0-fill"));
  await pressGenerate(page, photo, width, height);
  const status = page.getByTestId("job-status");
  // Exporting a 4 MP image and its mask comes first, and takes a while on a busy machine.
  await expect(status).toHaveText("Sending…", { timeout: 30_000 });
  const sent = await post;
  const failed = page.waitForEvent("requestfailed", (r) => r === sent);
  await page.getByTestId("job-cancel").click();
  await expect(status).toHaveText("Cancelled.");
  expect((await failed).failure()?.errorText).toBe("net::ERR_ABORTED");
  release();
  await expect(status).toHaveAttribute("data-status", "Cancelled");
  // No job id ever came back, so there was nothing to cancel on the server.
  expect(deletes).toEqual([]);
});

test.describe("a cancel while the proxy waits for BFL's answer", () => {
  let upstream: FakeBfl;
  let proxy: SecondProxy;
  let release = () => {};
  const dataDir = "test-results/e2e-data-bfl-cancel";

  test.beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    upstream = await startFakeUpstream();
    // BFL slow to answer: the proxy has read the whole upload and waits for the job's id.
    upstream.options.submitGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    proxy = await startProxyWithUpstream(upstream, 0, dataDir);
  });

  test.afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  /** Every job the proxy has made, read from its own database (the app never learnt the id). */
  const jobStatuses = () => {
    const db = new Database(join(dataDir, "jobs.sqlite"), { readonly: true });
    try {
      const rows = db.prepare("SELECT status FROM jobs").all() as { status: string }[];
      return rows.map((row) => row.status);
    } finally {
      db.close();
    }
  };

  test("the job the proxy makes after the app gave up is cancelled there, not left running", async ({
    page,
  }) => {
    await page.goto(proxy.url);
    await openImage(page, "skimage_coffee.png");
    await strokeAcross(page, { width: 600, height: 400 }, 200, 200, 400);
    await page.getByTestId("prompt").fill("a bowl of fruit");
    const post = page.waitForRequest((r) => r.url().endsWith("/v1/flux-pro-1.0-fill"));
    await page.getByTestId("generate").click();
    const sent = await post;
    await expect.poll(() => upstream.submits.length).toBe(1);
    expect(jobStatuses()).toEqual([]);

    const failed = page.waitForEvent("requestfailed", (r) => r === sent);
    await page.getByTestId("job-cancel").click();
    const status = page.getByTestId("job-status");
    await expect(status).toHaveText("Cancelled.");
    expect((await failed).failure()?.errorText).toBe("net::ERR_ABORTED");
    release();
    // BFL answers, the proxy makes the job, and ends it at once: its client is gone.
    await expect.poll(jobStatuses, { timeout: 30_000 }).toEqual(["Cancelled"]);
    await expect(status).toHaveAttribute("data-status", "Cancelled");
    await expect(page.getByTestId("job-retry")).toBeVisible();
  });
});
