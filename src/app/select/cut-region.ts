import type { PixelBox } from "../editor/apply-mask-op";
import { type Selection, trimSelection } from "./selection";

/** A 0/255 mask at a working size. */
export interface Scaled {
  mask: Uint8Array;
  width: number;
  height: number;
}

/** A quick cut for display: `selection` is in units of `step` image pixels (its box too). */
export interface CutPreview {
  selection: Selection | null;
  step: number;
}

/**
 * Where object select works for a box: the box clipped to the image, and the region around it
 * with a margin of 10 % of its longer side (at least 8 px) that gives GrabCut its background.
 * Null for a box with less than 2×2 pixels inside the image.
 */
export function cutRegion(
  box: PixelBox,
  image: { width: number; height: number },
): { clipped: PixelBox; roi: PixelBox } | null {
  const clipped = clip(box, image);
  if (clipped.width < 2 || clipped.height < 2) return null;
  const margin = Math.max(8, Math.round(0.1 * Math.max(clipped.width, clipped.height)));
  const roi = clip(
    {
      x: clipped.x - margin,
      y: clipped.y - margin,
      width: clipped.width + 2 * margin,
      height: clipped.height + 2 * margin,
    },
    image,
  );
  return { clipped, roi };
}

/**
 * `box` (inside `roi`) in the pixels of a copy of `roi` at `size`, rounded outwards and kept
 * one pixel off every side, so GrabCut always has a frame of background.
 */
export function scaleBox(
  box: PixelBox,
  roi: PixelBox,
  size: { width: number; height: number },
): PixelBox {
  const sx = size.width / roi.width;
  const sy = size.height / roi.height;
  const x = Math.max(1, Math.floor((box.x - roi.x) * sx));
  const y = Math.max(1, Math.floor((box.y - roi.y) * sy));
  const right = Math.min(size.width - 1, Math.ceil((box.x + box.width - roi.x) * sx));
  const bottom = Math.min(size.height - 1, Math.ceil((box.y + box.height - roi.y) * sy));
  return { x, y, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/**
 * A cut made on a copy of `roi` at a working size, resampled (nearest) onto a grid of whole
 * `step`-pixel cells of the image, so the preview canvas lines up with the image at any zoom
 * without the full-resolution refinement. Cells whose centre is outside `box` are empty.
 */
export function onGrid(cut: Scaled, roi: PixelBox, box: PixelBox): CutPreview {
  const step = Math.max(1, Math.round(roi.width / cut.width));
  const grid = {
    x: Math.floor(box.x / step),
    y: Math.floor(box.y / step),
    width: Math.ceil((box.x + box.width) / step) - Math.floor(box.x / step),
    height: Math.ceil((box.y + box.height) / step) - Math.floor(box.y / step),
  };
  const out = new Uint8Array(grid.width * grid.height);
  const sx = cut.width / roi.width;
  const sy = cut.height / roi.height;
  for (let gy = 0; gy < grid.height; gy++) {
    const iy = (grid.y + gy + 0.5) * step;
    if (iy < box.y || iy >= box.y + box.height) continue;
    const row = Math.min(cut.height - 1, Math.floor((iy - roi.y) * sy)) * cut.width;
    for (let gx = 0; gx < grid.width; gx++) {
      const ix = (grid.x + gx + 0.5) * step;
      if (ix < box.x || ix >= box.x + box.width) continue;
      out[gy * grid.width + gx] =
        cut.mask[row + Math.min(cut.width - 1, Math.floor((ix - roi.x) * sx))]!;
    }
  }
  return { selection: trimSelection(out, grid), step };
}

function clip(box: PixelBox, image: { width: number; height: number }): PixelBox {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
