import { describe, expect, it } from "vitest";
import { rasterizeStrokes } from "./rasterize-strokes";

const at = (mask: Uint8Array, width: number, x: number, y: number) => mask[y * width + x];

describe("rasterizeStrokes", () => {
  it("returns an all-black mask of the image size when there are no strokes", () => {
    const mask = rasterizeStrokes([], 30, 20);
    expect(mask.length).toBe(600);
    expect(mask.every((v) => v === 0)).toBe(true);
  });

  it("paints a disc of the brush diameter for a single click", () => {
    const mask = rasterizeStrokes([{ points: [50, 50], size: 20 }], 100, 100);
    expect(at(mask, 100, 50, 50)).toBe(255);
    expect(at(mask, 100, 58, 50)).toBe(255);
    expect(at(mask, 100, 61, 50)).toBe(0);
    expect(at(mask, 100, 57, 57)).toBe(0); // outside the circle, inside its bounding box
    const painted = mask.reduce((n, v) => n + (v === 255 ? 1 : 0), 0);
    expect(painted).toBeGreaterThan(Math.PI * 10 * 10 * 0.9);
    expect(painted).toBeLessThan(Math.PI * 10 * 10 * 1.1);
  });

  it("paints a capsule along a line and nothing beyond half the size", () => {
    const mask = rasterizeStrokes([{ points: [10, 50, 90, 50], size: 40 }], 100, 100);
    for (let x = 10; x < 90; x += 5) {
      expect(at(mask, 100, x, 50)).toBe(255);
      expect(at(mask, 100, x, 31)).toBe(255);
      expect(at(mask, 100, x, 25)).toBe(0);
      expect(at(mask, 100, x, 75)).toBe(0);
    }
  });

  it("is strictly binary and clips strokes at the image border", () => {
    const mask = rasterizeStrokes([{ points: [-20, -20, 5, 5, 200, 5], size: 12 }], 64, 48);
    expect(mask.length).toBe(64 * 48);
    expect(new Set(mask)).toEqual(new Set([0, 255]));
    expect(at(mask, 64, 0, 0)).toBe(255);
    expect(at(mask, 64, 63, 5)).toBe(255);
  });
});
