import { describe, expect, it } from "vitest";
import { calmFill } from "./calm-fill";
import type { FillLevel } from "./fill-level";
import { mulberry32 } from "./prng";

/**
 * A 80×60 grey level whose kept pixels are `ground` and whose 30×20 hole holds a patchwork:
 * 6×6 blocks of random greys 40 levels apart, as a patch fill of a bokeh can be.
 */
function patchworkIn(ground: (x: number, y: number) => number): FillLevel {
  const [width, height] = [80, 60];
  const random = mulberry32(3);
  const blocks = Array.from({ length: 100 }, () => 110 + (random() - 0.5) * 40);
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inHole = x >= 25 && x < 55 && y >= 20 && y < 40;
      hole[y * width + x] = inHole ? 1 : 0;
      colour[y * width + x] = inHole
        ? blocks[Math.floor(x / 6) + 10 * Math.floor(y / 6)]!
        : ground(x, y);
    }
  }
  return { width, height, bands: 1, colour, hole };
}

/** Mean absolute step to the right and down over the hole's pixels. */
function holeGradient(level: FillLevel): number {
  const { width, colour, hole } = level;
  let sum = 0;
  let n = 0;
  for (let p = 0; p < hole.length - width - 1; p++) {
    if (hole[p] === 0) continue;
    sum += Math.hypot(colour[p + 1]! - colour[p]!, colour[p + width]! - colour[p]!);
    n++;
  }
  return sum / n;
}

describe("calm fill", () => {
  it("smooths a patchwork in a smooth, out-of-focus surrounding towards its gradient", () => {
    const level = patchworkIn((x) => 100 + x * 0.25);
    const before = holeGradient(level);
    calmFill(level);
    // the ramp's own gradient is 0.25 per pixel; the patchwork's blocks step by up to 40
    expect(holeGradient(level)).toBeLessThan(before / 5);
    expect(holeGradient(level)).toBeLessThan(0.6);
  });

  it("leaves a fill as busy as textured surroundings", () => {
    const random = mulberry32(9);
    const level = patchworkIn(() => 110 + (random() - 0.5) * 120);
    const before = level.colour.slice();
    calmFill(level);
    expect(level.colour).toEqual(before);
  });
});
