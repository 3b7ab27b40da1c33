import { applySelection } from "../select/selection";
import type { MaskOp } from "./mask-op";
import { growMask } from "./raster/morphology";
import { fillPolygon, fillRect, type MaskRaster, paintPolyline } from "./raster/paint-shapes";

/**
 * Applies one operation to a mask raster in place. Cheap shape operations touch only their
 * bounding box, which is what keeps committing a stroke independent of the history's length.
 */
export function applyMaskOp(raster: MaskRaster, op: MaskOp): void {
  switch (op.kind) {
    case "stroke":
      paintPolyline(raster, op.points, op.size, op.mode === "add" ? 255 : 0);
      return;
    case "rect":
      fillRect(raster, op.x, op.y, op.width, op.height, op.mode === "add" ? 255 : 0);
      return;
    case "polygon":
      fillPolygon(raster, op.points, op.mode === "add" ? 255 : 0);
      return;
    case "invert":
      for (let i = 0; i < raster.data.length; i++) raster.data[i] = 255 - raster.data[i]!;
      return;
    case "clear":
      raster.data.fill(0);
      return;
    case "grow":
      raster.data.set(growMask(raster, op.pixels));
      return;
    case "bitmap":
      raster.data.set(op.data);
      return;
    case "selection":
      applySelection(raster, op.mode, op);
      return;
  }
}

/** The mask that a list of operations produces, from an all-black start. */
export function renderMask(ops: readonly MaskOp[], width: number, height: number): Uint8Array {
  const raster = { data: new Uint8Array(width * height), width, height };
  // Nothing before the last clear or import can show, so start there.
  let start = 0;
  for (let i = ops.length - 1; i >= 0; i--) {
    const kind = ops[i]!.kind;
    if (kind === "clear" || kind === "bitmap") {
      start = i;
      break;
    }
  }
  for (let i = start; i < ops.length; i++) applyMaskOp(raster, ops[i]!);
  return raster.data;
}

export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pixels an operation can change; the whole image for operations that touch everything. */
export function opBounds(op: MaskOp, width: number, height: number): PixelBox | null {
  if (op.kind === "selection" && op.mode !== "intersect") return op.box;
  if (op.kind !== "stroke" && op.kind !== "polygon" && op.kind !== "rect") {
    return { x: 0, y: 0, width, height };
  }
  const points = op.kind === "rect" ? [op.x, op.y, op.x + op.width, op.y + op.height] : op.points;
  return pointsBox(points, (op.kind === "stroke" ? op.size / 2 : 0) + 1, width, height);
}

/** Whole pixels around flat [x0, y0, …] points grown by `pad`, clipped to the image. */
export function pointsBox(
  points: readonly number[],
  pad: number,
  width: number,
  height: number,
): PixelBox | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < points.length; i += 2) {
    minX = Math.min(minX, points[i]!);
    maxX = Math.max(maxX, points[i]!);
    minY = Math.min(minY, points[i + 1]!);
    maxY = Math.max(maxY, points[i + 1]!);
  }
  const x0 = Math.max(0, Math.floor(minX - pad));
  const y0 = Math.max(0, Math.floor(minY - pad));
  const x1 = Math.min(width, Math.ceil(maxX + pad) + 1);
  const y1 = Math.min(height, Math.ceil(maxY + pad) + 1);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}
