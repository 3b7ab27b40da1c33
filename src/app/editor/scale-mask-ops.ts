import type { PixelBox } from "./apply-mask-op";
import type { MaskOp } from "./mask-op";

interface Size {
  width: number;
  height: number;
}

/**
 * The mask history for the same image at another size (a downscaled copy): every operation
 * stays one undo step. Vectors are scaled exactly; bitmaps are resampled to the nearest pixel,
 * so they stay 0/255.
 */
export function scaleMaskOps(ops: readonly MaskOp[], from: Size, to: Size): MaskOp[] {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const scalePoints = (points: number[]) => points.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  return ops.map((op): MaskOp => {
    switch (op.kind) {
      case "stroke":
        return { ...op, points: scalePoints(op.points), size: op.size * ((sx + sy) / 2) };
      case "polygon":
        return { ...op, points: scalePoints(op.points) };
      case "rect":
        return { ...op, x: op.x * sx, y: op.y * sy, width: op.width * sx, height: op.height * sy };
      case "grow":
        // A grow that did something still does something.
        return {
          ...op,
          pixels: Math.sign(op.pixels) * Math.max(1, Math.round(Math.abs(op.pixels) * sx)),
        };
      case "bitmap":
        return { ...op, data: resampleNearest(op.data, from, to) };
      case "selection": {
        const box = scaleBox(op.box, sx, sy, to);
        return { ...op, box, data: resampleNearest(op.data, op.box, box) };
      }
      default:
        return op; // invert and clear have no size
    }
  });
}

/** The box at the new scale, at least one pixel, inside the new image. */
function scaleBox(box: PixelBox, sx: number, sy: number, image: Size): PixelBox {
  const x = Math.min(image.width - 1, Math.round(box.x * sx));
  const y = Math.min(image.height - 1, Math.round(box.y * sy));
  const right = Math.min(image.width, Math.max(x + 1, Math.round((box.x + box.width) * sx)));
  const bottom = Math.min(image.height, Math.max(y + 1, Math.round((box.y + box.height) * sy)));
  return { x, y, width: right - x, height: bottom - y };
}

/** A width×height single-channel raster at another size, each pixel the nearest source pixel. */
export function resampleNearest(data: Uint8Array, from: Size, to: Size): Uint8Array {
  const out = new Uint8Array(to.width * to.height);
  const columns = new Uint32Array(to.width);
  for (let x = 0; x < to.width; x++)
    columns[x] = Math.min(from.width - 1, Math.floor(((x + 0.5) * from.width) / to.width));
  for (let y = 0; y < to.height; y++) {
    const sourceRow =
      Math.min(from.height - 1, Math.floor(((y + 0.5) * from.height) / to.height)) * from.width;
    const row = y * to.width;
    for (let x = 0; x < to.width; x++) out[row + x] = data[sourceRow + columns[x]!]!;
  }
  return out;
}
