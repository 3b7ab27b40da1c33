import type { PixelBox } from "../editor/apply-mask-op";
import type { Selection } from "./selection";

export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface WandOptions {
  /** Largest per-channel difference from the clicked colour that still counts as similar. */
  tolerance: number;
  /** Only the region connected to the click (4-neighbours), or every similar pixel. */
  contiguous: boolean;
}

/**
 * The magic wand: pixels whose colour is within `tolerance` of the clicked pixel's on every
 * channel. Contiguous selection is a scanline flood fill, so a 12 MP image costs one pass over
 * the region, not a queue entry per pixel. `scratch` (width×height bytes) may be passed in to
 * spare a large allocation per hover.
 */
export function magicWand(
  image: RgbaImage,
  at: { x: number; y: number },
  options: WandOptions,
  scratch?: Uint8Array,
): Selection | null {
  const { data, width, height } = image;
  const sx = Math.floor(at.x);
  const sy = Math.floor(at.y);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return null;
  const seed = (sy * width + sx) * 4;
  const r = data[seed]!;
  const g = data[seed + 1]!;
  const b = data[seed + 2]!;
  const tol = Math.max(0, options.tolerance);
  const similar = (i: number) => {
    const p = i * 4;
    return (
      Math.abs(data[p]! - r) <= tol &&
      Math.abs(data[p + 1]! - g) <= tol &&
      Math.abs(data[p + 2]! - b) <= tol
    );
  };
  const mask =
    scratch && scratch.length === width * height ? scratch : new Uint8Array(width * height);
  mask.fill(0);
  const bounds = { x0: sx, y0: sy, x1: sx, y1: sy };
  if (!options.contiguous) {
    for (let y = 0; y < height; y++) {
      for (let x = 0, i = y * width; x < width; x++, i++) {
        if (!similar(i)) continue;
        mask[i] = 255;
        grow(bounds, x, y);
      }
    }
  } else {
    floodFill(mask, width, height, sx, sy, similar, bounds);
  }
  const box: PixelBox = {
    x: bounds.x0,
    y: bounds.y0,
    width: bounds.x1 - bounds.x0 + 1,
    height: bounds.y1 - bounds.y0 + 1,
  };
  const selection = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * width + box.x;
    selection.set(mask.subarray(from, from + box.width), y * box.width);
  }
  return { box, data: selection };
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function grow(bounds: Bounds, x: number, y: number) {
  if (x < bounds.x0) bounds.x0 = x;
  if (x > bounds.x1) bounds.x1 = x;
  if (y < bounds.y0) bounds.y0 = y;
  if (y > bounds.y1) bounds.y1 = y;
}

/** Scanline fill: each popped seed paints its whole run, then seeds the runs above and below. */
function floodFill(
  mask: Uint8Array,
  width: number,
  height: number,
  sx: number,
  sy: number,
  similar: (i: number) => boolean,
  bounds: Bounds,
): void {
  const stack: number[] = [sx, sy];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    const row = y * width;
    if (mask[row + x] !== 0 || !similar(row + x)) continue;
    let left = x;
    while (left > 0 && mask[row + left - 1] === 0 && similar(row + left - 1)) left--;
    let right = x;
    while (right < width - 1 && mask[row + right + 1] === 0 && similar(row + right + 1)) right++;
    mask.fill(255, row + left, row + right + 1);
    grow(bounds, left, y);
    grow(bounds, right, y);
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= height) continue;
      const nrow = ny * width;
      let inRun = false;
      for (let nx = left; nx <= right; nx++) {
        const open = mask[nrow + nx] === 0 && similar(nrow + nx);
        if (open && !inRun) stack.push(nx, ny);
        inRun = open;
      }
    }
  }
}
