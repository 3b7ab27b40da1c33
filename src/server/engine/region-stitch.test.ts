import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { coherentRegions, stitchRegions } from "./region-stitch";

/**
 * A 40×40 vertical ramp (2 grey levels a row, a sky's gradient) with a square hole filled as a
 * patch fill would from the wrong heights: its top half copied from 20 rows further down (40
 * too bright), its bottom half from 20 rows further up (40 too dark), texture and all.
 */
function terracedRamp() {
  const width = 40;
  const height = 40;
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  const from = new Int32Array(width * height).fill(-1);
  const grain = (x: number, y: number) => ((x * 7 + y * 13) % 5) - 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) colour[y * width + x] = 2 * y + grain(x, y);
  }
  for (let y = 10; y < 30; y++) {
    for (let x = 10; x < 30; x++) {
      const p = y * width + x;
      const source = p + (y < 20 ? 20 : -20) * width;
      hole[p] = 1;
      from[p] = source;
      colour[p] = colour[source]!;
    }
  }
  const level: FillLevel = { width, height, bands: 1, colour, hole };
  return { level, from, width };
}

describe("coherentRegions", () => {
  it("joins pixels copied from neighbouring pixels, and nothing else", () => {
    const { level, from, width } = terracedRamp();
    const region = coherentRegions(level, from);
    expect(region[0]).toBe(-1);
    expect(new Set(region.filter((r) => r >= 0)).size).toBe(2);
    expect(region[10 * width + 10]).toBe(region[19 * width + 29]);
    expect(region[10 * width + 10]).not.toBe(region[20 * width + 10]);
  });
});

describe("stitchRegions", () => {
  it("takes the terraces out of a graded fill and keeps the copied texture", () => {
    const { level, from, width } = terracedRamp();
    const copied = level.colour.slice();
    const rowStep = (colour: Float32Array, y: number) => {
      let sum = 0;
      for (let x = 10; x < 30; x++) sum += colour[(y + 1) * width + x]! - colour[y * width + x]!;
      return sum / 20;
    };
    // before: the hole's top, middle and bottom borders step by 40, −80 and 40 (plus the ramp's 2)
    expect(Math.abs(rowStep(copied, 9) - 2)).toBeGreaterThan(35);
    stitchRegions(level, from);
    for (const y of [9, 19, 29]) expect(Math.abs(rowStep(level.colour, y) - 2)).toBeLessThan(4);
    // each region moves as one: its grain is exactly the copied grain
    for (let y = 10; y < 30; y++) {
      for (let x = 11; x < 30; x++) {
        const p = y * width + x;
        expect(level.colour[p]! - level.colour[p - 1]!).toBeCloseTo(copied[p]! - copied[p - 1]!, 4);
      }
    }
    for (let p = 0; p < level.hole.length; p++) {
      if (level.hole[p] === 0) expect(level.colour[p]).toBe(copied[p]);
    }
  });
});

describe("stitchRegions on scattered sources", () => {
  it("keeps kept pixels, leaves no NaN and moves each region as one, in grey and in colour", () => {
    for (const bands of [1, 3]) {
      const width = 33;
      const height = 21;
      let state = 7;
      const random = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      const colour = Float32Array.from({ length: width * height * bands }, () => 255 * random());
      const hole = Uint8Array.from({ length: width * height }, (_, p) =>
        p % width > 10 && p % width < 25 && p > 3 * width && random() < 0.9 ? 1 : 0,
      );
      const kept = Array.from(hole.keys()).filter((p) => hole[p] === 0);
      // every hole pixel copied from a random kept pixel, some left as estimates
      const from = Int32Array.from(hole, (h) =>
        h === 0 || random() < 0.1 ? -1 : kept[Math.floor(random() * kept.length)]!,
      );
      const before = colour.slice();
      const level = { width, height, bands, colour, hole };
      const region = coherentRegions(level, from);
      stitchRegions(level, from);
      const shift = new Map<number, number>();
      for (let p = 0; p < hole.length; p++) {
        for (let c = 0; c < bands; c++) {
          const v = colour[p * bands + c]!;
          expect(Number.isFinite(v)).toBe(true);
          const moved = v - before[p * bands + c]!;
          if (hole[p] === 0) expect(moved).toBe(0);
          const key = region[p]! * bands + c;
          if (!shift.has(key)) shift.set(key, moved);
          expect(moved).toBeCloseTo(shift.get(key)!, 3);
        }
      }
    }
  });
});
