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
  if (growPx <= 0 || !bordersWithin(mask, growPx)) return null;
  const farthest = farthestFromMask(mask);
  if (growPx < farthest) return null;
  const most = Math.ceil(farthest) - 1;
  return `Cannot generate: "Grow the area removed" (${growPx} px) makes the mask cover the whole image, so there is nothing to fill from. Lower it to ${most} px or less.`;
}

/**
 * Whether every edge of the image lies within `px` of the painted area's bounding box: unless so,
 * growth cannot reach that edge, and the costly distance transform is not needed.
 */
function bordersWithin({ data, width, height }: PaintedMask, px: number): boolean {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] === 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  if (right < 0) return false;
  return left <= px && top <= px && width - 1 - right <= px && height - 1 - bottom <= px;
}
