/**
 * `npm run bench:engine`: times the local fill engine against OpenCV's Telea (the wasm build
 * from @techstark/opencv-js) on real photos with holes cut where the truth is known, and prints
 * JSON: wall time (median of 3), PSNR and SSIM inside the hole, the sharpness ratio, peak RSS,
 * and whether each target of issue 7 is met. Side-by-side PNGs (input | mask | Telea | engine)
 * go to bench-results/. Photos are read from ../shared/fixtures.
 *
 * Engine times are wall time of one fill through the worker pool (transfer in, fill, transfer
 * out), with warm workers as in the long-running server; decoding and encoding are excluded
 * for both methods. `--quick` runs one repetition and skips the 12 MP case.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { contextBox } from "../src/server/engine/exemplar-fill";
import { chooseFillMode } from "../src/server/engine/fill-engine";
import { psnrInMask, sharpnessRatio, ssimInMask } from "../src/server/engine/fill-quality";
import type { FillOutput, FillTask } from "../src/server/engine/fill-task";
import { type Box, maskBounds } from "../src/server/engine/mask-geometry";
import { mulberry32 } from "../src/server/engine/prng";
import { WorkerPool } from "../src/server/engine/worker-pool";

const FIXTURES = join(import.meta.dirname, "../../shared/fixtures/photos");
const OUT = join(import.meta.dirname, "../bench-results");
const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const REPEATS = quick ? 1 : 3;

interface Case {
  name: string;
  width: number;
  height: number;
  /** RGB truth */
  truth: Uint8Array;
  /** RGB input (hole pixels blanked) */
  input: Uint8Array;
  mask: Uint8Array;
  /** wall-time target in ms, if the issue sets one */
  targetMs?: number;
}

interface Cv {
  Mat: new () => CvMat;
  matFromArray(rows: number, cols: number, type: number, data: Uint8Array): CvMat;
  inpaint(src: CvMat, mask: CvMat, dst: CvMat, radius: number, flags: number): void;
  CV_8UC3: number;
  CV_8UC1: number;
  INPAINT_TELEA: number;
}
interface CvMat {
  data: Uint8Array;
  delete(): void;
}

/**
 * The Emscripten module is a thenable that calls back with itself: resolving a promise with it
 * would chase `then` forever, so it is waited for by callback and handed over wrapped.
 */
async function loadOpenCv(): Promise<{ cv: Cv }> {
  const loaded = createRequire(import.meta.url)("@techstark/opencv-js") as Cv & {
    then?: (ready: () => void) => void;
  };
  if (typeof loaded.inpaint !== "function") {
    await new Promise<void>((resolve) => loaded.then?.(() => resolve()));
  }
  return { cv: loaded as Cv };
}

async function readRgb(file: string, width?: number) {
  const { data, info } = await sharp(join(FIXTURES, file))
    .resize(width ? { width } : undefined)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

/** An irregular one-piece blob (a wobbly disc) covering about `fraction` of the image. */
function blobMask(
  width: number,
  height: number,
  cx: number,
  cy: number,
  fraction: number,
  seed: number,
): Uint8Array {
  const random = mulberry32(seed);
  const phases = [random() * 6.28, random() * 6.28, random() * 6.28];
  const wobble = (t: number) =>
    1 +
    0.22 * Math.sin(3 * t + phases[0]!) +
    0.12 * Math.sin(5 * t + phases[1]!) +
    0.06 * Math.sin(9 * t + phases[2]!);
  // ∫ wobble² dθ / 2π = 1 + (0.22² + 0.12² + 0.06²)/2
  const meanSq = 1 + (0.22 ** 2 + 0.12 ** 2 + 0.06 ** 2) / 2;
  const r0 = Math.sqrt((fraction * width * height) / (Math.PI * meanSq));
  const mask = new Uint8Array(width * height);
  const px = cx * width;
  const py = cy * height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - px;
      const dy = y - py;
      const r = Math.sqrt(dx * dx + dy * dy);
      if (r <= r0 * wobble(Math.atan2(dy, dx))) mask[y * width + x] = 1;
    }
  }
  return mask;
}

function cutHole(truth: Uint8Array, mask: Uint8Array): Uint8Array {
  const input = truth.slice();
  for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(0, i * 3, i * 3 + 3);
  return input;
}

