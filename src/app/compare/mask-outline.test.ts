import { describe, expect, it } from "vitest";
import { maskOutline, outlineRgba } from "./mask-outline";

describe("maskOutline", () => {
  // A 4×4 square of mask in a 6×6 image.
  const mask = new Uint8Array(36);
  for (let y = 1; y <= 4; y++) for (let x = 1; x <= 4; x++) mask[y * 6 + x] = 255;
  const rows = (out: Uint8Array) =>
    Array.from({ length: 6 }, (_, y) =>
      Array.from(out.slice(y * 6, y * 6 + 6), (v) => (v ? "#" : ".")).join(""),
    );

  it("marks only the border of the masked area", () => {
    expect(rows(maskOutline(mask, 6, 6, 1))).toEqual([
      "......",
      ".####.",
      ".#..#.",
      ".#..#.",
      ".####.",
      "......",
    ]);
  });

  it("widens inward, never outside the mask", () => {
    expect(rows(maskOutline(mask, 6, 6, 2))).toEqual([
      "......",
      ".####.",
      ".####.",
      ".####.",
      ".####.",
      "......",
    ]);
  });

  it("colours the outline opaque and leaves the rest transparent", () => {
    const rgba = outlineRgba(new Uint8Array([255, 0]), [1, 2, 3]);
    expect(Array.from(rgba)).toEqual([1, 2, 3, 255, 0, 0, 0, 0]);
  });
});
