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

import { boxBlur, weightedBoxMean } from "../../box-blur";
import { type FillLevel, levelLuma, shrinkLevel } from "./fill-level";
import { CALM_CELLS, untrustedCalm } from "./layout-guide";
import { distanceToUnmasked } from "./mask-geometry";
import { nearestKept } from "./nearest-fill";
import { PATCH_RADIUS, type PatchSites } from "./patch-match";

const R = PATCH_RADIUS;

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
  const hole = new Uint8Array(width * height);
  return shrinkLevel({ width, height, bands: 1, colour: plane, hole }, 2).colour;
}

/** Each source's detail and each target's expected detail on `level`, from its detail `plane`. */
export function sourceDetail(
  level: FillLevel,
  sites: PatchSites,
  plane: Float32Array,
): SourceDetail {
  const { width, height } = level;
  // a source's patch lies wholly inside the level, where the box mean is its patch's mean
  const patchMean = plane.slice();
  boxBlur(patchMean, width, height, R);
  const source = new Float32Array(width * height);
  for (const s of sites.sources) source[s] = patchMean[s]!;
  const radius = Math.max(
    MIN_EXPECTED_RADIUS,
    Math.round(EXPECTED_REACH * Math.max(width, height)),
  );
  const nearby = weightedBoxMean(source, sites.sourceOk, width, height, radius);
  const nearest = nearestKept(
    sites.sourceOk.map((v) => 1 - v),
    width,
    height,
  );
  const expected = new Float32Array(width * height);
  for (const t of sites.targets) {
    const n = nearest[t]!;
    if (n >= 0) expected[t] = nearby[n]!;
  }
  return { source, expected };
}

/** Coarsest cells over which an untrusted target's expected detail falls by a factor e. */
const DETAIL_CALM_CELLS = 2 * CALM_CELLS;

/**
 * Where an outpaint's unguided fill is not clearly trusted, the detail a target may expect
 * calms with distance from the photo, as the guide's contrast does (calmUntrustedGuide) but half
 * as fast: over DETAIL_CALM_CELLS cells of the coarsest level, `scale` of this level's pixels
 * each. Expected in full out to the frame, the edge's detail licensed any source as busy as
 * it: a lakeside cut off at its treeline filled its new sky with the treeline's foliage (at
 * 640 px, 24% of the sky's blocks busier than the treeline's typical block on seeds 0 and 1;
 * 7% and 4% now). At the guide's own rate a brick wall's rebuilt third came out flatter than
 * before the trust machinery (39.6% of its blocks flat, the old 39% exceeded; 38.0% before
 * this, 38.9% now).
 */
export function calmUntrustedDetail(level: FillLevel, scale: number): void {
  const { detail, trust, hole, width, height } = level;
  if (!detail || !trust) return;
  const distance = distanceToUnmasked(hole, width, height);
  const { expected } = detail;
  for (let p = 0; p < expected.length; p++) {
    if (hole[p] === 0) continue;
    expected[p]! *= untrustedCalm(trust[p]!, distance[p]!, DETAIL_CALM_CELLS * scale);
  }
}
