/**
 * Puts a provider's result into the original so that nothing outside the mask changes. Pure
 * functions on typed arrays (interleaved 8-bit pixels, one-byte 0/1 masks), tested in Node.
 */

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
 * not `inside` (0 for pixels that are not `inside` themselves). Capped at `cap`, so two raster
 * passes over the image stay cheap on 20 MP canvases. The image border does not count.
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
  const relax = (i: number, j: number, cost: number) => {
    const through = d[j]! + cost;
    if (through < d[i]!) d[i] = through;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      if (x > 0) relax(i, i - 1, 3);
      if (y > 0) {
        relax(i, i - width, 3);
        if (x > 0) relax(i, i - width - 1, 4);
        if (x < width - 1) relax(i, i - width + 1, 4);
      }
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      if (d[i] === 0) continue;
      if (x < width - 1) relax(i, i + 1, 3);
      if (y < height - 1) {
        relax(i, i + width, 3);
        if (x < width - 1) relax(i, i + width + 1, 4);
        if (x > 0) relax(i, i + width - 1, 4);
      }
    }
  }
  for (let i = 0; i < d.length; i++) d[i] = Math.min(cap + 1, d[i]! / 3);
  return d;
}

/**
 * The provider's colour drift, per channel: the median of (original − result) over the kept
 * pixels 3 to `band` px from the mask, where both images show the same scene. Diffusion
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
  const outside = distanceToOther(mask, original.width, original.height, 0, band + 2);
  const { channels } = original;
  // One histogram of differences (−255…255) per channel: a median in linear time.
  const histograms = Array.from({ length: channels }, () => new Uint32Array(511));
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    const d = outside[i]!;
    if (mask[i] !== 0 || d < 3 || d > band + 2) continue;
    for (let c = 0; c < channels; c++) {
      const k = i * channels + c;
      histograms[c]![original.data[k]! - result.data[k]! + 255]! += 1;
    }
    count += 1;
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
  const offset = seamColourOffset(original, result, mask, seam);
  const inside = distanceToOther(mask, width, height, 1, seam);
  const out = original.data.slice();
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const weight = Math.min(1, inside[i]! / seam);
    for (let c = 0; c < channels; c++) {
      const k = i * channels + c;
      const matched = result.data[k]! + offset[c]!;
      out[k] = Math.round(original.data[k]! * (1 - weight) + matched * weight);
    }
  }
  return out;
}
