/**
 * The smart selection tools' speed and quality, printed as JSON (`npm run bench:editor` runs
 * it and adds the result under `select`; `npx tsx scripts/bench-select.ts` runs it alone).
 *  - speed on the 12 MP sunset photo: a wand click (contiguous and not), object select of a
 *    box covering a quarter of the image (to its quick cut and to its full cut), and the edge
 *    lasso's start and per-move path;
 *  - quality on 10 composites with known truth: five real photos, each cut out along a
 *    hand-placed irregular outline and pasted at two sizes on another of them, cut by object
 *    select from a box around it (IoU with the outline).
 * Runs the same modules as the browser's worker, in Node's V8 and WebAssembly.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import sharp from "sharp";
import {
  cutOut,
  maskBounds,
  maskIoU,
  pasteCutout,
  wobblyOutline,
} from "../src/app/select/composite";
import { EdgeLasso } from "../src/app/select/edge-lasso";
import { OBJECT_CUT, objectCut } from "../src/app/select/object-cut";
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
/** Object select's quick cut (handed over mid-way) and its full cut, wall and CPU from the start. */
const objectRuns = Array.from({ length: 3 }, () => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let quick = { ms: 0, cpuMs: 0 };
  const full = time(() =>
    objectCut(cv, photo, quarter, [], OBJECT_CUT, () => {
      const used = process.cpuUsage(cpu);
      quick = {
        ms: Math.round((performance.now() - started) * 10) / 10,
        cpuMs: Math.round((used.user + used.system) / 100) / 10,
      };
    }),
  );
  return { quick, full };
});
const start = time(() => new EdgeLasso(photo));
const lasso = start.result;
const anchor = time(() => lasso.anchor({ x: 400, y: 2000 }));
const moves = Array.from({ length: 40 }, (_, i) =>
  time(() => lasso.pathTo({ x: 400 + i * 80, y: 2000 - i * 30 })),
);

/** Real photos, each with a hand-placed irregular outline around its subject (fractions). */
const SOURCES = [
  { file: join(PROJECT, "skimage_chelsea.png"), outline: [0.5, 0.5, 0.27, 0.37] },
  { file: join(PROJECT, "skimage_coffee.png"), outline: [0.47, 0.4, 0.27, 0.33] },
  { file: join(PROJECT, "skimage_astronaut.png"), outline: [0.43, 0.35, 0.22, 0.25] },
  { file: join(SHARED, "fill/image.png"), outline: [0.5, 0.5, 0.3, 0.33] },
  {
    file: join(SHARED, "photos/lomiri_sunset_by_Aitzol_Berasategi.jpg"),
    outline: [0.5, 0.52, 0.28, 0.28],
  },
];
const composites = [];
for (const [n, source] of SOURCES.entries()) {
  // Each cut-out goes onto the next photo in the list, at two sizes and places.
  const backgroundFile = SOURCES[(n + 1) % SOURCES.length]!.file;
  const background = await rgba(backgroundFile, 1000);
  const photo = await rgba(source.file, 1000);
  const [fx, fy, frx, fry] = source.outline as [number, number, number, number];
  const outline = wobblyOutline(
    fx * photo.width,
    fy * photo.height,
    frx * photo.width,
    fry * photo.height,
    n,
  );
  const cut = cutOut(photo, outline);
  for (const [k, fraction] of [0.45, 0.75].entries()) {
    const height = Math.round(background.height * fraction);
    const resized = await sharp(cut.data, {
      raw: { width: cut.width, height: cut.height, channels: 4 },
    })
      .resize({ height })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const cutout = {
      data: new Uint8Array(resized.data),
      width: resized.info.width,
      height: resized.info.height,
    };
    const x = k === 0 ? Math.round(background.width * 0.08) : background.width - cutout.width - 12;
    const y = Math.round((background.height - cutout.height) * (k === 0 ? 0.3 : 0.8));
    const { image, truth } = pasteCutout(background, cutout, x, y);
    const box = maskBounds(truth, image.width, image.height, Math.round(image.width * 0.02));
    const result = time(() => objectCut(cv, image, box));
    composites.push({
      object: source.file.split("/").at(-1),
      background: backgroundFile.split("/").at(-1),
      size: `${image.width}×${image.height}`,
      objectHeight: cutout.height,
      iou:
        Math.round(
          maskIoU(selectionToMask(result.result, image.width, image.height), truth) * 1000,
        ) / 1000,
      ms: result.ms,
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
    quarterBoxToQuickCutMs: median(objectRuns.map((r) => r.quick.ms)),
    quarterBoxToQuickCutCpuMs: median(objectRuns.map((r) => r.quick.cpuMs)),
    quarterBoxToFullCutMs: median(objectRuns.map((r) => r.full.ms)),
    quarterBoxToFullCutCpuMs: median(objectRuns.map((r) => r.full.cpuMs)),
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
