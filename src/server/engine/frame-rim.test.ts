import { describe, expect, it } from "vitest";
import { cropLevel } from "./fill-level";
import { mirrorRim } from "./frame-rim";

/**
 * A 20×12 grey level whose value is its column (x · 10), with a hole over its right half that
 * runs off the border; the hole's estimate is 0 in the last three columns (what a stray
 * patch edge left there) and the column's value elsewhere.
 */
function runningOff() {
  const [w, h] = [20, 12];
  const pixels = new Uint8Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = x * 10;
      if (x >= 10 && y >= 3 && y < 9) mask[y * w + x] = 1;
    }
  }
  const level = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  for (let y = 3; y < 9; y++) for (let x = 17; x < 20; x++) level.colour[y * w + x] = 0;
  return { level, w, h };
}

describe("mirrorRim", () => {
  it("fills the hole's rim at the border with the fill mirrored across the centres' line", () => {
    const { level, w } = runningOff();
    const from = new Int32Array(level.hole.length).fill(-1);
    mirrorRim(level, from);
    // the last centre column is 16: columns 17, 18, 19 mirror 15, 14, 13
    for (const [x, mirrored] of [
      [17, 15],
      [18, 14],
      [19, 13],
    ] as const) {
      expect(level.colour[5 * w + x]).toBe(mirrored * 10);
    }
    // inside the centres' band nothing moves
    expect(level.colour[5 * w + 16]).toBe(160);
  });

  it("never writes a kept pixel", () => {
    const { level, w } = runningOff();
    mirrorRim(level, null);
    // rows 0-2 are kept, though they lie in the rim along the top border
    for (let x = 0; x < w; x++) expect(level.colour[1 * w + x]).toBe(x * 10);
  });
});
