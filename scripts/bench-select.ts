/**
 * The smart selection tools' speed and quality, printed as JSON (`npm run bench:editor` runs
 * it and adds the result under `select`; `npx tsx scripts/bench-select.ts` runs it alone).
 *  - speed on the 12 MP sunset photo: a wand click (contiguous and not), object select of a
 *    box covering a quarter of the image, and the edge lasso's start and per-move path;
 *  - quality on 10 composites with known truth: a real cut-out (rembg's plant, RGBA) pasted at
 *    two sizes on five other real photos, cut by object select from a box around it (IoU).
 * Runs the same modules as the browser's worker, in Node's V8 and WebAssembly.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import sharp from "sharp";
import { maskBounds, maskIoU, pasteCutout } from "../src/app/select/composite";
import { EdgeLasso } from "../src/app/select/edge-lasso";
import { objectCut } from "../src/app/select/object-cut";
import { whenReady } from "../src/app/select/opencv";
import { selectionToMask } from "../src/app/select/selection";
import { magicWand, type RgbaImage } from "../src/app/select/wand";

const SHARED = join(import.meta.dirname, "../../shared/fixtures");
const PROJECT = join(import.meta.dirname, "../e2e/fixtures");

async function rgba(file: string, width?: number): Promise<RgbaImage> {
  const { data, info } = await sharp(file)
    .resize(width ? { width } : undefined)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/**
 * Wall time, and the CPU time this (single-threaded) work took: on a shared machine the wall
 * time includes waiting for a core, the CPU time is what an idle core would need.
 */
function time<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return {
    ms: Math.round((performance.now() - started) * 10) / 10,
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
    result,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const loadStarted = performance.now();
const cv = await whenReady(createRequire(import.meta.url)("@techstark/opencv-js"));
const opencvLoadMs = Math.round(performance.now() - loadStarted);

const photo = await rgba(join(SHARED, "photos/lomiri_sunset_by_Aitzol_Berasategi.jpg"));
const scratch = new Uint8Array(photo.width * photo.height);
const sky = { x: photo.width * 0.5, y: photo.height * 0.08 };
const wandRuns = Array.from({ length: 5 }, () =>
  time(() => magicWand(photo, sky, { tolerance: 32, contiguous: true }, scratch)),
);
const wandAll = time(() => magicWand(photo, sky, { tolerance: 32, contiguous: false }, scratch));
const quarter = {
  x: Math.round(photo.width / 4),
  y: Math.round(photo.height / 4),
  width: Math.round(photo.width / 2),
  height: Math.round(photo.height / 2),
};
const objectRuns = Array.from({ length: 3 }, () => time(() => objectCut(cv, photo, quarter)));
const start = time(() => new EdgeLasso(cv, photo));
const lasso = start.result;
const anchor = time(() => lasso.anchor({ x: 400, y: 2000 }));
const moves = Array.from({ length: 40 }, (_, i) =>
  time(() => lasso.pathTo({ x: 400 + i * 80, y: 2000 - i * 30 })),
);
lasso.dispose();

const plant = join(PROJECT, "rembg_plants-1_PNG-named-.jpg");
const backgrounds = [
  join(PROJECT, "skimage_coffee.png"),
  join(PROJECT, "skimage_astronaut.png"),
  join(PROJECT, "skimage_chelsea.png"),
  join(SHARED, "fill/image.png"),
  join(SHARED, "photos/lomiri_sunset_by_Aitzol_Berasategi.jpg"),
];
const composites = [];
for (const file of backgrounds) {
  const background = await rgba(
    file,
    file.includes("sunset") || file.includes("fill") ? 1200 : undefined,
  );
  for (const [k, fraction] of [0.45, 0.75].entries()) {
    const height = Math.round(background.height * fraction);
    const cutout = await rgba(plant, Math.round((height * 987) / 1481));
    const x = k === 0 ? Math.round(background.width * 0.1) : background.width - cutout.width - 10;
    const y = Math.round((background.height - cutout.height) * (k === 0 ? 0.3 : 0.8));
    const { image, truth } = pasteCutout(background, cutout, x, y);
    const box = maskBounds(truth, image.width, image.height, Math.round(image.width * 0.02));
    const cut = time(() => objectCut(cv, image, box));
    composites.push({
      background: file.split("/").at(-1),
      size: `${image.width}×${image.height}`,
      objectHeight: cutout.height,
      iou:
        Math.round(maskIoU(selectionToMask(cut.result, image.width, image.height), truth) * 1000) /
        1000,
      ms: cut.ms,
    });
  }
}

const report = {
  image: `${photo.width}×${photo.height}`,
  loadAverage: (await import("node:os")).loadavg().map((v) => Math.round(v * 10) / 10),
  opencvLoadMs,
  wand: {
    clickMs: median(wandRuns.map((r) => r.ms)),
    clickCpuMs: median(wandRuns.map((r) => r.cpuMs)),
    selectedPixels: wandRuns[0]!.result?.data.reduce((n, v) => n + (v ? 1 : 0), 0),
    notContiguousMs: wandAll.ms,
    notContiguousCpuMs: wandAll.cpuMs,
    targetMs: 150,
  },
  objectSelect: {
    quarterBoxMs: median(objectRuns.map((r) => r.ms)),
    quarterBoxCpuMs: median(objectRuns.map((r) => r.cpuMs)),
    targetMs: 2000,
  },
  edgeLasso: {
    startMs: start.ms,
    startCpuMs: start.cpuMs,
    anchorMs: anchor.ms,
    anchorCpuMs: anchor.cpuMs,
    moveMsMedian: median(moves.map((m) => m.ms)),
    moveMsMax: Math.max(...moves.map((m) => m.ms)),
    targets: { startMs: 1000, moveMs: 50 },
  },
  quality: {
    composites,
    atLeast090: composites.filter((c) => c.iou >= 0.9).length,
    meanIoU:
      Math.round((composites.reduce((s, c) => s + c.iou, 0) / composites.length) * 1000) / 1000,
    target: "IoU ≥ 0.9 on ≥ 8 of 10",
  },
};
console.log(JSON.stringify(report, null, 2));
process.exit(0);
