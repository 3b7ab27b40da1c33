#!/usr/bin/env node
/**
 * `npm run bench:editor`: the mask editor's speed on a 4096×4096 image in headless Chromium,
 * printed as JSON. Builds and serves the real app, paints with real input events, and measures:
 *  - frames of a continuous 300-move stroke on an empty mask and after 200 earlier strokes
 *    (work per frame = pointer handler + render, one move per animation frame);
 *  - a baseline that redraws every stroke per move, as IOPaint does;
 *  - exporting the mask (button → downloaded PNG), with the longest main-thread block;
 *  - the memory the 200-stroke history costs (heap growth and the stored vectors' size);
 *  - the first page load's JavaScript (gzip), and the smart selection tools: their CPU and
 *    quality in Node (`scripts/bench-select.ts`, under `select`) and their wall time in this
 *    browser, pointer event to result drawn (`scripts/bench-select-browser.mjs`, under
 *    `selectBrowser`).
 * BENCH_PORT (default 8799) picks the port; BENCH_SKIP_BUILD=1 reuses dist/.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import sharp from "sharp";
import { selectInBrowser } from "./bench-select-browser.mjs";

const port = Number(process.env.BENCH_PORT ?? 8799);
const SIZE = 4096;
const STROKES = 200;
const MOVES = 300;

if (!process.env.BENCH_SKIP_BUILD) {
  const build = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("node", ["dist/server/main.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: "test-results/bench-data",
    BFL_API_KEY: "",
  },
  stdio: "ignore",
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--no-first-run"],
});

try {
  await waitForServer(`http://127.0.0.1:${port}/api/config`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const firstLoadScripts = new Set();
  const collectScripts = (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js")) firstLoadScripts.add(path);
  };
  page.on("response", collectScripts);
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "networkidle" });
  page.off("response", collectScripts);
  const firstLoad = firstLoadJs(firstLoadScripts);

  const image = await sharp({
    create: { width: SIZE, height: SIZE, channels: 3, background: { r: 90, g: 120, b: 150 } },
  })
    .composite([{ input: Buffer.from(gradientSvg()), top: 0, left: 0 }])
    .png({ compressionLevel: 1 })
    .toBuffer();
  await page
    .getByTestId("image-input")
    .setInputFiles({ name: "bench-4096.png", mimeType: "image/png", buffer: image });
  await page.getByText(`bench-4096.png · ${SIZE}×${SIZE}`).waitFor({ timeout: 60_000 });
  await page.locator("[data-testid=stage] canvas").first().waitFor();
  await page.waitForTimeout(1000);
  const stage = await page.getByTestId("stage").boundingBox();
  if (!stage) throw new Error("no stage");

  const idle = await strokeFrames(page, stage, false);
  await page.keyboard.press("Control+z"); // the idle pass's click left a dot
  const emptyStroke = await strokeFrames(page, stage);
  await page.keyboard.press("Control+z");

  const heapBefore = await heapUsed(cdp);
  for (let i = 0; i < STROKES; i++) {
    const y = stage.y + 40 + ((i * 37) % (stage.height - 80));
    const x = stage.x + 40 + ((i * 53) % (stage.width - 300));
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 220, y + 30, { steps: 20 });
    await page.mouse.up();
  }
  await page.waitForTimeout(500);
  const heapAfter = await heapUsed(cdp);
  const history = await page.evaluate(storedHistory);

  const loadedStroke = await strokeFrames(page, stage);
  const undoMs = await page.evaluate(timeUndo);
  const baseline = await page.evaluate(redrawEveryStroke, { size: SIZE, moves: 60 });
  const exported = await page.evaluate(timeExport);
  const exportedAgain = await page.evaluate(timeExport);

  const result = {
    image: `${SIZE}x${SIZE}`,
    earlierStrokes: history.strokes,
    strokeMoves: MOVES,
    idleFramesNoInput: idle,
    emptyMask: emptyStroke,
    after200Strokes: loadedStroke,
    wallTimeRatio: round(loadedStroke.wallMs / emptyStroke.wallMs),
    targets: {
      p95FrameMsMax: 17,
      framesOver20msPctMax: 2,
      met:
        loadedStroke.p95FrameMs <= 17 &&
        loadedStroke.framesOver20msPct < 2 &&
        exportedAgain.ms <= 250 &&
        exportedAgain.longestMainThreadBlockMs <= 50 &&
        (heapAfter - heapBefore) / 2 ** 20 < 50,
    },
    undoAfter200StrokesMs: undoMs,
    baselineRedrawEveryStroke: baseline,
    export: { first: exported, second: exportedAgain, targetMs: 250, targetBlockMs: 50 },
    memory: {
      heapGrowthMb: round((heapAfter - heapBefore) / 2 ** 20),
      historyVectorsKb: round(history.bytes / 1024),
      targetMb: 50,
    },
    firstLoad,
    select: selectBench(),
    selectBrowser: await selectInBrowser(browser, `http://127.0.0.1:${port}/`),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.kill();
}

/**
 * One continuous stroke: real pointer down/up, MOVES synthetic moves, one per frame. With
 * `move` false it times the same frames with no input: the browser's own floor on this machine.
 */
