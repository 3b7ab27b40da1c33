import type { SelectionMode } from "../select/selection";
import type { PixelBox } from "./apply-mask-op";

/**
 * The mask is the result of an ordered list of operations in image pixel coordinates, so
 * history is a list of small vectors rather than bitmaps. `add` paints white (repaint), `cut`
 * paints black (keep).
 */
export type MaskMode = "add" | "cut";

export type MaskOp =
  | {
      kind: "stroke";
      mode: MaskMode;
      /** Flat [x0, y0, x1, y1, …], as Konva's Line takes them. */
      points: number[];
      /** Diameter in image pixels. */
      size: number;
    }
  | { kind: "rect"; mode: MaskMode; x: number; y: number; width: number; height: number }
  | { kind: "polygon"; mode: MaskMode /** flat [x0, y0, …], closed implicitly */; points: number[] }
  | { kind: "invert" }
  | { kind: "clear" }
  | { kind: "grow" /** negative shrinks */; pixels: number }
  /** An imported mask (or older history folded together), 0/255 at the image's size. */
  | { kind: "bitmap"; data: Uint8Array }
  /** A smart tool's result (select/): 0/255 inside its box, added, cut or intersected. */
  | { kind: "selection"; mode: SelectionMode; box: PixelBox; data: Uint8Array };

/**
 * Whether the operations can leave any white pixel, read from the vectors alone so the UI can
 * enable Generate without rasterising: after the last clear, only painting, inverting or a
 * bitmap can add white.
 */
export function maskMayHavePixels(ops: readonly MaskOp[]): boolean {
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    if (op.kind === "clear") return false;
    if (op.kind === "invert" || op.kind === "bitmap") return true;
    if (
      (op.kind === "stroke" ||
        op.kind === "rect" ||
        op.kind === "polygon" ||
        op.kind === "selection") &&
      op.mode === "add"
    )
      return true;
  }
  return false;
}

/** Bytes an operation holds, for the history's memory bound (numbers are 8-byte doubles). */
export function opBytes(op: MaskOp): number {
  if (op.kind === "stroke" || op.kind === "polygon") return 64 + op.points.length * 8;
  if (op.kind === "bitmap" || op.kind === "selection") return 64 + op.data.byteLength;
  return 64;
}
