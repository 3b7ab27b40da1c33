import { describe, expect, it } from "vitest";
import { renderMask } from "./apply-mask-op";
import type { MaskOp } from "./mask-op";
import { resampleNearest, scaleMaskOps } from "./scale-mask-ops";

const from = { width: 400, height: 200 };
const half = { width: 200, height: 100 };

/** White pixels of a mask, for comparing coverage across sizes. */
const whiteCount = (mask: Uint8Array) => mask.reduce((n, v) => n + (v === 255 ? 1 : 0), 0);

describe("scaleMaskOps", () => {
  it("scales strokes, rects, polygons and grows with the image", () => {
    const ops: MaskOp[] = [
      { kind: "stroke", mode: "add", points: [40, 100, 360, 100], size: 20 },
      { kind: "rect", mode: "cut", x: 100, y: 50, width: 40, height: 20 },
      { kind: "polygon", mode: "add", points: [0, 0, 40, 0, 40, 40] },
      { kind: "grow", pixels: 6 },
      { kind: "grow", pixels: -1 },
      { kind: "invert" },
    ];
    expect(scaleMaskOps(ops, from, half)).toEqual([
      { kind: "stroke", mode: "add", points: [20, 50, 180, 50], size: 10 },
      { kind: "rect", mode: "cut", x: 50, y: 25, width: 20, height: 10 },
      { kind: "polygon", mode: "add", points: [0, 0, 20, 0, 20, 20] },
      { kind: "grow", pixels: 3 },
      { kind: "grow", pixels: -1 },
      { kind: "invert" },
    ]);
  });

  it("keeps one operation per undo step, so the history still undoes step by step", () => {
    const ops: MaskOp[] = [
      { kind: "rect", mode: "add", x: 0, y: 0, width: 200, height: 200 },
      { kind: "clear" },
      { kind: "rect", mode: "add", x: 200, y: 0, width: 200, height: 200 },
    ];
    const scaled = scaleMaskOps(ops, from, half);
    expect(scaled).toHaveLength(3);
    // Every prefix of the history renders at the new size as it did at the old one, halved.
    for (let n = 1; n <= ops.length; n++) {
      const before = whiteCount(renderMask(ops.slice(0, n), from.width, from.height));
      const after = whiteCount(renderMask(scaled.slice(0, n), half.width, half.height));
      expect(after).toBe(before / 4);
    }
  });

  it("resamples bitmaps and selections to the new size, still 0/255", () => {
    const bitmap = new Uint8Array(from.width * from.height);
    bitmap.fill(255, 0, from.width * 100); // the top half
    const selection = new Uint8Array(40 * 20).fill(255);
    const [b, s] = scaleMaskOps(
      [
        { kind: "bitmap", data: bitmap },
        {
          kind: "selection",
          mode: "add",
          box: { x: 100, y: 50, width: 40, height: 20 },
          data: selection,
        },
      ],
      from,
      half,
    );
    expect(b).toMatchObject({ kind: "bitmap" });
    const scaledBitmap = (b as { data: Uint8Array }).data;
    expect(scaledBitmap).toHaveLength(half.width * half.height);
    expect(whiteCount(scaledBitmap)).toBe(half.width * 50);
    expect(s).toMatchObject({ box: { x: 50, y: 25, width: 20, height: 10 } });
    expect((s as { data: Uint8Array }).data).toEqual(new Uint8Array(200).fill(255));
  });
});

describe("resampleNearest", () => {
  it("takes each pixel from the nearest source pixel", () => {
    // 4×2; the 2×1 copy samples the second row's second and fourth pixels
    const source = Uint8Array.from([255, 0, 255, 0, 0, 255, 0, 255]);
    expect(resampleNearest(source, { width: 4, height: 2 }, { width: 2, height: 1 })).toEqual(
      Uint8Array.from([255, 255]),
    );
  });
});
