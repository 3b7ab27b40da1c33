import { applySelection } from "../select/selection";
import { applyMaskOp, opBounds, type PixelBox } from "./apply-mask-op";
import type { MaskOp } from "./mask-op";

/**
 * The pixels of `renderMask(ops)` inside one box, computed on a box-sized raster: shape
 * operations are shifted into the box and skipped when they miss it. Undoing a stroke then costs
 * its own area, not the whole image's history. Returns null when an operation reads pixels
 * outside the box (grow/shrink), so the caller must render everything.
 */
export function renderMaskRegion(
  ops: readonly MaskOp[],
  width: number,
  height: number,
  box: PixelBox,
): Uint8Array | null {
  const region = {
    data: new Uint8Array(box.width * box.height),
    width: box.width,
    height: box.height,
  };
  for (const op of ops) {
    switch (op.kind) {
      case "grow":
        return null;
      case "bitmap":
        for (let y = 0; y < box.height; y++) {
          const from = (box.y + y) * width + box.x;
          region.data.set(op.data.subarray(from, from + box.width), y * box.width);
        }
        break;
      case "invert":
      case "clear":
        applyMaskOp(region, op);
        break;
      case "selection":
        applySelection(region, op.mode, op, box);
        break;
      default: {
        const bounds = opBounds(op, width, height);
        if (!bounds || !overlaps(bounds, box)) break;
        applyMaskOp(region, shift(op, -box.x, -box.y));
      }
    }
  }
  return region.data;
}

function overlaps(a: PixelBox, b: PixelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function shift(op: MaskOp, dx: number, dy: number): MaskOp {
  if (op.kind === "rect") return { ...op, x: op.x + dx, y: op.y + dy };
  if (op.kind === "stroke" || op.kind === "polygon") {
    return { ...op, points: op.points.map((v, i) => v + (i % 2 === 0 ? dx : dy)) };
  }
  return op;
}
