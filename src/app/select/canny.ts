import type { Gradient } from "./sobel";

/** tan(22.5°): splits gradient directions into horizontal, vertical and the two diagonals. */
const TAN_22_5 = Math.SQRT2 - 1;

/**
 * Canny's edge map from a Sobel gradient, as OpenCV computes it (L1 magnitude, thinning to the
 * local maximum across the edge, hysteresis between `low` and `high`): 255 on edges, 0
 * elsewhere. Written here so the edge lasso needs no OpenCV.js, whose download and
 * compilation take seconds.
 */
export function cannyEdges(gradient: Gradient, low: number, high: number): Uint8Array {
  const { width, height, x: gx, y: gy } = gradient;
  const n = width * height;
  const magnitude = new Int32Array(n);
  for (let i = 0; i < n; i++) magnitude[i] = Math.abs(gx[i]!) + Math.abs(gy[i]!);

  // 2: a sure edge, 1: an edge if it touches a sure one.
  const kind = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const m = magnitude[i]!;
      if (m <= low) continue;
      const ax = Math.abs(gx[i]!);
      const ay = Math.abs(gy[i]!);
      let before: number;
      let after: number;
      if (ay < ax * TAN_22_5) {
        before = magnitude[i - 1]!;
        after = magnitude[i + 1]!;
      } else if (ay > ax * (TAN_22_5 + 2)) {
        before = magnitude[i - width]!;
        after = magnitude[i + width]!;
      } else {
        const s = gx[i]! < 0 !== gy[i]! < 0 ? -1 : 1;
        before = magnitude[i - width - s]!;
        after = magnitude[i + width + s]!;
      }
      if (!(m > before && m >= after)) continue;
      if (m > high) {
        kind[i] = 2;
        stack[top++] = i;
      } else kind[i] = 1;
    }
  }

  const edges = new Uint8Array(n);
  for (let k = 0; k < top; k++) edges[stack[k]!] = 255;
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % width;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const j = i + dy * width + dx;
        if (nx < 0 || nx >= width || j < 0 || j >= n) continue;
        if (kind[j] === 1 && edges[j] === 0) {
          edges[j] = 255;
          stack[top++] = j;
        }
      }
    }
  }
  return edges;
}
