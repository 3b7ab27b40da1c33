import { describe, expect, it } from "vitest";
import type { OutpaintFrame } from "./outpaint-geometry";
import { mergePaintedMask, outpaintMask, padImageRgba } from "./outpaint-raster";

/** A 4×2 image placed with 2 px of new area on the left and 1 px on top, on a 6×4 canvas. */
const frame: OutpaintFrame = { width: 6, height: 4, image: { x: 2, y: 1, width: 4, height: 2 } };

function maskRows(mask: Uint8Array, width: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < mask.length; i += width) {
    rows.push(
      Array.from(mask.subarray(i, i + width), (v) => (v === 255 ? "#" : v === 0 ? "." : "?")).join(
        "",
      ),
    );
  }
  return rows;
}

describe("outpaintMask", () => {
  it("is white over the new area and black over the image", () => {
    expect(maskRows(outpaintMask(frame, 0), 6)).toEqual(["######", "##....", "##....", "######"]);
  });

  it("reaches into the image only along edges that border new area", () => {
    // Left and top border new area; the right edge is the canvas edge and stays black.
    const wide: OutpaintFrame = { width: 8, height: 5, image: { x: 3, y: 1, width: 5, height: 4 } };
    expect(maskRows(outpaintMask(wide, 1), 8)).toEqual([
      "########",
      "########",
      "####....",
      "####....",
      "####....",
    ]);
  });

  it("never covers the whole image: a 1×1 or 3×1 image keeps its middle pixel", () => {
    const dot: OutpaintFrame = { width: 3, height: 3, image: { x: 1, y: 1, width: 1, height: 1 } };
    expect(maskRows(outpaintMask(dot, 8), 3)).toEqual(["###", "#.#", "###"]);
    const bar: OutpaintFrame = { width: 5, height: 3, image: { x: 1, y: 1, width: 3, height: 1 } };
    expect(maskRows(outpaintMask(bar, 8), 5)).toEqual(["#####", "##.##", "#####"]);
    const edge: OutpaintFrame = { width: 4, height: 1, image: { x: 1, y: 0, width: 3, height: 1 } };
    expect(maskRows(outpaintMask(edge, 8), 4)).toEqual(["###."]);
  });
});

describe("padImageRgba", () => {
  const image = new Uint8ClampedArray([
    ...[10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255, 100, 110, 120, 255],
    ...[200, 0, 0, 255, 0, 200, 0, 255, 0, 0, 200, 255, 90, 90, 90, 128],
  ]);

  it("keeps the image's pixels exact and opaque where the frame places them", () => {
    const out = padImageRgba(image, frame);
    for (let row = 0; row < 2; row++) {
      for (let col = 0; col < 4; col++) {
        const s = (row * 4 + col) * 4;
        const d = ((row + 1) * 6 + col + 2) * 4;
        expect(Array.from(out.subarray(d, d + 3))).toEqual(Array.from(image.subarray(s, s + 3)));
        expect(out[d + 3]).toBe(255);
      }
    }
  });

  it("fills the new area from the image's edge colours, never black", () => {
    const out = padImageRgba(image, frame);
    for (const [x, y] of [
      [0, 0],
      [1, 2],
      [5, 3],
      [0, 3],
    ] as const) {
      const d = (y * 6 + x) * 4;
      expect(out[d]! + out[d + 1]! + out[d + 2]!).toBeGreaterThan(30);
      expect(out[d + 3]).toBe(255);
    }
  });

  it("returns a copy when nothing is added", () => {
    const same: OutpaintFrame = { width: 4, height: 2, image: { x: 0, y: 0, width: 4, height: 2 } };
    const out = padImageRgba(image, same);
    expect(Array.from(out.subarray(0, 12))).toEqual(Array.from(image.subarray(0, 12)));
  });
});

describe("mergePaintedMask", () => {
  it("carries a painted mask into the frame, scaled to the image's place", () => {
    // The painted mask is 8×4 (the original image at twice the frame's image size): its left half is white.
    const painted = new Uint8Array(32);
    for (let row = 0; row < 4; row++) painted.fill(255, row * 8, row * 8 + 4);
    const merged = mergePaintedMask(outpaintMask(frame, 0), frame, painted, {
      width: 8,
      height: 4,
    });
    expect(maskRows(merged, 6)).toEqual(["######", "####..", "####..", "######"]);
  });
});
