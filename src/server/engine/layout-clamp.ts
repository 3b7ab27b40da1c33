import { weightedBoxMean } from "../../box-blur";
import type { Continuation } from "./directional-fill";
import { cellAxes, cellDeviations, type FillLevel, sampleCells } from "./fill-level";

/**
 * The guard on a patch fill's layout. Patches are copied from anywhere in the context, and
 * where the surroundings offer nothing like the hole (a sky cut off above a lake) the search
 * still returns its least bad match: boats in the sky, lattice in a plain wall. The eye reads
 * that as garbage, while a calm continuation of the surroundings reads as right. So the fill is
 * compared, cell by cell on the coarsest level's grid, with the layout reference (the coarsest
 * guide: colour and local contrast continued from the hole's edge):
 * - its mean colour may depart from the reference's by what the surroundings' own contrast
 *   allows there (a textured area may hold a plank or a stone the smooth reference does not
 *   know; a plain sky may not hold a boat), or from the surroundings' straight continuation
 *   where there is one (`along`); a larger departure is cut back to the nearer bound;
 * - its contrast may exceed the reference's by TEXTURE_HEADROOM at most; stronger detail (stripes,
 *   copied edges) is faded towards the cell's mean.
 * Both corrections are smooth (bilinear between cell centres), so no cell edges show, and a fill
 * that already agrees with its surroundings is left as it is. Kept pixels are never written.
 */
export interface LayoutReference {
  width: number;
  height: number;
  /** base pixels per reference cell along each axis */
  scale: number;
  /** reference colour per cell, `bands` values */
  colour: Float32Array;
  /** reference local contrast (luma standard deviation) per cell */
  contrast: Float32Array;
  /**
   * per cell, 0–1: how far the fill is trusted to continue the photo by itself
   * (outpaint-trust.ts), so neither held to the reference nor anchored; absent = nowhere
   */
  trust?: Float32Array;
  /**
   * per cell, the surroundings continued straight through the hole along their orientation
   * (directional-fill.ts); where a walk met kept pixels (trust above 0) a fill near its colour
   * is as much in bounds as one near the reference's. The reference is a membrane of the whole
   * rim, and a sky's gradient is not one: across an ellipse in a dusk sky, where the sky
   * brightens into its glow, the membrane of its purple top and the horizon below was 20 grey
   * levels too dark, and the fill, which had continued each height of the sky from the sides,
   * was pulled into a dull ghost of the ellipse (the benchmark's dusk ellipse: 24.4 dB, 28.1
   * with the continuation). The 37 removals' layout mean rises 24.88 → 25.05 dB (a brick wall's
   * stroke +1.3, the dock's ellipse and blob +0.4 and +0.6), spurious blocks 5.7 → 5.5%; the 49
   * outpaints are unchanged.
   */
  along?: Continuation;
}

/** How many of the surroundings' standard deviations the fill's mean may stray from the reference. */
const MEAN_SLACK = 1.5;
/** The smallest departure always allowed, in grey levels (camera noise, gentle shading). */
const MIN_MEAN_SLACK = 10;
/** The fill's contrast may be this many times the reference's before it is faded. */
const TEXTURE_HEADROOM = 1.6;
/**
 * Cells narrower than this (small holes, whose coarsest level is barely smaller than the crop)
 * hold too few pixels for their statistics to tell garbage from a stripe's edge.
 */
const MIN_CELL = 4;
/** Contrast below this (grey levels) is never faded: flat areas keep their grain. */
const MIN_CONTRAST = 3;

/**
 * The fill's contrast is judged over the cells this far around each, as the reference's is
 * (PATCH_MEAN_RADIUS in layout-guide.ts). One cell's own contrast says where in a texture it
 * sits: on a brick wall a cell across a mortar line measured three times the reference and was
 * faded to a pale smear, while a cell on a brick face passed, so a well-continued wall came out
 * with its mortar washed out where it crossed the hole. On the benchmark: brick ellipse 24.62 →
 * 24.89 dB, texture ratio 0.67 → 0.88; brick blob 23.68 → 24.01 dB; the 36 removals' layout
 * mean 24.90 → 24.92 dB, the 49 outpaints' 15.694 → 15.689 dB.
 */
