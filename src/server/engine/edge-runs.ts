/**
 * How far an outpaint's edge colour carries straight out. A colour that runs a long way back
 * into the photo, straight across the edge, is a structure that goes on (a sky's rows, a
 * horizon, the glow above it, a forest floor); one that runs a short way is a thing the frame
 * cut (a cup, a lamp), and far out it must give way to a blur of the whole edge.
 */
import { borderStats } from "./border-objects";
import { type FillLevel, keptLumaMean, lumaPlane } from "./fill-level";
import { eachNewPixel, nearestKept } from "./nearest-fill";

/** How far two luma values may differ and still be one structure running back from the edge. */
const RUN_TOLERANCE = 30;
/**
 * A run also goes on where the luma averaged over this share of the level's longer side (at
 * least a pixel each way) stays within RUN_TOLERANCE of the edge pixel's average: a texture
 * (grass, a forest floor, gravel) runs back as a region instead of stopping at its first bright
 * fleck. Measured pixel by pixel only, a forest's right third ran a few pixels and widened into
 * a green haze, and a hillside's grass beside a Left outpaint into a grey-blue one, like a lake.
 * On the benchmark's 48 outpaints: layout 15.623 → 15.597 dB, smeared blocks 33.8% → 32.7%,
 * spurious ones 6.7% → 6.4%, cases below the edge smear 9 → 9. The forest's right third gains
 * 0.75 dB, its trunks and undergrowth going on; the lakeside's loses 0.6 dB, a row of boats and
 * the gravel going on where the truth has the shore; a brick wall's rows carry further, and a
 * few more of its new bricks come out flat (−0.2 dB). The average alone, without the pixels'
 * own test, stopped a bright block's run a pixel short of its end and flattened the wall more.
 */
const RUN_SMOOTHING = 0.01;

/**
 * Per pixel of an outpaint's `level`, 0–1: how far its nearest photo pixel's colour carries out
 * to it. That colour's run back into the photo (luma within RUN_TOLERANCE, straight along the
 * line from the pixel through its nearest photo pixel) over the pixel's distance out, at most 1:
 * a colour carries as far out as it runs in. Kept pixels are 1; hole pixels with no photo pixel
 * are 0. `nearest` is the level's nearestKept map, when the caller already has it.
 */
export function runShares(
  level: FillLevel,
  nearest = nearestKept(level.hole, level.width, level.height),
): Float32Array {
  return measureRuns(level, nearest, false).share;
}

/**
 * What lies behind the things an outpaint's frame cut: a post standing at a Left outpaint's
 * edge runs a post's width back into the photo, and beyond that its new pixels had nothing to
 * carry but the edge's widening blur, sky and ground mixed into a grey band at the post's
 * height, which the search filled with a misty valley's flat grey copied down from the horizon:
 * a pale lake beside the hilltop sunset's post (41–45% of the new ground within 0.3 of the
 * photo's width of it grey haze at 800 px, seeds 0–2; 6–11% now, the dark hill and the stones
 * going on). Past the thing lies what the frame would have shown beside it.
 */
export interface Behind {
  /** per pixel of the level: its nearest photo pixel's run share (runShares) */
  share: Float32Array;
  /** per pixel: the photo pixel just past the run of its nearest one, where that run ends at a
   * thing's rim; −1 where it carries all the way or ends in a gradient */
  pixel: Int32Array;
  /** per pixel, 0–1: how far that pixel's own colour carries out to it, as runShares */
  behindShare: Float32Array;
}

/** How many pixels past a run's end the pixel behind it is read: clear of the thing's rim. */
const BEHIND_GAP = 2;
/**
 * A run ends at a thing's rim where luma steps by this much between two neighbouring pixels on
 * the way. A sky's gradient drifts out of RUN_TOLERANCE with no such step, and the sky further
 * down it is no backdrop: read from there, a dusk's new sky came out as light as its glow
 * (−0.9 dB on the benchmark's top third).
 */
const BEHIND_STEP = 15;

