import type { PixelBox } from "../editor/apply-mask-op";
import type { RgbaImage } from "./wand";

/** Working size for a region: scaled down to at most `maxPixels`, never up. */
export function workingSize(box: PixelBox, maxPixels: number) {
  const scale = Math.min(1, Math.sqrt(maxPixels / (box.width * box.height)));
  return {
    width: Math.max(1, Math.round(box.width * scale)),
    height: Math.max(1, Math.round(box.height * scale)),
  };
}

/**
 * Every `step`-th pixel of every `step`-th row, colours unchanged: a copy on which a flood fill
 * by colour gives the same kind of region as on the original, only coarser (an averaged copy
 * would invent in-between colours along every edge).
 */
export function sampleEvery(image: RgbaImage, step: number): RgbaImage {
  const width = Math.ceil(image.width / step);
  const height = Math.ceil(image.height / step);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * step * image.width;
    for (let x = 0; x < width; x++) {
      const from = (row + x * step) * 4;
      data.set(image.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/**
 * The region `box` of an RGBA image as packed RGB at `width`×`height`, each output pixel the
 * average of the source pixels it covers (nearest when enlarging), as OpenCV's CV_8UC3 wants.
 */
export function downscaleRgb(image: RgbaImage, box: PixelBox, width: number, height: number) {
  const out = new Uint8Array(width * height * 3);
  const fx = box.width / width;
  const fy = box.height / height;
  for (let y = 0; y < height; y++) {
    const sy0 = box.y + Math.floor(y * fy);
    const sy1 = Math.max(sy0 + 1, box.y + Math.floor((y + 1) * fy));
    for (let x = 0; x < width; x++) {
      const sx0 = box.x + Math.floor(x * fx);
      const sx1 = Math.max(sx0 + 1, box.x + Math.floor((x + 1) * fx));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = sy0; sy < sy1; sy++) {
        let p = (sy * image.width + sx0) * 4;
        for (let sx = sx0; sx < sx1; sx++, p += 4) {
          r += image.data[p]!;
          g += image.data[p + 1]!;
          b += image.data[p + 2]!;
        }
      }
      const n = (sy1 - sy0) * (sx1 - sx0);
      const o = (y * width + x) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return out;
}

export interface WorkingCut {
  /** 0/255 at the working size. */
  mask: Uint8Array;
  /** The working-size RGB the cut was made on. */
  rgb: Uint8Array;
  width: number;
  height: number;
}

/**
 * Brings a cut made on a downscaled copy back to the full-resolution region `box`. Pixels the
 * upsampled mask is sure about keep its answer; along the boundary (where the bilinear
 * upsample is neither 0 nor 1, and within `band` more working pixels of it) each
 * full-resolution pixel goes to whichever side's local mean colour it is closer to, so the
 * edge follows the image's own edge instead of the coarse grid. A band is for cuts whose
 * boundary may sit a working pixel off the edge, as a lasso path snapped beside it does.
 */
export function upsampleCut(
  image: RgbaImage,
  box: PixelBox,
  cut: WorkingCut,
  band = 0,
): Uint8Array {
  const { width: sw, height: sh } = cut;
  const near = nearBoundary(cut, band);
  const means = localMeans(cut, 2 + band, near);
  const out = new Uint8Array(box.width * box.height);
  const fx = sw / box.width;
  const fy = sh / box.height;
  for (let y = 0; y < box.height; y++) {
    const v = Math.min(sh - 1, Math.max(0, (y + 0.5) * fy - 0.5));
    const y0 = Math.floor(v);
    const y1 = Math.min(sh - 1, y0 + 1);
    const ty = v - y0;
    for (let x = 0; x < box.width; x++) {
      const u = Math.min(sw - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(u);
      const x1 = Math.min(sw - 1, x0 + 1);
      const tx = u - x0;
      const a = cut.mask[y0 * sw + x0]!;
      const b = cut.mask[y0 * sw + x1]!;
      const c = cut.mask[y1 * sw + x0]!;
      const d = cut.mask[y1 * sw + x1]!;
      const o = y * box.width + x;
      const nearest = Math.round(v) * sw + Math.round(u);
      if (a === b && b === c && c === d && !near[nearest]) {
        out[o] = a;
        continue;
      }
      const soft = (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
      const p = ((box.y + y) * image.width + box.x + x) * 4;
      const side = closerSide(image.data, p, means, nearest);
      out[o] = side === null ? (soft >= 127.5 ? 255 : 0) : side;
    }
  }
  return out;
}

interface LocalMeans {
  fg: Float32Array;
  bg: Float32Array;
  /** Pixel counts behind each mean; 0 means no such side nearby. */
  fgCount: Uint16Array;
  bgCount: Uint16Array;
}

/**
 * 1 for working pixels within `band` (Chebyshev distance) of the cut's boundary, i.e. of a
 * pixel whose 3×3 neighbourhood holds both sides; all 0 when `band` is 0.
 */
function nearBoundary(cut: WorkingCut, band: number): Uint8Array {
  const { width, height, mask } = cut;
  const near = new Uint8Array(width * height);
  if (band <= 0) return near;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = mask[y * width + x];
      const right = x + 1 < width ? mask[y * width + x + 1] : v;
      const below = y + 1 < height ? mask[(y + 1) * width + x] : v;
      if (v === right && v === below) continue;
      const radius = band + 1;
      for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++)
        near.fill(
          1,
          yy * width + Math.max(0, x - radius),
          yy * width + Math.min(width, x + radius + 1),
        );
    }
  }
  return near;
}

/**
 * Mean colour of the foreground and of the background within `radius` of each working pixel
 * on the boundary or marked in `near`.
 */
function localMeans(cut: WorkingCut, radius: number, near: Uint8Array): LocalMeans {
  const { width, height, mask, rgb } = cut;
  const n = width * height;
  const result: LocalMeans = {
    fg: new Float32Array(n * 3),
    bg: new Float32Array(n * 3),
    fgCount: new Uint16Array(n),
    bgCount: new Uint16Array(n),
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let fgSeen = near[i] === 1;
      let bgSeen = fgSeen;
      for (let dy = -1; dy <= 1 && !(fgSeen && bgSeen); dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const j = Math.min(height - 1, Math.max(0, y + dy)) * width;
          const v = mask[j + Math.min(width - 1, Math.max(0, x + dx))];
          if (v) fgSeen = true;
          else bgSeen = true;
        }
      }
      // Only boundary pixels are ever asked for, so only they pay for the window.
      if (!(fgSeen && bgSeen)) continue;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          const into = mask[j] ? result.fg : result.bg;
          for (let c = 0; c < 3; c++) into[i * 3 + c] = into[i * 3 + c]! + rgb[j * 3 + c]!;
          const counts = mask[j] ? result.fgCount : result.bgCount;
          counts[i] = counts[i]! + 1;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (const [sums, count] of [
      [result.fg, result.fgCount[i]!],
      [result.bg, result.bgCount[i]!],
    ] as const) {
      if (count === 0) continue;
      for (let c = 0; c < 3; c++) sums[i * 3 + c] = sums[i * 3 + c]! / count;
    }
  }
  return result;
}

function closerSide(
  data: Uint8Array | Uint8ClampedArray,
  p: number,
  means: LocalMeans,
  i: number,
): 0 | 255 | null {
  if (means.fgCount[i] === 0 || means.bgCount[i] === 0) return null;
  let toFg = 0;
  let toBg = 0;
  for (let c = 0; c < 3; c++) {
    const v = data[p + c]!;
    toFg += (v - means.fg[i * 3 + c]!) ** 2;
    toBg += (v - means.bg[i * 3 + c]!) ** 2;
  }
  return toFg <= toBg ? 255 : 0;
}
