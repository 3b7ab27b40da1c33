import { maskCoversEverything } from "../../mask-coverage";
import { featherMask } from "../editor/raster/feather";
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
  if (maskCoversEverything(hard)) {
    throw new Error(
      "Cannot generate: the mask covers the whole image, so there is nothing to fill from. Leave part of it unpainted.",
    );
  }
  const sent = featherPx > 0 ? featherMask({ data: hard, width, height }, featherPx) : hard;
  return { sent, hard, width, height };
}