function holeCase(
  name: string,
  img: Awaited<ReturnType<typeof readRgb>>,
  hole: number[],
  targetMs?: number,
): Case {
  const [cx, cy, fraction, seed] = hole as [number, number, number, number];
  const mask = blobMask(img.width, img.height, cx, cy, fraction, seed);
  return { name, ...img, truth: img.pixels, input: cutHole(img.pixels, mask), mask, targetMs };
}

/** "Zoom out 1.5x": the 1 MP photo centred on a 1.5× canvas; truth is the wider shot. */
async function zoomOutCase(): Promise<Case> {
  const inner = { width: 1224, height: 816 };
  const wide = await readRgb("lomiri_sunset_by_Aitzol_Berasategi.jpg", inner.width * 1.5);
  const { width, height } = wide;
  const x0 = Math.round((width - inner.width) / 2);
  const y0 = Math.round((height - inner.height) / 2);
  const mask = new Uint8Array(width * height).fill(1);
  for (let y = y0; y < y0 + inner.height; y++)
    mask.fill(0, y * width + x0, y * width + x0 + inner.width);
  return {
    name: "zoom-out-1.5x-outpaint",
    ...wide,
    truth: wide.pixels,
    input: cutHole(wide.pixels, mask),
    mask,
    targetMs: 3000,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function runEngine(pool: WorkerPool<FillTask, FillOutput>, c: Case, seed: number) {
  const task: FillTask = {
    pixels: c.input.slice(),
    width: c.width,
    height: c.height,
    channels: 3,
    mask: c.mask.slice(),
    seed,
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { pixels } = await pool.run(
    task,
    [task.pixels.buffer as ArrayBuffer, task.mask.buffer as ArrayBuffer],
    () => {},
  );
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, pixels };
}

function runTelea(cv: Cv, c: Case) {
  const started = performance.now();
  const src = cv.matFromArray(c.height, c.width, cv.CV_8UC3, c.input);
  const mask = cv.matFromArray(c.height, c.width, cv.CV_8UC1, c.mask);
  const dst = new cv.Mat();
  cv.inpaint(src, mask, dst, 5, cv.INPAINT_TELEA);
  const pixels = new Uint8Array(dst.data);
  for (const m of [src, mask, dst]) m.delete();
  return { ms: performance.now() - started, pixels };
}

function quality(c: Case, pixels: Uint8Array) {
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    psnrDb: round(psnrInMask(pixels, c.truth, 3, c.mask), 2),
    ssim: round(ssimInMask(pixels, c.truth, c.width, c.height, 3, c.mask), 3),
    sharpness: round(sharpnessRatio(pixels, c.width, c.height, 3, c.mask), 3),
  };
}

/** input | mask | Telea | engine, cropped to the hole's context and scaled to ≤ 480 px high. */
async function saveSideBySide(c: Case, telea: Uint8Array, engine: Uint8Array) {
  const box: Box = contextBox(maskBounds(c.mask, c.width, c.height)!, c.width, c.height);
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const scale = Math.min(1, 480 / h);
  const pw = Math.max(1, Math.round(w * scale));
  const ph = Math.max(1, Math.round(h * scale));
  const maskRgb = new Uint8Array(c.mask.length * 3);
  for (let i = 0; i < c.mask.length; i++) maskRgb.fill(c.mask[i] ? 255 : 0, i * 3, i * 3 + 3);
  const panels = await Promise.all(
    [c.input, maskRgb, telea, engine].map((p) =>
      sharp(p, { raw: { width: c.width, height: c.height, channels: 3 } })
        .extract({ left: box.x0, top: box.y0, width: w, height: h })
        .resize(pw, ph)
        .png()
        .toBuffer(),
    ),
  );
  await sharp({ create: { width: pw * 4 + 12, height: ph, channels: 3, background: "#ffffff" } })
    .composite(panels.map((input, i) => ({ input, left: i * (pw + 4), top: 0 })))
    .png()
    .toFile(join(OUT, `${c.name}.png`));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const pool = new WorkerPool<FillTask, FillOutput>(
    new URL("../src/server/engine/fill-worker.ts", import.meta.url),
    Math.max(1, cpus().length),
  );
  // Warm every worker (JIT, tsx) as a long-running server's would be.
  const warm = await readRgb("skimage_coffee.png");
  const warmCase = holeCase("warm", warm, [0.5, 0.5, 0.05, 1]);
  await Promise.all(Array.from({ length: pool.size }, () => runEngine(pool, warmCase, 0)));

  const cases: (() => Promise<Case>)[] = [
    async () =>
      holeCase(
        "lomiri-12mp-3pct",
        await readRgb("lomiri_sunset_by_Aitzol_Berasategi.jpg"),
        [0.3, 0.8, 0.03, 7],
        3000,
      ),
    async () =>
      holeCase(
        "photo-1mp-10pct",
        await readRgb("lomiri_sunset_by_Aitzol_Berasategi.jpg", 1224),
        [0.32, 0.78, 0.1, 3],
        1500,
      ),
    zoomOutCase,
    async () =>
      holeCase("astronaut-10pct", await readRgb("skimage_astronaut.png"), [0.62, 0.55, 0.1, 5]),
    async () => holeCase("coffee-10pct", await readRgb("skimage_coffee.png"), [0.45, 0.6, 0.1, 9]),
    async () =>
      holeCase("chelsea-odd-10pct", await readRgb("skimage_chelsea.png"), [0.6, 0.5, 0.1, 11]),
  ];
  const results = [];
  let peakRssMb = 0;
  const engineOut = new Map<
    string,
    { case: Case; pixels: Uint8Array; ms: number[]; cpuMs: number[] }
  >();
  for (const make of cases) {
    const c = await make();
    console.error(`case ${c.name} ready`);
    if (quick && c.width * c.height > 5e6) continue;
    if (only && !c.name.includes(only)) continue;
    const ms: number[] = [];
    const cpuMs: number[] = [];
    let pixels: Uint8Array = new Uint8Array(0);
    for (let r = 0; r < REPEATS; r++) {
      const run = await runEngine(pool, c, 0);
      ms.push(run.ms);
      cpuMs.push(run.cpuMs);
      pixels = run.pixels;
      console.error(`engine ${c.name}: ${Math.round(run.ms)} ms`);
    }
    if (c.width * c.height > 5e6) peakRssMb = process.resourceUsage().maxRSS / 1024;
    engineOut.set(c.name, { case: c, pixels, ms, cpuMs });
  }
  await pool.close();
  const engineRssMb = process.resourceUsage().maxRSS / 1024;

  const { cv } = await loadOpenCv();
  for (const { case: c, pixels, ms, cpuMs } of engineOut.values()) {
    const teleaMs: number[] = [];
    let telea: Uint8Array = new Uint8Array(0);
    for (let r = 0; r < REPEATS; r++) {
      const run = runTelea(cv, c);
      teleaMs.push(run.ms);
      telea = run.pixels;
      console.error(`telea ${c.name}: ${Math.round(run.ms)} ms`);
    }
    const engineQ = quality(c, pixels);
    const teleaQ = quality(c, telea);
    await saveSideBySide(c, telea, pixels);
    const engineMs = Math.round(median(ms));
    results.push({
      case: c.name,
      size: `${c.width}x${c.height}`,
      holeFraction: Math.round((c.mask.reduce((a, v) => a + v, 0) / c.mask.length) * 1000) / 1000,
      mode: chooseFillMode({
        pixels: c.input,
        width: c.width,
        height: c.height,
        channels: 3,
        mask: c.mask,
      }),
      engine: {
        medianMs: engineMs,
        runsMs: ms.map(Math.round),
        medianCpuMs: Math.round(median(cpuMs)),
        ...engineQ,
      },
      openCvTelea: { medianMs: Math.round(median(teleaMs)), ...teleaQ },
      targets: {
        ...(c.targetMs ? { timeMet: engineMs <= c.targetMs, targetMs: c.targetMs } : {}),
        sharpnessAtLeastTwiceTelea: engineQ.sharpness >= 2 * teleaQ.sharpness,
        psnrWithin1p5dBOfTelea: engineQ.psnrDb >= teleaQ.psnrDb - 1.5,
      },
    });
  }
  const meanSharpness =
    results.reduce((a, r) => a + r.engine.sharpness, 0) / Math.max(1, results.length);
  console.log(
    JSON.stringify(
      {
        machine: {
          cpus: cpus().length,
          loadavg: loadavg().map((v) => Math.round(v * 100) / 100),
          node: process.version,
        },
        repeats: REPEATS,
        peakRssMb12mp: Math.round(peakRssMb),
        peakRssMbAllEngineCases: Math.round(engineRssMb),
        rssTargetMet: peakRssMb > 0 ? peakRssMb <= 600 : null,
        meanEngineSharpness: Math.round(meanSharpness * 1000) / 1000,
        meanSharpnessTargetMet: meanSharpness >= 0.7,
        cases: results,
      },
      null,
      2,
    ),
  );
}

await main();
