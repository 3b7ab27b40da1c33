import sharp from "sharp";
import type { FillTask } from "../engine/fill-task";
import type { ExpandJob } from "./provider";

export interface Sides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A 0/1 mask of a `width`×`height` canvas: 1 outside the original image's rectangle. */
export function expandMask(width: number, height: number, sides: Sides): Uint8Array {
  const mask = new Uint8Array(width * height).fill(1);
  for (let y = sides.top; y < height - sides.bottom; y++) {
    mask.fill(0, y * width + sides.left, y * width + (width - sides.right));
  }
  return mask;
}

/**
 * Outpainting for the local engine: the canvas grows by the requested sides, the new area starts
 * as a copy of the nearest edge pixels (so the fill never starts from black) and is masked for
 * the engine to fill.
 */
export async function decodeExpandTask(job: ExpandJob): Promise<FillTask> {
  const sides: Sides = {
    top: job.request.top,
    bottom: job.request.bottom,
    left: job.request.left,
    right: job.request.right,
  };
  const decoded = await sharp(job.image.bytes)
    .toColourspace("srgb")
    .flatten({ background: "#ffffff" })
    .extend({ ...sides, extendWith: "copy" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = decoded.info;
  return {
    pixels: new Uint8Array(
      decoded.data.buffer,
      decoded.data.byteOffset,
      decoded.data.length,
    ).slice(),
    width,
    height,
    channels: decoded.info.channels as 3,
    mask: expandMask(width, height, sides),
  };
}
