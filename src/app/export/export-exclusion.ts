import { encodeGrayPng } from "../lib/encode-gray-png";
import type { OutpaintFrame } from "../outpaint/outpaint-geometry";
import { mergePaintedMask } from "../outpaint/outpaint-raster";
import type { PaintedMask } from "./export-mask";

/**
 * The area not to copy from in the geometry of the image a request sends: the image's own size,
 * or, when the padded canvas is sent (an outpaint through the fill endpoint), placed where the
 * photo sits on the frame, with nothing excluded in the new area around it.
 */
export function exclusionForRequest(
  exclusion: PaintedMask,
  paddedFrame: OutpaintFrame | null,
): PaintedMask {
  if (!paddedFrame) return exclusion;
  const { width, height } = paddedFrame;
  const empty = new Uint8Array(width * height);
  return { data: mergePaintedMask(empty, paddedFrame, exclusion.data, exclusion), width, height };
}

/** The same as the grey PNG the proxy takes (`EXCLUDE_MASK_FIELD`): white = don't copy. */
export function exclusionPng(exclusion: PaintedMask, paddedFrame: OutpaintFrame | null) {
  const placed = exclusionForRequest(exclusion, paddedFrame);
  return encodeGrayPng(placed.data, placed.width, placed.height);
}
