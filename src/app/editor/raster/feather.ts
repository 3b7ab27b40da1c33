import type { MaskRaster } from "./paint-shapes";

/**
 * Softens the mask's edge by `radius` px for export: three box blurs approximate a Gaussian,
 * each pass a running sum so the cost does not depend on the radius.
 * Pixels far from an edge keep their exact 0 or 255.
 */
export function featherMask({ data, width, height }: MaskRaster, radius: number): Uint8Array {
  if (radius <= 0) return data.slice();
  const box = Math.max(1, Math.round(radius / 3));
  const a = Float32Array.from(data);
  const b = new Float32Array(data.length);
  for (let pass = 0; pass < 3; pass++) {
    blurRows(a, b, width, height, box);
    blurColumns(b, a, width, height, box);
  }
  const out = new Uint8Array(data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(a[i]!);
  return out;
}

function blurRows(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  r: number,
): void {
  const span = 2 * r + 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Edges clamp to the border pixel, so a mask touching the border stays solid there.
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[row + clamp(k, width)]!;
    for (let x = 0; x < width; x++) {
      dst[row + x] = sum / span;
      sum += src[row + clamp(x + r + 1, width)]! - src[row + clamp(x - r, width)]!;
    }
  }
}

function blurColumns(
  src: Float32Array,
  dst: Float32Array,
  width: number,
  height: number,
  r: number,
): void {
  const span = 2 * r + 1;
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += src[clamp(k, height) * width + x]!;
    for (let y = 0; y < height; y++) {
      dst[y * width + x] = sum / span;
      sum += src[clamp(y + r + 1, height) * width + x]! - src[clamp(y - r, height) * width + x]!;
    }
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
