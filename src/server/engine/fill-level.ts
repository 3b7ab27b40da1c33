import type { Box } from "./mask-geometry";

/**
 * One level of the exemplar fill's pyramid: colour as floats (so repeated averaging does not
 * band) and the pixels still to be filled at this scale.
 */
export interface FillLevel {
  width: number;
  height: number;
  /** colour samples per pixel: 1 (grey) or 3 (RGB; alpha is never synthesised) */
  bands: number;
  /** interleaved colour; hole pixels hold the current estimate of the fill */
  colour: Float32Array;
  /** 1 = unknown at this level, to be filled */
  hole: Uint8Array;
  /** The layout guide, guideBands(bands) values per pixel; see layout-guide.ts. */
  guide?: Float32Array;
}

/** Cuts `box` out of the image as a level: colour bands as floats, the mask as the hole. */
export function cropLevel(
  pixels: Uint8Array,
  width: number,
  channels: 1 | 3 | 4,
  mask: Uint8Array,
  box: Box,
): FillLevel {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const bands = channels === 1 ? 1 : 3;
  const colour = new Float32Array(w * h * bands);
  const hole = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = (box.y0 + y) * width + box.x0 + x;
      const dst = y * w + x;
      hole[dst] = mask[src] === 0 ? 0 : 1;
      for (let c = 0; c < bands; c++) colour[dst * bands + c] = pixels[src * channels + c]!;
    }
  }
  return { width: w, height: h, bands, colour, hole };
}

/**
 * Halves a level (rounding up). A coarse pixel is a hole if any of its children is, so a coarse
 * patch that looks fully known really is; its colour averages the known children only, so the
 * undefined pixels under the mask never leak into the context.
 */
export function downsampleLevel(fine: FillLevel): FillLevel {
  const { bands } = fine;
  const width = Math.ceil(fine.width / 2);
  const height = Math.ceil(fine.height / 2);
  const colour = new Float32Array(width * height * bands);
  const hole = new Uint8Array(width * height);
  const sum = new Float64Array(bands);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      sum.fill(0);
      let known = 0;
      let anyHole = 0;
      for (let dy = 0; dy < 2; dy++) {
        const fy = 2 * y + dy;
        if (fy >= fine.height) continue;
        for (let dx = 0; dx < 2; dx++) {
          const fx = 2 * x + dx;
          if (fx >= fine.width) continue;
          const f = fy * fine.width + fx;
          if (fine.hole[f] !== 0) {
            anyHole = 1;
            continue;
          }
          known++;
          for (let c = 0; c < bands; c++) sum[c]! += fine.colour[f * bands + c]!;
        }
      }
      const i = y * width + x;
      hole[i] = anyHole;
      if (known > 0) for (let c = 0; c < bands; c++) colour[i * bands + c] = sum[c]! / known;
    }
  }
  return { width, height, bands, colour, hole };
}

/**
 * Seeds a fine level's hole from the filled coarser level (bilinear), the starting estimate
 * that the fine level's own patch votes then sharpen.
 */
export function upsampleHole(coarse: FillLevel, fine: FillLevel): void {
  upsampleBilinear(coarse, coarse.colour, fine, fine.colour, fine.bands, fine.hole);
}

/** Bilinear 2× upsampling of `from` into `to`, at every pixel or only where `only` is set. */
export function upsampleBilinear(
  coarse: FillLevel,
  from: Float32Array,
  fine: FillLevel,
  to: Float32Array,
  bands: number,
  only: Uint8Array | null,
): void {
  for (let y = 0; y < fine.height; y++) {
    const cy = Math.min(coarse.height - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
    const y0 = Math.floor(cy);
    const y1 = Math.min(coarse.height - 1, y0 + 1);
    const fy = cy - y0;
    for (let x = 0; x < fine.width; x++) {
      const i = y * fine.width + x;
      if (only && only[i] === 0) continue;
      const cx = Math.min(coarse.width - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
      const x0 = Math.floor(cx);
      const x1 = Math.min(coarse.width - 1, x0 + 1);
      const fx = cx - x0;
      const a = (y0 * coarse.width + x0) * bands;
      const b = (y0 * coarse.width + x1) * bands;
      const c = (y1 * coarse.width + x0) * bands;
      const d = (y1 * coarse.width + x1) * bands;
      for (let k = 0; k < bands; k++) {
        const top = from[a + k]! + (from[b + k]! - from[a + k]!) * fx;
        const bottom = from[c + k]! + (from[d + k]! - from[c + k]!) * fx;
        to[i * bands + k] = top + (bottom - top) * fy;
      }
    }
  }
}

/**
 * A per-cell value (`bands` per cell, cells `scale` pixels across on a `gw`×`gh` grid) at pixel
 * (x, y), bilinear between cell centres: smooth, so no cell edges show.
 */
export function sampleCells(
  values: Float32Array | Float64Array,
  bands: number,
  gw: number,
  gh: number,
  scale: number,
  x: number,
  y: number,
  c: number,
): number {
  const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
  const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  const x1 = Math.min(gw - 1, x0 + 1);
  const y1 = Math.min(gh - 1, y0 + 1);
  const fx = gx - x0;
  const fy = gy - y0;
  const v = (xx: number, yy: number) => values[(yy * gw + xx) * bands + c]!;
  const top = v(x0, y0) + (v(x1, y0) - v(x0, y0)) * fx;
  const bottom = v(x0, y1) + (v(x1, y1) - v(x0, y1)) * fx;
  return top + (bottom - top) * fy;
}
