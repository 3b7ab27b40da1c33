/**
 * How much full-resolution detail an outpaint's sources would bring, so that where the
 * unguided fill is not trusted (outpaint-trust.ts) a busy source costs more than a calm one.
 *
 * The search compares patches on a coarse level, where a lattice tower, a badge's lettering or
 * a row of lamps averages to a calm mid-tone that matches a dark ground or a pale backdrop well.
 * Finer levels then copy along those matches and bring the full-resolution detail with them: a
 * launch pad zoomed out 2x grew a mesh of lattice fragments over its whole new ground, and an
 * astronaut's backdrop a wall of repeated badges. Measured on the full-resolution pixels, that
 * detail is visible at every level.
 *
 * A source is only held back for detail beyond what the photo's edge typically has near the
 * target: gravel along a shore is busy, and continuing it is right. Comparing with one figure
 * for the whole photo swapped a lakeside's gravel for calm green moss.
 */

import { type FillLevel, levelLuma } from "./fill-level";
import { nearestKept } from "./nearest-fill";
import { PATCH_RADIUS, type PatchSites } from "./patch-match";

const R = PATCH_RADIUS;
const PATCH_AREA = (2 * R + 1) ** 2;

/**
 * A target's expected detail averages the sources within this share of the level's longer side
 * of its nearest source: wide enough that one tower along an edge of sky and ground does not
 * make the whole edge a lattice, narrow enough to tell a gravel shore from the sky above it.
 */
const EXPECTED_REACH = 0.15;
/** …but never fewer pixels than this */
const MIN_EXPECTED_RADIUS = 3;

export interface SourceDetail {
  /** per source centre: the mean full-resolution detail under its patch (grey levels) */
  source: Float32Array;
  /** per target centre: the detail the photo's edge typically has near it */
  expected: Float32Array;
}

/**
 * The full-resolution detail, |∂x| + |∂y| of luma between kept pixels, averaged over each
 * `factor`×`factor` block of `base`: the plane of the level `factor` times coarser (whose size
 * is base's rounded up, as downsampleLevel's is). Blocks with nothing measurable hold 0.
 */
export function fineDetail(base: FillLevel, factor: number): Float32Array {
  const { width, height, hole } = base;
  const w = Math.ceil(width / factor);
  const h = Math.ceil(height / factor);
  const sum = new Float32Array(w * h);
  const count = new Uint32Array(w * h);
  for (let y = 0; y < height - 1; y++) {
    const row = Math.floor(y / factor) * w;
    for (let x = 0; x < width - 1; x++) {
      const p = y * width + x;
      if (hole[p] !== 0 || hole[p + 1] !== 0 || hole[p + width] !== 0) continue;
      const here = levelLuma(base, p);
      const b = row + Math.floor(x / factor);
      sum[b]! +=
        Math.abs(levelLuma(base, p + 1) - here) + Math.abs(levelLuma(base, p + width) - here);
      count[b]!++;
    }
  }
  for (let b = 0; b < sum.length; b++) sum[b] = count[b]! > 0 ? sum[b]! / count[b]! : 0;
  return sum;
}

/** The next coarser level's detail plane: the mean of each 2×2 block (rounded up in size). */
export function halveDetail(plane: Float32Array, width: number, height: number): Float32Array {
  const w = Math.ceil(width / 2);
  const h = Math.ceil(height / 2);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = 0; dy < 2 && 2 * y + dy < height; dy++) {
        for (let dx = 0; dx < 2 && 2 * x + dx < width; dx++) {
          sum += plane[(2 * y + dy) * width + 2 * x + dx]!;
          n++;
        }
      }
      out[y * w + x] = sum / n;
    }
  }
  return out;
}

/** Each source's detail and each target's expected detail on `level`, from its detail `plane`. */
export function sourceDetail(
  level: FillLevel,
  sites: PatchSites,
  plane: Float32Array,
): SourceDetail {
  const { width, height } = level;
  const source = new Float32Array(width * height);
  for (const s of sites.sources) {
    let sum = 0;
    for (let dy = -R; dy <= R; dy++) {
      const row = s + dy * width;
      for (let dx = -R; dx <= R; dx++) sum += plane[row + dx]!;
    }
    source[s] = sum / PATCH_AREA;
  }
  // Summed-area tables of the sources' detail and of their count, for box means at any radius.
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  const counts = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const o = (y + 1) * stride + x + 1;
      const isSource = sites.sourceOk[p] === 1;
      sums[o] =
        (isSource ? source[p]! : 0) + sums[o - 1]! + sums[o - stride]! - sums[o - stride - 1]!;
      counts[o] =
        (isSource ? 1 : 0) + counts[o - 1]! + counts[o - stride]! - counts[o - stride - 1]!;
    }
  }
  const radius = Math.max(
    MIN_EXPECTED_RADIUS,
    Math.round(EXPECTED_REACH * Math.max(width, height)),
  );
  const notSource = sites.sourceOk.map((v) => 1 - v);
  const nearest = nearestKept(notSource, width, height);
  const expected = new Float32Array(width * height);
  for (const t of sites.targets) {
    const n = nearest[t]!;
    if (n < 0) continue;
    const nx = n % width;
    const ny = (n - nx) / width;
    const x0 = Math.max(0, nx - radius);
    const x1 = Math.min(width, nx + radius + 1);
    const y0 = Math.max(0, ny - radius);
    const y1 = Math.min(height, ny + radius + 1);
    const box = (a: Float64Array) =>
      a[y1 * stride + x1]! - a[y0 * stride + x1]! - a[y1 * stride + x0]! + a[y0 * stride + x0]!;
    expected[t] = box(sums) / Math.max(1, box(counts));
  }
  return { source, expected };
}
