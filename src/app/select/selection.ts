import type { PixelBox } from "../editor/apply-mask-op";
import type { MaskRaster } from "../editor/raster/paint-shapes";

/** How a smart tool's result meets the mask: Shift (or nothing) adds, Alt cuts, both intersect. */
export type SelectionMode = "add" | "cut" | "intersect";

/** A smart tool's result: 0/255 pixels inside `box`, in image pixels; outside the box is 0. */
export interface Selection {
  box: PixelBox;
  data: Uint8Array;
}

export function selectionMode(keys: {
  shiftKey: boolean;
  altKey: boolean;
  /** The right button cuts, as it does with every tool. */
  button?: number;
}): SelectionMode {
  if (keys.shiftKey && keys.altKey) return "intersect";
  return keys.altKey || keys.button === 2 ? "cut" : "add";
}

/**
 * Combines a selection into the mask in place. Add and cut touch only the box; intersect also
 * clears everything outside it. The raster may be a region of the image (its own origin at
 * `origin`), which is how undo re-renders one box.
 */
export function applySelection(
  raster: MaskRaster,
  mode: SelectionMode,
  selection: Selection,
  origin: { x: number; y: number } = { x: 0, y: 0 },
): void {
  const { data, width, height } = raster;
  const { box } = selection;
  const bx = box.x - origin.x;
  const by = box.y - origin.y;
  const x0 = Math.max(0, bx);
  const y0 = Math.max(0, by);
  const x1 = Math.min(width, bx + box.width);
  const y1 = Math.min(height, by + box.height);
  if (mode === "intersect") clearOutside(raster, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  for (let y = y0; y < y1; y++) {
    const row = y * width;
    const from = (y - by) * box.width - bx;
    for (let x = x0; x < x1; x++) {
      const inside = selection.data[from + x] !== 0;
      if (mode === "add" && inside) data[row + x] = 255;
      else if (mode === "cut" && inside) data[row + x] = 0;
      else if (mode === "intersect" && !inside) data[row + x] = 0;
    }
  }
}

function clearOutside({ data, width, height }: MaskRaster, keep: PixelBox): void {
  if (keep.width <= 0 || keep.height <= 0) {
    data.fill(0);
    return;
  }
  data.fill(0, 0, keep.y * width);
  data.fill(0, (keep.y + keep.height) * width, width * height);
  for (let y = keep.y; y < keep.y + keep.height; y++) {
    data.fill(0, y * width, y * width + keep.x);
    data.fill(0, y * width + keep.x + keep.width, (y + 1) * width);
  }
}

/** The selection as a whole-image 0/255 mask (for measuring it against a truth). */
export function selectionToMask(selection: Selection | null, width: number, height: number) {
  const raster = { data: new Uint8Array(width * height), width, height };
  if (selection) applySelection(raster, "add", selection);
  return raster.data;
}

/** The selection trimmed to its painted pixels' bounding box; null when nothing is painted. */
export function trimSelection(mask: Uint8Array, box: PixelBox): Selection | null {
  let minX = box.width;
  let minY = box.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < box.height; y++) {
    const row = y * box.width;
    for (let x = 0; x < box.width; x++) {
      if (mask[row + x] === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  if (maxX < 0) return null;
  const width = maxX - minX + 1;
  const height = maxY - minY + 1;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (minY + y) * box.width + minX;
    data.set(mask.subarray(from, from + width), y * width);
  }
  return { box: { x: box.x + minX, y: box.y + minY, width, height }, data };
}