/** runShares, and what lies behind each run that ends at a thing the frame cut (Behind). */
export function runsAndBehind(
  level: FillLevel,
  nearest = nearestKept(level.hole, level.width, level.height),
): Behind {
  return measureRuns(level, nearest, true);
}

function measureRuns(level: FillLevel, nearest: Int32Array, withBehind: boolean): Behind {
  const { width, height, hole } = level;
  const share = new Float32Array(width * height);
  const pixel = new Int32Array(withBehind ? width * height : 0).fill(-1);
  const behindShare = new Float32Array(withBehind ? width * height : 0);
  for (let p = 0; p < hole.length; p++) if (hole[p] === 0) share[p] = 1;
  const smooth = keptLumaMean(
    level,
    Math.max(1, Math.round(RUN_SMOOTHING * Math.max(width, height))),
  );
  const border = withBehind ? borderStats(level) : null;
  // each pixel's luma once: the runs read it up to a few dozen times per new pixel
  const luma = lumaPlane(level, Float64Array);
  eachNewPixel(hole, width, nearest, (p, px, py, s, sx, sy) => {
    const d = Math.hypot(px - sx, py - sy);
    const ux = (sx - px) / d;
    const uy = (sy - py) / d;
    const run = inwardRun(level, luma, smooth, s, ux, uy, d);
    share[p] = Math.min(1, (run + 1) / d);
    if (!border || run + 1 >= d) return;
    const b = pastRim(level, luma, s, ux, uy, run + 1 + BEHIND_GAP);
    // Behind a backdrop stands the subject: past a white backdrop's run lies the black horse
    // standing on it, atypical of the edge, and carried out it turned 14% of a zoom-out's new
    // backdrop grey.
    if (b < 0 || Math.abs(luma[b]! - border.median) > border.tolerance) return;
    pixel[p] = b;
    behindShare[p] = Math.min(1, (inwardRun(level, luma, smooth, b, ux, uy, d) + 1) / d);
  });
  return { share, pixel, behindShare };
}

/**
 * The photo pixel `k` pixels from `s` along (ux, uy), if it is one and luma steps by
 * BEHIND_STEP somewhere on the way; otherwise −1.
 */
function pastRim(
  level: FillLevel,
  luma: Float64Array,
  s: number,
  ux: number,
  uy: number,
  k: number,
): number {
  const { width, height, hole } = level;
  const sx = s % width;
  const sy = (s - sx) / width;
  let steepest = 0;
  let last = luma[s]!;
  let q = s;
  for (let j = 1; j <= k; j++) {
    const x = Math.round(sx + ux * j);
    const y = Math.round(sy + uy * j);
    if (x < 0 || y < 0 || x >= width || y >= height) return -1;
    q = y * width + x;
    if (hole[q] !== 0) return -1;
    steepest = Math.max(steepest, Math.abs(luma[q]! - last));
    last = luma[q]!;
  }
  return steepest >= BEHIND_STEP ? q : -1;
}

/**
 * How many kept pixels from `s` along (ux, uy) keep `s`'s luma, or their mean luma (`smooth`)
 * `s`'s, within RUN_TOLERANCE, counted up to `enough` (a run that long already carries the
 * colour all the way).
 */
function inwardRun(
  level: FillLevel,
  luma: Float64Array,
  smooth: Float32Array,
  s: number,
  ux: number,
  uy: number,
  enough: number,
): number {
  const { width, height, hole } = level;
  const sx = s % width;
  const sy = (s - sx) / width;
  const own = luma[s]!;
  const mean = smooth[s]!;
  let run = 0;
  for (let k = 1; k < enough; k++) {
    const x = Math.round(sx + ux * k);
    const y = Math.round(sy + uy * k);
    if (x < 0 || y < 0 || x >= width || y >= height) return run;
    const q = y * width + x;
    if (hole[q] !== 0) return run;
    const alike =
      Math.abs(luma[q]! - own) <= RUN_TOLERANCE || Math.abs(smooth[q]! - mean) <= RUN_TOLERANCE;
    if (!alike) return run;
    run = k;
  }
  return run;
}
