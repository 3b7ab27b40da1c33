import { applyMaskOp, opBounds, type PixelBox, renderMask } from "./apply-mask-op";
import type { MaskOp } from "./mask-op";
import type { MaskRaster } from "./raster/paint-shapes";
import { renderMaskRegion } from "./render-mask-region";

/**
 * The tint of the "don't copy from here" layer: apart from every mask overlay colour offered
 * and from most of what photos hold, so the two layers never read as one.
 */
export const EXCLUDE_TINT = "#8e4ec6";

/**
 * The committed mask cached as ONE bitmap: a 0/255 raster plus a canvas (white where painted,
 * transparent elsewhere) that the stage draws and tints with a single `source-in` rect.
 * Committing one operation applies just that operation and repaints its bounding box, so the
 * cost of a stroke never grows with the history; undo and folding rebuild it from the vectors.
 * Lives outside the store because it holds a canvas; one per MaskManager.
 */
export class MaskDisplay {
  readonly canvas = document.createElement("canvas");
  private raster: MaskRaster = { data: new Uint8Array(0), width: 0, height: 0 };
  private key = "";
  private ops: readonly MaskOp[] = [];

  /** Brings the bitmap up to date with the operations; returns true when pixels changed. */
  sync(key: string, width: number, height: number, ops: readonly MaskOp[]): boolean {
    if (this.key !== key || this.raster.width !== width || this.raster.height !== height) {
      this.key = key;
      this.raster = { data: new Uint8Array(width * height), width, height };
      this.canvas.width = width;
      this.canvas.height = height;
      this.ops = [];
    }
    if (ops === this.ops) return false;
    const previous = this.ops;
    const appendedOne =
      ops.length === previous.length + 1 && previous.every((op, i) => ops[i] === op);
    const undidOne = ops.length === previous.length - 1 && ops.every((op, i) => previous[i] === op);
    if (appendedOne) {
      const op = ops.at(-1)!;
      applyMaskOp(this.raster, op);
      const box = opBounds(op, width, height);
      if (box) this.paint(box);
    } else if (undidOne && this.restoreRegion(ops, opBounds(previous.at(-1)!, width, height))) {
      // Only the undone operation's box was re-rendered.
    } else {
      this.raster.data = renderMask(ops, width, height);
      this.paint({ x: 0, y: 0, width, height });
    }
    this.ops = ops;
    return true;
  }

  /** The committed mask (0/255, one byte per pixel); read-only, copy before handing it away. */
  mask(key: string, width: number, height: number, ops: readonly MaskOp[]): Uint8Array {
    this.sync(key, width, height, ops);
    return this.raster.data;
  }

  /** Frees the raster and the canvas's pixels; the next sync starts again from the vectors. */
  release(): void {
    this.raster = { data: new Uint8Array(0), width: 0, height: 0 };
    this.key = "";
    this.ops = [];
    this.canvas.width = 0;
    this.canvas.height = 0;
  }

  /** Re-renders just `box` after an undo; false when that is not possible. */
  private restoreRegion(ops: readonly MaskOp[], box: PixelBox | null): boolean {
    const { width, height, data } = this.raster;
    if (!box || box.width * box.height === width * height) return false;
    const region = renderMaskRegion(ops, width, height, box);
    if (!region) return false;
    for (let y = 0; y < box.height; y++) {
      data.set(region.subarray(y * box.width, (y + 1) * box.width), (box.y + y) * width + box.x);
    }
    this.paint(box);
    return true;
  }

  private paint(box: PixelBox): void {
    const context = this.canvas.getContext("2d");
    if (!context) return;
    const { data, width } = this.raster;
    const pixels = context.createImageData(box.width, box.height);
    // One 32-bit write per pixel: opaque white or fully transparent.
    const out = new Uint32Array(pixels.data.buffer);
    for (let y = 0; y < box.height; y++) {
      let i = (box.y + y) * width + box.x;
      let j = y * box.width;
      for (let x = 0; x < box.width; x++, i++, j++) if (data[i] !== 0) out[j] = 0xffffffff;
    }
    context.putImageData(pixels, box.x, box.y);
  }
}
