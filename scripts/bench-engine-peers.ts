/**
 * The baselines the engine is measured against, run on the same input and mask:
 * - smear: every hole pixel takes its nearest kept pixel (replicate padding), blurred with a
 *   Gaussian of σ = 12: the calm, structure-free extension a fill must at least match on layout;
 * - OpenCV's Telea (the wasm build from @techstark/opencv-js);
 * - the peer: PyPatchMatch as InvokeAI's infill runs it (patch_size 3), built from
 *   ../shared/peers/pypatchmatch for the benchmark only; skipped with a reason when it cannot be.
 * Peer results do not change between engine runs, so they are cached under bench-results/cache.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { nearestFill } from "../src/server/engine/nearest-fill";
import type { Case } from "./bench-engine-cases";

export interface PeerRun {
  pixels: Uint8Array;
  ms: number;
  /** peak RSS of the peer's own process, where it runs in one */
  rssMb?: number;
}

export async function runSmear(c: Case): Promise<PeerRun> {
  const started = performance.now();
  const colour = new Float32Array(c.input.length);
  for (let i = 0; i < colour.length; i++) colour[i] = c.input[i]!;
  const padded = nearestFill({ width: c.width, height: c.height, bands: 3, colour, hole: c.mask });
  const blurred = await sharp(
    Uint8Array.from(padded, (v) => Math.round(v)),
    {
      raw: { width: c.width, height: c.height, channels: 3 },
    },
  )
    .blur(12)
    .raw()
    .toBuffer();
  const pixels = c.input.slice();
  for (let i = 0; i < c.mask.length; i++) {
    if (c.mask[i]) for (let k = 0; k < 3; k++) pixels[i * 3 + k] = blurred[i * 3 + k]!;
  }
  return { pixels, ms: performance.now() - started };
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

let openCv: Promise<{ cv: Cv }> | null = null;

/**
 * The Emscripten module is a thenable that calls back with itself: resolving a promise with it
 * would chase `then` forever, so it is waited for by callback and handed over wrapped.
 */
function loadOpenCv(): Promise<{ cv: Cv }> {
  openCv ??= (async () => {
    const loaded = createRequire(import.meta.url)("@techstark/opencv-js") as Cv & {
      then?: (ready: () => void) => void;
    };
    if (typeof loaded.inpaint !== "function") {
      await new Promise<void>((resolve) => loaded.then?.(() => resolve()));
    }
    return { cv: loaded as Cv };
  })();
  return openCv;
}

export async function runTelea(c: Case): Promise<PeerRun> {
  const { cv } = await loadOpenCv();
  const started = performance.now();
  const src = cv.matFromArray(c.height, c.width, cv.CV_8UC3, c.input);
  const mask = cv.matFromArray(c.height, c.width, cv.CV_8UC1, c.mask);
  const dst = new cv.Mat();
  cv.inpaint(src, mask, dst, 5, cv.INPAINT_TELEA);
  const pixels = new Uint8Array(dst.data);
  for (const m of [src, mask, dst]) m.delete();
  return { pixels, ms: performance.now() - started };
}

const PEER = join(import.meta.dirname, "../../shared/peers/pypatchmatch");
const CACHE = join(import.meta.dirname, "../bench-results/cache");

/** Builds PyPatchMatch once; the reason it cannot run, or null when it can. */
export function patchMatchUnavailable(): string | null {
  if (!existsSync(join(PEER, "run.py"))) return `no peer at ${PEER}`;
  try {
    execFileSync(join(PEER, "build.sh"), { stdio: ["ignore", "pipe", "pipe"] });
    execFileSync("/usr/bin/python3", ["-c", "import numpy, PIL"], { stdio: "pipe" });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `PyPatchMatch cannot be built or run: ${stderr || String(error)}`;
  }
}

function cacheKey(c: Case, peer: string): string {
  const hash = createHash("sha1").update(c.input).update(c.mask).digest("hex").slice(0, 16);
  return join(CACHE, `${c.name}.${peer}.${hash}`);
}

/** PyPatchMatch through its run.py, timed by itself; peak RSS from /usr/bin/time. */
export async function runPatchMatch(c: Case): Promise<PeerRun> {
  const key = cacheKey(c, "patchmatch");
  if (existsSync(`${key}.json`)) {
    const { ms, rssMb } = JSON.parse(readFileSync(`${key}.json`, "utf8")) as PeerRun;
    const { data } = await sharp(`${key}.png`).raw().toBuffer({ resolveWithObject: true });
    return { pixels: new Uint8Array(data), ms, rssMb };
  }
  mkdirSync(CACHE, { recursive: true });
  const raw = { width: c.width, height: c.height, channels: 3 as const };
  await sharp(c.input, { raw }).png({ compressionLevel: 1 }).toFile(`${key}.in.png`);
  const maskRgb = new Uint8Array(c.mask.length * 3);
  for (let i = 0; i < c.mask.length; i++) if (c.mask[i]) maskRgb.fill(255, i * 3, i * 3 + 3);
  await sharp(maskRgb, { raw }).png({ compressionLevel: 1 }).toFile(`${key}.mask.png`);
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "maxrss_kb=%M",
      "/usr/bin/python3",
      join(PEER, "run.py"),
      `${key}.in.png`,
      `${key}.mask.png`,
      `${key}.png`,
      "3",
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (run.status !== 0) throw new Error(`PyPatchMatch failed on ${c.name}: ${run.stderr}`);
  const ms = Number(run.stdout.trim().split("\n").pop()) * 1000;
  const rssKb = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1]);
  const { data } = await sharp(`${key}.png`).raw().toBuffer({ resolveWithObject: true });
  const result: PeerRun = { pixels: new Uint8Array(data), ms, rssMb: Math.round(rssKb / 1024) };
  writeFileSync(`${key}.json`, JSON.stringify({ ms: result.ms, rssMb: result.rssMb }));
  return result;
}
