import { growMask } from "../editor/raster/morphology";
import type { MaskRaster } from "../editor/raster/paint-shapes";
import { maskBounds } from "../select/composite";
import type { Selection } from "../select/selection";

/**
 * What Remove's `dilate_pixels` adds to the mask: the pixels within `pixels` of the painted area
 * but outside it, in the painted area's box grown by `pixels` (clipped to the image), so a slider
 * move costs the box, not the whole image. Null when nothing is painted or nothing is added.
 * The proxy grows erase's mask with the same `growMask`, so the ring is what will be removed.
 */
export function dilationRing(mask: MaskRaster, pixels: number): Selection | null {
  const { data, width, height } = mask;
  if (pixels <= 0) return null;
  const box = maskBounds(data, width, height, pixels);
  // An empty mask has an empty box (or one where growing adds nothing: null below).
  if (box.width <= 0 || box.height <= 0) return null;
  const crop = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (y + box.y) * width + box.x;
    crop.set(data.subarray(from, from + box.width), y * box.width);
  }
  const grown = growMask({ data: crop, width: box.width, height: box.height }, pixels);
  let added = 0;
  for (let i = 0; i < grown.length; i++) {
    grown[i] = grown[i] === 255 && crop[i] !== 255 ? 255 : 0;
    if (grown[i]) added++;
  }
  return added > 0 ? { box, data: grown } : null;
}

/** How many pixels a ring adds (what the stage reports for tests and the slider's hint). */
export const ringPixels = (ring: Selection | null) =>
  ring ? ring.data.reduce((sum, v) => sum + (v ? 1 : 0), 0) : 0;
