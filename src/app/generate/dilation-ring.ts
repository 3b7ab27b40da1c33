import { growMask } from "../editor/raster/morphology";
import type { MaskRaster } from "../editor/raster/paint-shapes";
import type { Selection } from "../select/selection";

/**
 * What Remove's `dilate_pixels` adds to the mask: the pixels within `pixels` of the painted area
 * but outside it, in the painted area's box grown by `pixels` (clipped to the image), so a slider
 * move costs the box, not the whole image. Null when nothing is painted or nothing is added.
 * The proxy grows erase's mask with the same `growMask`, so the ring is what will be removed.
 */
export function dilationRing(mask: MaskRaster, pixels: number): Selection | null {
  const { data, width, height } = mask;
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] !== 255) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  }
  if (right < 0 || pixels <= 0) return null;
  const x0 = Math.max(0, left - pixels);
  const y0 = Math.max(0, top - pixels);
  const box = {
    x: x0,
    y: y0,
    width: Math.min(width, right + pixels + 1) - x0,
    height: Math.min(height, bottom + pixels + 1) - y0,
  };
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
