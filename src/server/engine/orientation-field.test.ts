import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { distanceToUnmasked } from "./mask-geometry";
import { clearSteps, followField, orientationField, uniformField } from "./orientation-field";
import { mulberry32 } from "./prng";

/**
 * Stripes that fan out like planks seen at an angle: dark lines 12 px apart at x = 0, whose
 * slope turns from -0.2 at the top to 0.5 at the bottom, with a square hole in the middle.
 */
function fannedStripes(): { level: FillLevel; lineAt: (x: number, y: number) => number } {
  const [width, height] = [160, 120];
  const slope = (y0: number) => -0.2 + (0.7 * y0) / height;
  // which line (by its height at x = 0) passes through (x, y), as a real number
  const lineAt = (x: number, y: number) => {
    let y0 = y;
    for (let k = 0; k < 20; k++) y0 = y - slope(y0) * x;
    return y0 / 12;
  };
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const phase = lineAt(x, y) % 1;
      colour[y * width + x] = Math.abs(phase - 0.5) < 0.15 ? 40 : 200;
      if (x >= 50 && x < 110 && y >= 30 && y < 90) hole[y * width + x] = 1;
    }
  }
  return { level: { width, height, bands: 1, colour, hole }, lineAt };
}

describe("orientation field", () => {
  it("carries a walk across a hole along the fanned line it started on", () => {
    const { level, lineAt } = fannedStripes();
    const field = orientationField(level, 6);
    let missed = 0;
    let walks = 0;
    for (let y = 35; y < 85; y += 5) {
      for (const sign of [1, -1]) {
        const start = y * level.width + 80;
        const [end] = followField(field, start, sign, 400, level.hole);
        expect(end).toBeGreaterThanOrEqual(0);
        expect(level.hole[end]).toBe(0);
        walks++;
        const ex = end % level.width;
        const ey = (end - ex) / level.width;
        // the end lies on the start's line within a fifth of the spacing between lines
        if (Math.abs(lineAt(ex, ey) - lineAt(80, y)) > 0.2) missed++;
      }
    }
    expect(missed / walks).toBeLessThan(0.1);
  });
});

describe("a straight walk striding over clear steps", () => {
  // The stride is only worth having if it ends every walk where stepping would: scattered kept
  // specks and blocks at any distance, every slant, both ways, walks that leave the level.
  it("ends where stepping pixel by pixel ends", () => {
    const [width, height] = [120, 90];
    const random = mulberry32(7);
    const hole = new Uint8Array(width * height).fill(1);
    for (let i = 0; i < 40; i++) hole[Math.floor(random() * hole.length)] = 0;
    for (let y = 30; y < 45; y++) hole.fill(0, y * width + 70, y * width + 85);
    const clear = distanceToUnmasked(hole, width, height);
    let compared = 0;
    let strode = 0;
    for (let angle = 0; angle < Math.PI; angle += Math.PI / 37) {
      const field = uniformField(width, height, Math.cos(angle), Math.sin(angle));
      for (let start = 0; start < hole.length; start += 13) {
        if (hole[start] === 0) continue;
        for (const sign of [1, -1]) {
          const stepped = followField(field, start, sign, 400, hole);
          expect(followField(field, start, sign, 400, hole, clear)).toEqual(stepped);
          compared++;
          if (clearSteps(clear[start]!) > 1) strode++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(strode / compared).toBeGreaterThan(0.3);
  });
});
