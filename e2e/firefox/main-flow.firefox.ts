/**
 * The main flow in Firefox ESR: open, paint, generate on the local engine, compare, download.
 * Playwright cannot drive a stock Firefox, so puppeteer-core drives Debian's firefox-esr over
 * WebDriver BiDi. Runs under node's test runner against the built app (`npm run build`), served
 * by the real proxy on a free port of 127.0.0.1.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import puppeteer, { type Browser, type ElementHandle, type Page } from "puppeteer-core";
import sharp from "sharp";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const ROOT = new URL("../../", import.meta.url).pathname;
const ASTRONAUT = join(ROOT, "e2e/fixtures/skimage_astronaut.png");
const STEP_TIMEOUT = 30_000;

let server: ChildProcess;
let browser: Browser;
let baseUrl: string;
const dataDir = mkdtempSync(join(tmpdir(), "fillpaint-firefox-"));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Starts the built proxy and resolves once it says where it listens. */
function startServer(port: number): Promise<ChildProcess> {
  const child = spawn("node", [join(ROOT, "dist/server/main.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      BFL_API_KEY: "",
      RATE_LIMIT_PER_MIN: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Fillpaint is running")) resolve(child);
    });
  });
}

before(async () => {
  const started = performance.now();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = await startServer(port);
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
  });
  console.log(`# server and Firefox started in ${Math.round(performance.now() - started)} ms`);
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Drags the mouse through points given in image pixels, for an image shown at 100%. */
async function paintStroke(page: Page, points: [number, number][], imageSize: number) {
  const stage = await page.$("[data-testid=stage]");
  const box = await stage?.boundingBox();
  assert.ok(box, "the stage is visible");
  // Fit leaves a 24 px margin and enlarges small images, as e2e/helpers.ts imagePlacement says.
  const scale = Math.min(box.width - 48, box.height - 48) / imageSize;
  const left = box.x + Math.round((Math.floor(box.width) - imageSize * scale) / 2);
  const top = box.y + Math.round((Math.floor(box.height) - imageSize * scale) / 2);
  const [first, ...rest] = points;
  assert.ok(first);
  await page.mouse.move(left + first[0] * scale, top + first[1] * scale);
  await page.mouse.down();
  for (const [x, y] of rest) {
    await page.mouse.move(left + x * scale, top + y * scale, { steps: 8 });
  }
  await page.mouse.up();
}

/**
 * Clicks a download button and returns the file the app saved, read back from the page: the
 * app saves through a temporary link, whose blob is read before the link is revoked.
 */
async function download(page: Page, testId: string) {
  await page.evaluate(() => {
    const saved = window as unknown as {
      lastDownload?: Promise<{ name: string; bytes: number[] }>;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const { href, download: name } = this;
      saved.lastDownload = fetch(href)
        .then((response) => response.arrayBuffer())
        .then((buffer) => ({ name, bytes: Array.from(new Uint8Array(buffer)) }));
      HTMLAnchorElement.prototype.click = click;
    };
  });
  await page.click(`[data-testid=${testId}]`);
  await page.waitForFunction(() => "lastDownload" in window, { timeout: STEP_TIMEOUT });
  const file = await page.evaluate(async () => {
    const saved = window as unknown as { lastDownload: Promise<{ name: string; bytes: number[] }> };
    const result = await saved.lastDownload;
    delete (window as unknown as { lastDownload?: unknown }).lastDownload;
    return result;
  });
  const { data, info } = await sharp(Buffer.from(file.bytes))
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { name: file.name, data, width: info.width, height: info.height };
}

test("Firefox: open, paint, generate, compare and download", async (t) => {
  // Each step's time goes to the report, so a slow step shows where it is.
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    t.diagnostic(`${name}: ${Math.round(now - last)} ms`);
    last = now;
  };
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  await page.goto(baseUrl);
  const input = (await page.waitForSelector(
    "input[data-testid=image-input]",
  )) as ElementHandle<HTMLInputElement> | null;
  await input?.uploadFile(ASTRONAUT);
  await page.waitForSelector("[data-testid=stage] canvas");
  step("open");

  await paintStroke(
    page,
    [
      [156, 256],
      [356, 256],
    ],
    512,
  );
  const mask = await download(page, "download-mask");
  const maskAt = (x: number, y: number) => mask.data[(y * mask.width + x) * 3];
  assert.equal(mask.name, "mask.png");
  assert.deepEqual([mask.width, mask.height], [512, 512]);
  assert.deepEqual([maskAt(256, 256), maskAt(256, 230), maskAt(10, 10)], [255, 0, 0]);
  step("paint and download the mask");

  await page.type("[data-testid=prompt]", "a clear visor");
  await page.waitForSelector("[data-testid=generate]:not([disabled])");
  await page.click("[data-testid=generate]");
  await page.waitForSelector('[data-testid=job-status][data-status="Ready"]');
  await page.waitForSelector("[data-testid=compare-slider]");
  step("generate and compare");

  const result = await download(page, "download-result");
  assert.match(
    result.name,
    /^fillpaint-[0-9a-f]{8}-skimage_astronaut-a-clear-visor-v1-seed\d+\.png$/,
  );
  assert.deepEqual([result.width, result.height], [512, 512]);
  const original = await sharp(ASTRONAUT).removeAlpha().raw().toBuffer();
  let changedOutside = 0;
  let changedInside = 0;
  for (let i = 0; i < 512 * 512; i++) {
    const same = [0, 1, 2].every((c) => result.data[i * 3 + c] === original[i * 3 + c]);
    if (same) continue;
    if (mask.data[i * 3] === 0) changedOutside++;
    else changedInside++;
  }
  assert.equal(changedOutside, 0, "pixels outside the mask are untouched");
  assert.ok(changedInside > 1000, `the stroke was filled (${changedInside} pixels changed)`);
  step("download the result");
  await page.close();
});
