import { maskCoversEverything } from "../../mask-coverage";
import { featherMask } from "../editor/raster/feather";
import { farthestFromMask } from "../editor/raster/morphology";
import type { OutpaintFrame } from "../outpaint/outpaint-geometry";
import { mergePaintedMask, outpaintMask } from "../outpaint/outpaint-raster";

/** The painted mask at the image's size (0/255), or null when nothing is painted. */
export interface PaintedMask {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface MaskPlan {
  painted: PaintedMask | null;
  /** Set when outpainting: the canvas the mask covers, and how far it reaches into the image. */
  outpaint: { frame: OutpaintFrame; overlap: number } | null;
  featherPx: number;
}

export interface ComposedMask {
  /** The mask as sent, feathered when asked (0–255). */
  sent: Uint8Array;
  /** The same mask before feathering (0/255), for the comparison's outline. */
  hard: Uint8Array;
  width: number;
  height: number;
}

/**
 * The mask a request sends, for the painted and the outpaint path alike: the painted mask, or
 * the outpaint mask with any painted mask carried into the frame; then feathered, in both
 * paths. A mask that leaves nothing to fill from is refused here, before anything is sent.
 */
export function composeMask(plan: MaskPlan): ComposedMask {
  const { painted, outpaint, featherPx } = plan;
  let hard: Uint8Array;
  let width: number;
  let height: number;
  if (outpaint) {
    ({ width, height } = outpaint.frame);
    hard = outpaintMask(outpaint.frame, outpaint.overlap);
    if (painted?.data.some((value) => value > 0)) {
      hard = mergePaintedMask(hard, outpaint.frame, painted.data, painted);
    }
  } else if (painted) {
    ({ width, height, data: hard } = painted);
  } else {
    throw new Error("Paint the area to repaint, or pick an outpaint preset, first.");
  }
  const refusal = coverageRefusal({ data: hard, width, height }, 0);
  // The frame's mask alone always keeps a pixel of the photo: it is the painted mask with it.
  if (refusal && outpaint) {
    throw new Error(
      `Cannot generate: the "Seam overlap" (${Math.round(outpaint.overlap)} px) and the mask painted in Edit together cover the whole photo, so there is nothing to fill from. Lower the overlap or erase part of the mask.`,
    );
  }
  if (refusal) throw new Error(refusal);
  const sent = featherPx > 0 ? featherMask({ data: hard, width, height }, featherPx) : hard;
  return { sent, hard, width, height };
}

/**
 * Why a mask leaves nothing to fill from, or null when it does not. `growPx` is how far the
 * request grows it first (Remove's "Grow the area removed"): on a small image that growth alone
 * can reach every pixel, and then the sentence names the setting to lower, not the painting.
 */
export function coverageRefusal(mask: PaintedMask, growPx: number): string | null {
  if (maskCoversEverything(mask.data)) {
    return "Cannot generate: the mask covers the whole image, so there is nothing to fill from. Leave part of it unpainted.";
  }
  if (growPx <= 0 || !reachesEveryEdge(mask, growPx) || !squareGrowthCovers(mask, growPx)) {
    return null;
  }
  const farthest = farthestFromMask(mask);
  if (growPx < farthest) return null;
  const most = Math.ceil(farthest) - 1;
  return `Cannot generate: "Grow the area removed" (${growPx} px) makes the mask cover the whole image, so there is nothing to fill from. Lower it to ${most} px or less.`;
}

/**
 * Whether every edge of the image has a painted pixel within `px` of it: unless so, growth cannot
 * reach that edge. It reads only the four bands along the edges, so most masks stop here.
 */
function reachesEveryEdge({ data, width, height }: PaintedMask, px: number): boolean {
  const band = Math.min(px + 1, width, height);
  const painted = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) if (data[y * width + x]) return true;
    return false;
  };
  return (
    painted(0, 0, width, band) &&
    painted(0, height - band, width, height) &&
    painted(0, 0, band, height) &&
    painted(width - band, 0, width, height)
  );
}

/**
 * Whether growing by `px` could reach every pixel, judged by a square of side 2·px+1 around
 * each painted pixel (which holds the round growth): two linear passes, so the exact distance
 * transform (seconds on a 12 MP image, on the main thread) runs only when this says yes.
 */
function squareGrowthCovers({ data, width, height }: PaintedMask, px: number): boolean {
  const near = new Uint8Array(data.length);
  const row = new Int32Array(width);
  for (let y = 0; y < height; y++) {
    const at = y * width;
    nearestAlong(data, at, 1, width, row);
    for (let x = 0; x < width; x++) near[at + x] = row[x]! <= px ? 255 : 0;
  }
  const column = new Int32Array(height);
  for (let x = 0; x < width; x++) {
    nearestAlong(near, x, width, height, column);
    for (let y = 0; y < height; y++) if (column[y]! > px) return false;
  }
  return true;
}

/** Distance along one line (`count` cells from `start`, `step` apart) to its nearest non-zero cell. */
function nearestAlong(
  data: Uint8Array,
  start: number,
  step: number,
  count: number,
  out: Int32Array,
): void {
  let d = count + 1;
  for (let i = 0; i < count; i++) {
    d = data[start + i * step] === 0 ? d + 1 : 0;
    out[i] = d;
  }
  d = count + 1;
  for (let i = count - 1; i >= 0; i--) {
    d = data[start + i * step] === 0 ? d + 1 : 0;
    if (d < out[i]!) out[i] = d;
  }
}
