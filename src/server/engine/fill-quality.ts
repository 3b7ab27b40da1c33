/**
 * How good a fill is against the truth it replaced, for the benchmark and the tests: PSNR and
 * SSIM inside the hole, and a sharpness ratio (mean gradient magnitude inside the hole ÷ the
 * ring of kept pixels around it), which is what tells a textured fill from a smeared one.
 * Images are interleaved 8-bit RGB or grey; measures work on luma.
 */
import { distanceToUnmasked } from "./mask-geometry";

export function luma(pixels: Uint8Array, channels: number): Float32Array {
  const n = pixels.length / channels;
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    y[i] =
      channels < 3
        ? pixels[p]!
        : 0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!;
  }
  return y;
}

/** PSNR in dB over the colour samples of masked pixels (alpha ignored). */
export function psnrInMask(
  a: Uint8Array,
  b: Uint8Array,
  channels: number,
  mask: Uint8Array,
): number {
  const colour = channels === 4 ? 3 : channels;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    for (let c = 0; c < colour; c++) {
      const e = a[i * channels + c]! - b[i * channels + c]!;
      sum += e * e;
    }
    count += colour;
  }
  if (count === 0 || sum === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10((255 * 255) / (sum / count));
}

/** Mean SSIM (Wang et al. 2004, 7×7 box windows on luma) over the masked pixels. */
export function ssimInMask(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  height: number,
  channels: number,
  mask: Uint8Array,
): number {
  const ya = luma(a, channels);
  const yb = luma(b, channels);
  const R = 3;
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let total = 0;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue;
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      let n = 0;
      for (let dy = -R; dy <= R; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -R; dx <= R; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const va = ya[yy * width + xx]!;
          const vb = yb[yy * width + xx]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
          n++;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      count++;
    }
  }
  return count === 0 ? 1 : total / count;
}

/**
 * Mean gradient magnitude of luma inside the hole ÷ in the ring of kept pixels within
 * `ringWidth` of it. 1.0 means the fill is as busy as its surroundings; diffusion fills score
 * far lower. Gradients are central differences and never straddle the hole's edge, so a seam
 * neither helps nor hurts the score.
 */
export function sharpnessRatio(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  mask: Uint8Array,
  ringWidth = 16,
): number {
  const y = luma(pixels, channels);
  const inverse = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) inverse[i] = mask[i] === 0 ? 1 : 0;
  const outside = distanceToUnmasked(inverse, width, height);
  let hole = 0;
  let holeCount = 0;
  let ring = 0;
  let ringCount = 0;
  for (let yy = 1; yy < height - 1; yy++) {
    for (let x = 1; x < width - 1; x++) {
      const i = yy * width + x;
      const inHole = mask[i] !== 0;
      if (!inHole && outside[i]! > ringWidth) continue;
      const same = (j: number) => (mask[j] !== 0) === inHole;
      if (!same(i - 1) || !same(i + 1) || !same(i - width) || !same(i + width)) continue;
      const gx = (y[i + 1]! - y[i - 1]!) / 2;
      const gy = (y[i + width]! - y[i - width]!) / 2;
      const g = Math.sqrt(gx * gx + gy * gy);
      if (inHole) {
        hole += g;
        holeCount++;
      } else {
        ring += g;
        ringCount++;
      }
    }
  }
  if (holeCount === 0 || ringCount === 0 || ring === 0) return 1;
  return hole / holeCount / (ring / ringCount);
}
