import { weightedBoxMean } from "../../box-blur";
import { type Box, keptPixels } from "./mask-geometry";
import type { SourceDetail } from "./source-detail";

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
  /**
   * An outpaint's trust in its unguided fill, per pixel, 0–1 (outpaint-trust.ts): it lowers the
   * guide's weight in the search (patchCost) and, where absent, holds the vote to the guide
   * (votePatches). Absent on other fills: the guide counts in full and votes are free.
   */
  trust?: Float32Array;
  /**
   * An outpaint's sources' full-resolution detail and its targets' expected detail
   * (source-detail.ts): where trust is low, a source busier than expected costs more
   * (patchCost). Set on the levels that search.
   */
  detail?: SourceDetail;
  /**
   * An outpaint's locality (patchCost): each target's nearest photo pixel, and how far from it
   * a source may lie before it costs more. Set on the levels that search.
   */
  locality?: Locality;
}

export interface Locality {
  /** per pixel: its nearest kept pixel (nearestKept) */
  nearest: Int32Array;
  /** pixels */
  reach: number;
}

/** Pixel `p`'s luma (Rec. 601 weights; a grey level is its own). */
export function levelLuma(level: Pick<FillLevel, "colour" | "bands">, p: number): number {
  const { colour, bands } = level;
  if (bands === 1) return colour[p]!;
  return 0.299 * colour[p * 3]! + 0.587 * colour[p * 3 + 1]! + 0.114 * colour[p * 3 + 2]!;
}

/**
 * Row `y`'s luma into `out`, in double precision: the values levelLuma returns, for a pass that
 * reads each pixel's several times without holding a plane of them (8 bytes a pixel on a
 * 20 MP canvas).
 */
export function lumaRow(
  level: Pick<FillLevel, "width" | "colour" | "bands">,
  y: number,
  out: Float64Array,
): void {
  const start = y * level.width;
  for (let x = 0; x < level.width; x++) out[x] = levelLuma(level, start + x);
}

type LumaLevel = Pick<FillLevel, "width" | "height" | "colour" | "bands">;

/**
 * Every pixel's luma, as one plane: single precision, or, given Float64Array, exactly the values
 * levelLuma returns.
 */
export function lumaPlane(level: LumaLevel): Float32Array;
export function lumaPlane<T extends Float32Array | Float64Array>(
  level: LumaLevel,
  Kind: new (length: number) => T,
): T;
export function lumaPlane(
  level: LumaLevel,
  Kind: new (length: number) => Float32Array | Float64Array = Float32Array,
): Float32Array | Float64Array {
  const out = new Kind(level.width * level.height);
  for (let p = 0; p < out.length; p++) out[p] = levelLuma(level, p);
  return out;
}

