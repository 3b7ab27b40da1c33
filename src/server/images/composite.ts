/**
 * Puts a provider's result into the original so that nothing outside the mask changes. Pure
 * functions on typed arrays (interleaved 8-bit pixels, one-byte 0/1 masks), tested in Node.
 */
import { chamfer34, maskBounds } from "../engine/mask-geometry";

export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Width of the soft seam inside the mask, and of the band outside it used to match colour. */
export const SEAM_PIXELS = 6;

/**
 * Chamfer (3-4) distance, in pixels, from every pixel to the nearest pixel whose mask value is
 * not `inside` (0 for pixels that are not `inside` themselves). Capped at `cap`. The image
 * border does not count.
 */
export function distanceToOther(
  mask: Uint8Array,
  width: number,
  height: number,
  inside: 0 | 1,
  cap: number,
): Float32Array {
  const far = (cap + 1) * 3;
  const d = new Float32Array(width * height);
  for (let i = 0; i < d.length; i++) d[i] = (mask[i] === 0 ? 0 : 1) === inside ? far : 0;
  chamfer34(d, width, height);
  for (let i = 0; i < d.length; i++) d[i] = Math.min(cap + 1, d[i]! / 3);
  return d;
}

/**
 * The part of the image that compositing touches: the mask's bounding box grown by `margin`
 * (clamped to the image), and the mask cut to it. Outside it every pixel is kept and none is
 * close enough to the mask to measure drift, so a small hole in a 20 MP photo costs little.
 */
interface MaskWindow {
  x0: number;
  y0: number;
  width: number;
  height: number;
  mask: Uint8Array;
}

function maskWindow(
  mask: Uint8Array,
  width: number,
  height: number,
  margin: number,
): MaskWindow | null {
  const bounds = maskBounds(mask, width, height);
  if (!bounds) return null;
  const x0 = Math.max(0, bounds.x0 - margin);
  const y0 = Math.max(0, bounds.y0 - margin);
  const x1 = Math.min(width - 1, bounds.x1 - 1 + margin);
  const y1 = Math.min(height - 1, bounds.y1 - 1 + margin);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const cut = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const from = (y0 + y) * width + x0;
    cut.set(mask.subarray(from, from + w), y * w);
  }
  return { x0, y0, width: w, height: h, mask: cut };
}

/**
 * The provider's colour drift, per channel: the median of (original − result) over the kept
 * pixels 3 to `band` + 2 px from the mask, where both images show the same scene. Diffusion
 * providers re-render the whole frame and shift its tone a little; adding this to their pixels
 * makes the fill meet the untouched original without a visible step. The 2 px next to the mask
 * are skipped and the median taken because a result resized to the input's size bleeds its new
 * content a pixel or two across the mask's edge.
 */
export function seamColourOffset(
  original: Pixels,
  result: Pixels,
  mask: Uint8Array,
  band = SEAM_PIXELS,
): number[] {
  const window = maskWindow(mask, original.width, original.height, band + 3);
  return window ? offsetIn(window, original, result, band) : new Array(original.channels).fill(0);
}

function offsetIn(window: MaskWindow, original: Pixels, result: Pixels, band: number): number[] {
  const outside = distanceToOther(window.mask, window.width, window.height, 0, band + 2);
  const { channels } = original;
  // One histogram of differences (−255…255) per channel: a median in linear time.
  const histograms = Array.from({ length: channels }, () => new Uint32Array(511));
  let count = 0;
  for (let y = 0; y < window.height; y++) {
    for (let x = 0; x < window.width; x++) {
      const w = y * window.width + x;
      const d = outside[w]!;
      if (window.mask[w] !== 0 || d < 3 || d > band + 2) continue;
      const i = (window.y0 + y) * original.width + window.x0 + x;
      for (let c = 0; c < channels; c++) {
        const k = i * channels + c;
        histograms[c]![original.data[k]! - result.data[k]! + 255]! += 1;
      }
      count += 1;
    }
  }
  return histograms.map((histogram) => {
    if (count === 0) return 0;
    let seen = 0;
    for (let v = 0; v < histogram.length; v++) {
      seen += histogram[v]!;
      if (seen * 2 >= count) return v - 255;
    }
    return 0;
  });
}

/**
 * The original with the result inside the mask: outside it every byte is the original's; inside,
 * the result (colour-matched by the seam band's offset) fades in over `seam` pixels from the
 * mask's edge, so the join is soft and lies wholly inside the mask. Both images must have the
 * same size and channel count (resize the result first).
 */
export function compositeInto(
  original: Pixels,
  result: Pixels,
  mask: Uint8Array,
  seam = SEAM_PIXELS,
): Uint8Array {
  const { width, height, channels } = original;
  if (result.width !== width || result.height !== height || result.channels !== channels) {
    throw new Error("compositeInto: the result must be resized to the original first");
  }
  const out = original.data.slice();
  const window = maskWindow(mask, width, height, seam + 3);
  if (!window) return out;
  const offset = offsetIn(window, original, result, seam);
  const inside = distanceToOther(window.mask, window.width, window.height, 1, seam);
  for (let y = 0; y < window.height; y++) {
    for (let x = 0; x < window.width; x++) {
      const w = y * window.width + x;
      if (window.mask[w] === 0) continue;
      const weight = Math.min(1, inside[w]! / seam);
      const i = (window.y0 + y) * width + window.x0 + x;
      for (let c = 0; c < channels; c++) {
        const k = i * channels + c;
        const matched = result.data[k]! + offset[c]!;
        out[k] = Math.round(original.data[k]! * (1 - weight) + matched * weight);
      }
    }
  }
  return out;
}
