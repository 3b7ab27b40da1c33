import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { mulberry32 } from "./prng";
import { correctSeamShade } from "./seam-correction";

/** A grey level with a square hole; kept pixels from `kept`, hole pixels from `fill`. */
function level(
  size: number,
  hole: [number, number],
  kept: (x: number, y: number) => number,
  fill: (x: number, y: number) => number,
): FillLevel {
  const colour = new Float32Array(size * size);
  const mask = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inHole = x >= hole[0] && x < hole[1] && y >= hole[0] && y < hole[1];
      mask[y * size + x] = inHole ? 1 : 0;
      colour[y * size + x] = inHole ? fill(x, y) : kept(x, y);
    }
  }
  return { width: size, height: size, bands: 1, colour, hole: mask };
}

function stats(l: FillLevel, pick: (x: number, y: number) => boolean) {
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let y = 0; y < l.height; y++) {
    for (let x = 0; x < l.width; x++) {
      if (!pick(x, y)) continue;
      const v = l.colour[y * l.width + x]!;
      n++;
      sum += v;
      sum2 += v * v;
    }
  }
  return { mean: sum / n, std: Math.sqrt(sum2 / n - (sum / n) ** 2) };
}

describe("correctSeamShade", () => {
  it("brings a fill that is too bright to its surroundings' shade and keeps its texture", () => {
    const random = mulberry32(4);
    const noise = new Float32Array(200 * 200).map(() => random() * 40 - 20);
    const l = level(
      200,
      [50, 150],
      () => 100,
      (x, y) => 140 + noise[y * 200 + x]!,
    );
    const before = l.colour.slice();
    const inHole = (x: number, y: number) => l.hole[y * 200 + x] === 1;
    const textureBefore = stats(l, inHole).std;
    correctSeamShade(l);
    const after = stats(l, inHole);
    expect(Math.abs(after.mean - 100)).toBeLessThan(3);
    expect(Math.abs(after.std - textureBefore)).toBeLessThan(1);
    for (let i = 0; i < l.hole.length; i++) {
      if (l.hole[i] === 0) expect(l.colour[i]).toBe(before[i]);
    }
  });

  it("follows a shading gradient across the hole", () => {
    // Kept pixels ramp from 50 (left) to 150 (right); the fill is flat 100.
    const l = level(
      200,
      [40, 160],
      (x) => 50 + x / 2,
      () => 100,
    );
    correctSeamShade(l);
    const nearLeft = stats(l, (x, y) => x >= 42 && x < 50 && y >= 90 && y < 110).mean;
    const nearRight = stats(l, (x, y) => x >= 150 && x < 158 && y >= 90 && y < 110).mean;
    expect(Math.abs(nearLeft - 72)).toBeLessThan(8);
    expect(Math.abs(nearRight - 127)).toBeLessThan(8);
  });

  it("matches the hole's whole border, not a bright object crossing its top and bottom", () => {
    // A night sky (30) with a white rocket (250) running through the hole from top to bottom:
    // the hole's fill is sky, and only the rocket's two short crossings are bright.
    const random = mulberry32(9);
    const noise = new Float32Array(200 * 200).map(() => random() * 6 - 3);
    const rocket = (x: number) => x >= 95 && x < 105;
    const l = level(
      200,
      [50, 150],
      (x, y) => (rocket(x) ? 250 : 30 + noise[y * 200 + x]!),
      (x, y) => 30 + noise[y * 200 + x]!,
    );
    correctSeamShade(l);
    const middle = stats(l, (x, y) => x >= 80 && x < 120 && y >= 80 && y < 120);
    const whole = stats(l, (x, y) => x >= 60 && x < 140 && y >= 60 && y < 140);
    expect(Math.abs(middle.mean - 30)).toBeLessThan(3);
    expect(Math.abs(whole.mean - 30)).toBeLessThan(3);
  });

  it("leaves out an object that differs from the border in hue, not in brightness", () => {
    // A dull blue night sky with a saturated blue lamp crossing the hole's top edge: the lamp is
    // about as bright as the sky, so judged by luma it passed as shading, and its +90 of blue
    // spread into the fill as a saturated rectangle beside the photo's edge (the rocket zoomed
    // out 1.5x).
    const size = 200;
    const sky = [60, 70, 110];
    const lamp = [30, 60, 200];
    const colour = new Float32Array(size * size * 3);
    const hole = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const p = y * size + x;
        hole[p] = x >= 50 && x < 150 && y >= 50 && y < 150 ? 1 : 0;
        const value = hole[p] === 0 && x >= 90 && x < 110 && y < 50 ? lamp : sky;
        colour.set(value, p * 3);
      }
    }
    const l: FillLevel = { width: size, height: size, bands: 3, colour, hole };
    correctSeamShade(l);
    let worst = 0;
    for (let p = 0; p < size * size; p++) {
      if (hole[p] === 0) continue;
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(colour[p * 3 + c]! - sky[c]!));
    }
    expect(worst).toBeLessThan(1);
  });

  it("leaves a level without a hole untouched", () => {
    const l = level(
      20,
      [0, 0],
      (x) => x,
      () => 0,
    );
    const before = l.colour.slice();
    correctSeamShade(l);
    expect([...l.colour]).toEqual([...before]);
  });
});
