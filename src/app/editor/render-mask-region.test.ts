import { describe, expect, it } from "vitest";
import { renderMask } from "./apply-mask-op";
import type { MaskOp } from "./mask-op";
import { renderMaskRegion } from "./render-mask-region";

const W = 60;
const H = 40;
const ops: MaskOp[] = [
  { kind: "stroke", mode: "add", points: [5, 5, 50, 30], size: 7 },
  { kind: "rect", mode: "add", x: 30, y: 2, width: 20, height: 10 },
  { kind: "polygon", mode: "cut", points: [35, 0, 55, 0, 45, 20] },
  { kind: "invert" },
  { kind: "stroke", mode: "cut", points: [10, 30], size: 9 },
];

function crop(full: Uint8Array, box: { x: number; y: number; width: number; height: number }) {
  const out: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) out.push(full[y * W + x]!);
  return out;
}

describe("renderMaskRegion", () => {
  it("equals the full render cropped to the box, for boxes anywhere", () => {
    const bitmap = renderMask(ops.slice(0, 2), W, H);
    const withBitmap: MaskOp[] = [{ kind: "bitmap", data: bitmap }, ...ops.slice(2)];
    for (const list of [ops, withBitmap]) {
      const full = renderMask(list, W, H);
      for (const box of [
        { x: 0, y: 0, width: W, height: H },
        { x: 7, y: 3, width: 20, height: 11 },
        { x: 40, y: 25, width: 20, height: 15 },
      ]) {
        expect([...renderMaskRegion(list, W, H, box)!]).toEqual(crop(full, box));
      }
    }
  });

  it("gives up on grow, which reads pixels outside the box", () => {
    const box = { x: 0, y: 0, width: 10, height: 10 };
    expect(renderMaskRegion([...ops, { kind: "grow", pixels: 2 }], W, H, box)).toBeNull();
  });
});
