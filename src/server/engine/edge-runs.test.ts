import { describe, expect, it } from "vitest";
import { runShares } from "./edge-runs";
import { cropLevel } from "./fill-level";

describe("runShares", () => {
  /**
   * A 40×20 grey photo with its right third cut off: a bright row across the whole photo (a
   * horizon) and a bright block at the edge, five pixels deep (a cup cut by the frame).
   */
  const [w, h] = [40, 20];
  const pixels = new Uint8Array(w * h).fill(100);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 5 || (y >= 13 && y <= 15 && x >= 22)) pixels[y * w + x] = 220;
      if (x >= 27) mask[y * w + x] = 1;
    }
  }
  const level = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  const runs = runShares(level);
  const at = (x: number, y: number) => runs[y * w + x]!;

  it("carries a colour that runs across the photo all the way out", () => {
    expect(at(39, 5)).toBe(1);
    // the plain grey runs across the photo too
    expect(at(39, 9)).toBe(1);
  });

  it("carries a colour that runs a short way in only as far out as it runs in", () => {
    // the block runs from x 26 back to 22: five pixels of colour, so a pixel d out gets 5 / d
    expect(at(28, 14)).toBe(1);
    expect(at(36, 14)).toBeCloseTo(5 / 10, 5);
    expect(at(39, 14)).toBeCloseTo(5 / 13, 5);
  });

  it("is 1 on kept pixels", () => {
    expect(at(10, 14)).toBe(1);
  });
});
