/**
 * What the benchmark measures inside the filled area, chosen to agree with the eye:
 * - layout: PSNR of the 8×8 block means (area downsampling to 1/8), so colour and large structure
 *   count and fine texture does not; a sharp fill in the wrong place loses, a smear in the right
 *   colours does not win by blurring;
 * - texture: mean gradient magnitude of the fill ÷ the truth's over the same pixels (1 = as
 *   textured as reality; above ~1.5 is noise, below ~0.5 a smear).
 * Images are interleaved 8-bit RGB; the mask is 1 where filled.
 */
import { luma } from "../src/server/engine/fill-quality";

const BLOCK = 8;

/** PSNR in dB between the 1/8-scale (area) versions of `a` and `b`, over the filled area only. */
export function layoutPsnr(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const sums = new Float64Array(bw * bh * 7); // count, then a's RGB sums, then b's
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK) * bw;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (mask[p] === 0) continue;
      const s = (row + Math.floor(x / BLOCK)) * 7;
      sums[s]!++;
      for (let c = 0; c < 3; c++) {
        sums[s + 1 + c]! += a[p * 3 + c]!;
        sums[s + 4 + c]! += b[p * 3 + c]!;
      }
    }
  }
  let error = 0;
  let weight = 0;
  for (let s = 0; s < sums.length; s += 7) {
    const n = sums[s]!;
    if (n === 0) continue;
    for (let c = 0; c < 3; c++) {
      const e = (sums[s + 1 + c]! - sums[s + 4 + c]!) / n;
      error += n * e * e;
    }
    weight += 3 * n;
  }
  if (weight === 0 || error === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10((255 * 255) / (error / weight));
}

/** Mean luma gradient magnitude of `fill` ÷ of `truth`, over pixels whose 4 neighbours are filled too. */
export function textureRatio(
  fill: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  const yf = luma(fill, 3);
  const yt = luma(truth, 3);
  let gf = 0;
  let gt = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (mask[i] === 0 || mask[i - 1] === 0 || mask[i + 1] === 0) continue;
      if (mask[i - width] === 0 || mask[i + width] === 0) continue;
      gf += Math.hypot(yf[i + 1]! - yf[i - 1]!, yf[i + width]! - yf[i - width]!);
      gt += Math.hypot(yt[i + 1]! - yt[i - 1]!, yt[i + width]! - yt[i - width]!);
    }
  }
  return gt === 0 ? 1 : gf / gt;
}

export interface Figures {
  layoutDb: number;
  texture: number;
}

export function figures(
  result: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): Figures {
  return {
    layoutDb: Math.round(layoutPsnr(result, truth, width, height, mask) * 100) / 100,
    texture: Math.round(textureRatio(result, truth, width, height, mask) * 1000) / 1000,
  };
}