/** Each pixel's mean luma over the kept pixels of the (2·radius+1)² square around it. */
export function keptLumaMean(
  level: Pick<FillLevel, "width" | "height" | "colour" | "bands" | "hole">,
  radius: number,
): Float32Array {
  const { width, height, hole } = level;
  return weightedBoxMean(lumaPlane(level), keptPixels(hole), width, height, radius);
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
    const rowStart = (box.y0 + y) * width + box.x0;
    for (let x = 0; x < w; x++) hole[y * w + x] = mask[rowStart + x] === 0 ? 0 : 1;
    let src = rowStart * channels;
    let dst = y * w * bands;
    if (bands === 1) {
      for (let x = 0; x < w; x++, src += channels) colour[dst++] = pixels[src]!;
    } else {
      for (let x = 0; x < w; x++, src += channels) {
        colour[dst++] = pixels[src]!;
        colour[dst++] = pixels[src + 1]!;
        colour[dst++] = pixels[src + 2]!;
      }
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
 * Where each pixel of a `width`×`height` image falls between the centres of cells `scale` pixels
 * across on a `gw`×`gh` grid: the two neighbouring cells and the weight of the second, per
 * column and per row. Computed once per pass, so sampling per pixel is a few reads.
 */
export interface CellAxes {
  gw: number;
  x0: Int32Array;
  x1: Int32Array;
  fx: Float32Array;
  y0: Int32Array;
  y1: Int32Array;
  fy: Float32Array;
}

export function cellAxes(
  gw: number,
  gh: number,
  scale: number,
  width: number,
  height: number,
): CellAxes {
  const axis = (n: number, cells: number) => {
    const i0 = new Int32Array(n);
    const i1 = new Int32Array(n);
    const f = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const g = Math.min(cells - 1, Math.max(0, (i + 0.5) / scale - 0.5));
      i0[i] = Math.floor(g);
      i1[i] = Math.min(cells - 1, i0[i]! + 1);
      f[i] = g - i0[i]!;
    }
    return { i0, i1, f };
  };
  const xs = axis(width, gw);
  const ys = axis(height, gh);
  return { gw, x0: xs.i0, x1: xs.i1, fx: xs.f, y0: ys.i0, y1: ys.i1, fy: ys.f };
}

/**
 * A per-cell value (`bands` per cell) at pixel (x, y), bilinear between cell centres: smooth,
 * so no cell edges show.
 */
export function sampleCells(
  values: Float32Array | Float64Array,
  bands: number,
  axes: CellAxes,
  x: number,
  y: number,
  c: number,
): number {
  const { gw } = axes;
  const fx = axes.fx[x]!;
  const fy = axes.fy[y]!;
  const r0 = axes.y0[y]! * gw;
  const r1 = axes.y1[y]! * gw;
  const c0 = axes.x0[x]!;
  const c1 = axes.x1[x]!;
  const a = values[(r0 + c0) * bands + c]!;
  const b = values[(r0 + c1) * bands + c]!;
  const d = values[(r1 + c0) * bands + c]!;
  const e = values[(r1 + c1) * bands + c]!;
  const top = a + (b - a) * fx;
  const bottom = d + (e - d) * fx;
  return top + (bottom - top) * fy;
}

/**
 * `level` averaged over `cell`×`cell` blocks, fill included (downsampleLevel averages kept
 * pixels only): the fill's own low frequencies. A block is kept only when all of its pixels
 * are, so a nearest fill on it continues the photo's own colours.
 */
export function shrinkLevel(level: FillLevel, cell: number): FillLevel {
  if (cell === 1) return { ...level, colour: level.colour.slice() };
  const { width, height, bands } = level;
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const colour = new Float32Array(gw * gh * bands);
  const hole = new Uint8Array(gw * gh);
  // each column's cell, looked up once: this runs over every pixel of a 12 MP outpaint
  const column = new Int32Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.floor(x / cell);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / cell) * gw;
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const g = row + column[x]!;
      if (level.hole[p] !== 0) hole[g] = 1;
      for (let c = 0; c < bands; c++) colour[g * bands + c]! += level.colour[p * bands + c]!;
    }
  }
  for (let gy = 0; gy < gh; gy++) {
    const rows = Math.min(cell, height - gy * cell);
    for (let gx = 0; gx < gw; gx++) {
      const count = rows * Math.min(cell, width - gx * cell);
      const g = gy * gw + gx;
      for (let c = 0; c < bands; c++) colour[g * bands + c]! /= count;
    }
  }
  return { width: gw, height: gh, bands, colour, hole };
}

/** How many pixels of `level` are still to be filled. */
export function holePixels(level: Pick<FillLevel, "hole">): number {
  let n = 0;
  for (let i = 0; i < level.hole.length; i++) n += level.hole[i]!;
  return n;
}

/** Per cell, the standard deviation of the `count` values summed into `sum` and `sumSq` (0 for none). */
export function cellDeviations(
  count: ArrayLike<number>,
  sum: ArrayLike<number>,
  sumSq: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(count.length);
  for (let i = 0; i < count.length; i++) {
    const n = count[i]!;
    if (n === 0) continue;
    const mean = sum[i]! / n;
    out[i] = Math.sqrt(Math.max(0, sumSq[i]! / n - mean * mean));
  }
  return out;
}