const CONTRAST_POOL = 3;

export function clampToLayout(level: FillLevel, ref: LayoutReference): void {
  const { width, height, bands, colour, hole } = level;
  const { width: gw, height: gh, scale } = ref;
  if (scale < MIN_CELL) return;
  const cells = gw * gh;
  // Per cell, over its hole pixels: mean colour, and luma sums for the contrast.
  const mean = new Float32Array(cells * bands);
  const count = new Float64Array(cells);
  const lumaSum = new Float64Array(cells);
  const lumaSq = new Float64Array(cells);
  const weights = bands === 1 ? [1] : [0.299, 0.587, 0.114];
  for (let y = 0; y < height; y++) {
    const row = Math.min(gh - 1, Math.floor(y / scale)) * gw;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const cell = row + Math.min(gw - 1, Math.floor(x / scale));
      count[cell]!++;
      let l = 0;
      for (let c = 0; c < bands; c++) {
        const v = colour[p * bands + c]!;
        mean[cell * bands + c]! += v;
        l += weights[c]! * v;
      }
      lumaSum[cell]! += l;
      lumaSq[cell]! += l * l;
    }
  }
  const spread = pooledContrast(count, lumaSum, lumaSq, gw, gh);
  // Per cell: the shift that brings the mean within bounds, and the gain on detail.
  const shift = new Float32Array(cells * bands);
  const gain = new Float32Array(cells).fill(1);
  for (let i = 0; i < cells; i++) {
    const n = count[i]!;
    if (n === 0) {
      // no hole here: detail fading around this cell's centre uses the reference's colour
      mean.set(ref.colour.subarray(i * bands, (i + 1) * bands), i * bands);
      continue;
    }
    const allowed = Math.max(MIN_MEAN_SLACK, MEAN_SLACK * ref.contrast[i]!);
    for (let c = 0; c < bands; c++) mean[i * bands + c]! /= n;
    let moved = shiftWithin(mean, ref.colour, i, bands, allowed);
    if (ref.along && ref.along.trust[i]! > 0) {
      const other = shiftWithin(mean, ref.along.colour, i, bands, allowed);
      if (squaredLength(other) < squaredLength(moved)) moved = other;
    }
    shift.set(moved, i * bands);
    const limit = Math.max(MIN_CONTRAST, TEXTURE_HEADROOM * ref.contrast[i]!);
    if (spread[i]! > limit) gain[i] = limit / spread[i]!;
  }
  const axes = cellAxes(gw, gh, scale, width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      // v + shift − (1 − gain)(v − cell mean): moved within bounds, detail faded around the mean
      const fade = 1 - sampleCells(gain, 1, axes, x, y, 0);
      const held = ref.trust ? 1 - sampleCells(ref.trust, 1, axes, x, y, 0) : 1;
      for (let c = 0; c < bands; c++) {
        const v = colour[p * bands + c]!;
        const low = sampleCells(mean, bands, axes, x, y, c);
        const correction = sampleCells(shift, bands, axes, x, y, c) - fade * (v - low);
        colour[p * bands + c] = v + held * correction;
      }
    }
  }
}

/** The shift that brings cell `i`'s mean within `allowed` of `target`'s in every band. */
function shiftWithin(
  mean: Float32Array,
  target: Float32Array,
  i: number,
  bands: number,
  allowed: number,
): Float32Array {
  const shift = new Float32Array(bands);
  for (let c = 0; c < bands; c++) {
    const d = mean[i * bands + c]! - target[i * bands + c]!;
    shift[c] = d > allowed ? allowed - d : d < -allowed ? -allowed - d : 0;
  }
  return shift;
}

function squaredLength(v: Float32Array): number {
  return v.reduce((sum, x) => sum + x * x, 0);
}

/**
 * Per cell, the mean of the luma standard deviations of the cells within CONTRAST_POOL of it,
 * each weighted by its hole pixels (cells without any count for nothing).
 */
function pooledContrast(
  count: Float64Array,
  lumaSum: Float64Array,
  lumaSq: Float64Array,
  gw: number,
  gh: number,
): Float32Array {
  return weightedBoxMean(cellDeviations(count, lumaSum, lumaSq), count, gw, gh, CONTRAST_POOL);
}