async function strokeFrames(page, stage, move = true) {
  const x = stage.x + 60;
  const y = stage.y + stage.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const frames = await page.evaluate(
    ({ x, y, moves, move }) =>
      new Promise((resolve) => {
        const target = document.querySelector("[data-testid=stage]");
        const work = [];
        let i = 0;
        const start = performance.now();
        // Each frame: Konva draws the previous move (its rAF was queued first), then this
        // callback dispatches the next move; a message posted now runs after the frame has
        // rendered, so (that moment − frame start) is the frame's whole main-thread cost.
        const step = (frameStart) => {
          if (i >= moves) {
            resolve({ work, wallMs: performance.now() - start });
            return;
          }
          const px = x + (i % 150) * 5;
          const py = y + Math.sin(i / 10) * 120;
          if (move)
            target.dispatchEvent(
              new PointerEvent("pointermove", {
                bubbles: true,
                clientX: px,
                clientY: py,
                pointerId: 1,
                pointerType: "mouse",
                buttons: 1,
                isPrimary: true,
              }),
            );
          const channel = new MessageChannel();
          channel.port1.onmessage = () => work.push(performance.now() - frameStart);
          channel.port2.postMessage(0);
          i++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { x, y, moves: MOVES, move },
  );
  await page.mouse.up();
  await page.waitForTimeout(300);
  return summarise(frames.work, frames.wallMs);
}

function summarise(work, wallMs) {
  const sorted = [...work].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    frames: work.length,
    p50FrameMs: round(pick(0.5)),
    p95FrameMs: round(pick(0.95)),
    maxFrameMs: round(sorted.at(-1)),
    framesOver20msPct: round((100 * work.filter((t) => t > 20).length) / work.length),
    wallMs: round(wallMs),
  };
}

/** IOPaint's approach for comparison: every move clears the canvas and redraws all strokes. */
async function redrawEveryStroke({ size, moves }) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open("fillpaint-document");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const row = await new Promise((resolve) => {
    const get = db.transaction("masks").objectStore("masks").get("current");
    get.onsuccess = () => resolve(get.result);
  });
  const strokes = row.maskOps.filter((op) => op.kind === "stroke");
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  const times = [];
  const live = [];
  for (let i = 0; i < moves; i++) {
    live.push(100 + i * 10, 2000 + Math.sin(i / 10) * 400);
    const t0 = performance.now();
    context.clearRect(0, 0, size, size);
    for (const s of [...strokes, { points: live, size: 40 }]) {
      context.lineWidth = s.size;
      context.lineCap = "round";
      context.strokeStyle = "#fff";
      context.beginPath();
      context.moveTo(s.points[0], s.points[1]);
      for (let k = 2; k < s.points.length; k += 2) context.lineTo(s.points[k], s.points[k + 1]);
      context.stroke();
    }
    context.getImageData(0, 0, 1, 1); // forces the drawing to finish
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    strokes: strokes.length,
    moves,
    p50FrameMs: Math.round(times[Math.floor(moves / 2)] * 10) / 10,
    p95FrameMs: Math.round(times[Math.floor(moves * 0.95)] * 10) / 10,
  };
}

/** Ctrl+Z after the history: the cached bitmap is rebuilt from the vectors, then shown. */
async function timeUndo() {
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const ms = performance.now() - t0;
  window.dispatchEvent(new KeyboardEvent("keydown", { key: "y", ctrlKey: true, bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return Math.round(ms * 10) / 10;
}

/** Clicks mask.png and times it to the download, watching the longest main-thread block. */
async function timeExport() {
  const button = document.querySelector("[data-testid=download-mask]");
  const originalClick = HTMLAnchorElement.prototype.click;
  let longest = 0;
  let last = performance.now();
  let watching = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) setTimeout(() => channel.port2.postMessage(0), 0);
  };
  const done = new Promise((resolve) => {
    HTMLAnchorElement.prototype.click = function () {
      resolve({ at: performance.now(), bytes: this.href.length });
      HTMLAnchorElement.prototype.click = originalClick;
    };
  });
  const t0 = performance.now();
  last = t0;
  channel.port2.postMessage(0);
  button.click();
  const { at } = await done;
  watching = false;
  return {
    ms: Math.round((at - t0) * 10) / 10,
    longestMainThreadBlockMs: Math.round(longest * 10) / 10,
  };
}

async function storedHistory() {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open("fillpaint-document");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const row = await new Promise((resolve) => {
    const get = db.transaction("masks").objectStore("masks").get("current");
    get.onsuccess = () => resolve(get.result);
  });
  const ops = row?.maskOps ?? [];
  const bytes = ops.reduce(
    (n, op) => n + 64 + (op.points?.length ?? 0) * 8 + (op.data?.byteLength ?? 0),
    0,
  );
  return { strokes: ops.filter((op) => op.kind === "stroke").length, bytes };
}

async function heapUsed(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize").value;
}

/** The scripts the empty page loaded, with their gzip sizes as a server would send them. */
function firstLoadJs(paths) {
  const files = [...paths].map((path) => {
    const bytes = readFileSync(`dist/app${path}`);
    return { path, kb: round(bytes.length / 1024), gzipKb: round(gzipSync(bytes).length / 1024) };
  });
  const gzipKb = round(files.reduce((sum, f) => sum + f.gzipKb, 0));
  return { files, kb: round(files.reduce((sum, f) => sum + f.kb, 0)), gzipKb, targetGzipKb: 250 };
}

/** The smart tools' own bench: algorithm speed on a 12 MP photo and object-select quality. */
function selectBench() {
  const run = spawnSync("npx", ["tsx", "scripts/bench-select.ts"], { encoding: "utf8" });
  if (run.status !== 0) return { error: run.stderr.slice(-2000) };
  return JSON.parse(run.stdout);
}

async function waitForServer(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start on ${url}`);
}

function gradientSvg() {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f3c"/><stop offset="1" stop-color="#3cf"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)" opacity="0.6"/><circle cx="2048" cy="2048" r="1200" fill="#fe8" opacity="0.5"/></svg>`;
}

function round(value) {
  return Math.round(value * 10) / 10;
}
