import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { membraneAtScale, membraneFill, thinPlateAtScale } from "./membrane-fill";

function level(width: number, height: number, value: (x: number, y: number) => number): FillLevel {
  const colour = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) colour[y * width + x] = value(x, y);
  }
  return { width, height, bands: 1, colour, hole: new Uint8Array(width * height) };
}

function cutBox(l: FillLevel, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      l.hole[y * l.width + x] = 1;
      l.colour[y * l.width + x] = 0;
    }
  }
}

describe("membraneFill", () => {
  it("rebuilds a linear ramp (a harmonic function) inside the hole and keeps the rest", () => {
    const ramp = level(40, 30, (x, y) => 3 * x + 2 * y);
    cutBox(ramp, 10, 8, 30, 22);
    const filled = membraneFill(ramp);
    for (let y = 0; y < 30; y++) {
      for (let x = 0; x < 40; x++) {
        const i = y * 40 + x;
        if (ramp.hole[i] === 0) expect(filled[i]).toBe(ramp.colour[i]);
        else expect(Math.abs(filled[i]! - (3 * x + 2 * y))).toBeLessThan(0.5);
      }
    }
    expect(ramp.colour[15 * 40 + 20]).toBe(0); // the input level is not written
  });

  it("blends across a hole between two flat regions, nearer side weighing more", () => {
    const edge = level(40, 20, (x) => (x < 20 ? 0 : 200));
    cutBox(edge, 8, 0, 32, 20);
    const row = Array.from(membraneFill(edge).subarray(10 * 40 + 8, 10 * 40 + 32));
    for (let k = 1; k < row.length; k++) expect(row[k]!).toBeGreaterThan(row[k - 1]!);
    expect(row[0]!).toBeLessThan(20);
    expect(row[row.length - 1]!).toBeGreaterThan(180);
  });

  it("solves a big hole at a coarser scale and still rebuilds the ramp", () => {
    // 300×260 hole: 78k pixels, solved two halvings down and read back bilinearly
    const ramp = level(400, 340, (x, y) => 0.3 * x + 0.2 * y);
    cutBox(ramp, 50, 40, 350, 300);
    const filled = membraneAtScale(ramp);
    let worst = 0;
    for (let i = 0; i < filled.length; i++) {
      const x = i % 400;
      const y = (i - x) / 400;
      if (ramp.hole[i] === 0) expect(filled[i]).toBe(ramp.colour[i]);
      else worst = Math.max(worst, Math.abs(filled[i]! - (0.3 * x + 0.2 * y)));
    }
    expect(worst).toBeLessThan(1.5);
  });
});

describe("thinPlateAtScale", () => {
  it("rebuilds a paraboloid (a biharmonic function), which a membrane cannot", () => {
    const bowl = level(60, 50, (x, y) => 0.05 * ((x - 30) ** 2 + (y - 25) ** 2));
    cutBox(bowl, 15, 12, 45, 38);
    const plate = thinPlateAtScale(bowl);
    const membrane = membraneFill(bowl);
    let plateWorst = 0;
    let membraneWorst = 0;
    for (let i = 0; i < plate.length; i++) {
      const x = i % 60;
      const y = (i - x) / 60;
      const truth = 0.05 * ((x - 30) ** 2 + (y - 25) ** 2);
      if (bowl.hole[i] === 0) expect(plate[i]).toBe(bowl.colour[i]);
      else {
        plateWorst = Math.max(plateWorst, Math.abs(plate[i]! - truth));
        membraneWorst = Math.max(membraneWorst, Math.abs(membrane[i]! - truth));
      }
    }
    expect(plateWorst).toBeLessThan(0.5);
    expect(membraneWorst).toBeGreaterThan(5);
  });

  it("carries two dark bars across a hole on white, apart, where a membrane breaks them", () => {
    // two 10 px legs 10 px apart, a hole 24 px deep across both: a membrane breaks legs past
    // about 1.8 times their width, a thin plate about 3 times
    const legs = level(80, 100, (x) => ((x >= 25 && x < 35) || (x >= 45 && x < 55) ? 0 : 255));
    cutBox(legs, 10, 38, 70, 62);
    const dark = (fill: Float32Array, x: number) => fill[50 * 80 + x]! < 128;
    const plate = thinPlateAtScale(legs);
    const membrane = membraneAtScale(legs);
    // halfway down the hole: each leg's middle dark, the gap between them and the sides light
    expect([30, 50].map((x) => dark(plate, x))).toEqual([true, true]);
    expect([15, 40, 65].map((x) => dark(plate, x))).toEqual([false, false, false]);
    expect([30, 50].map((x) => dark(membrane, x))).toEqual([false, false]);
  });
});
