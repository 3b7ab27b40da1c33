import { describe, expect, it } from "vitest";
import { boundHistory } from "../store/document-slice";
import { renderMask } from "./apply-mask-op";
import { type MaskOp, maskMayHavePixels, opBytes } from "./mask-op";
import { applyMaskAsAlpha } from "./raster/export-rgba";

const stroke = (x: number): MaskOp => ({ kind: "stroke", mode: "add", points: [x, 5], size: 4 });

describe("boundHistory", () => {
  it("leaves a history under its limits untouched", () => {
    const ops = [stroke(2), stroke(8)];
    expect(boundHistory(ops, { width: 20, height: 10 }, { ops: 5, bytes: 1e6 })).toBe(ops);
  });

  it("folds the oldest operations into one bitmap with the same pixels", () => {
    const ops = Array.from({ length: 9 }, (_, i) => stroke(i * 2 + 1));
    const bounded = boundHistory(ops, { width: 20, height: 10 }, { ops: 8, bytes: 1e6 });
    expect(bounded.length).toBeLessThan(ops.length);
    expect(bounded[0]!.kind).toBe("bitmap");
    expect([...renderMask(bounded, 20, 10)]).toEqual([...renderMask(ops, 20, 10)]);
  });

  it("folds when the bytes pass the limit", () => {
    const ops = Array.from({ length: 4 }, (_, i) => stroke(i));
    const bytes = ops.reduce((n, op) => n + opBytes(op), 0);
    expect(
      boundHistory(ops, { width: 20, height: 10 }, { ops: 100, bytes: bytes - 1 })[0]!.kind,
    ).toBe("bitmap");
  });
});

describe("maskMayHavePixels", () => {
  it("reads emptiness from the vectors", () => {
    expect(maskMayHavePixels([])).toBe(false);
    expect(maskMayHavePixels([stroke(1)])).toBe(true);
    expect(maskMayHavePixels([stroke(1), { kind: "clear" }])).toBe(false);
    expect(maskMayHavePixels([{ kind: "clear" }, { kind: "invert" }])).toBe(true);
    expect(
      maskMayHavePixels([
        { kind: "clear" },
        { kind: "rect", mode: "cut", x: 0, y: 0, width: 1, height: 1 },
      ]),
    ).toBe(false);
  });
});

describe("applyMaskAsAlpha", () => {
  it("writes the mask into the image's alpha: painted = transparent", () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 255]);
    applyMaskAsAlpha(rgba, new Uint8Array([255, 0]));
    expect([...rgba]).toEqual([10, 20, 30, 0, 40, 50, 60, 255]);
  });
});
