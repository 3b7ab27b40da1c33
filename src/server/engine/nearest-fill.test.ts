import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { nearestFill, nearestKept } from "./nearest-fill";

function level(w: number, h: number, kept: (x: number, y: number) => boolean): FillLevel {
  const colour = new Float32Array(w * h);
  const hole = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (kept(x, y)) colour[i] = 100 + y * 10 + x;
      else hole[i] = 1;
    }
  }
  return { width: w, height: h, bands: 1, colour, hole };
}

describe("nearestFill", () => {
  it("continues each row of a straight edge outward", () => {
    const l = level(40, 10, (x) => x < 20);
    const filled = nearestFill(l);
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 40; x++) {
        // kept pixels as they were; hole pixels take the kept pixel at the end of their row
        expect(filled[y * 40 + x]).toBe(100 + y * 10 + Math.min(x, 19));
      }
    }
    expect(l.colour[5 * 40 + 30]).toBe(0); // the input is not written
  });

  it("gives the area beyond a corner the corner's value", () => {
    const filled = nearestFill(level(30, 30, (x, y) => x < 10 && y < 10));
    expect(filled[25 * 30 + 25]).toBe(100 + 9 * 10 + 9);
    expect(filled[25 * 30 + 5]).toBe(100 + 9 * 10 + 5); // straight below the block
    expect(filled[5 * 30 + 25]).toBe(100 + 5 * 10 + 9); // straight right of it
  });
});

describe("nearestKept", () => {
  it("reaches every hole pixel within its steps, each with a kept pixel about as near as the nearest", () => {
    const width = 40;
    const height = 30;
    const hole = new Uint8Array(width * height).fill(1);
    const kept = [
      [5, 5],
      [33, 8],
      [20, 25],
      [2, 28],
    ];
    for (const [x, y] of kept) hole[y! * width + x!] = 0;
    const depth = 6;
    const nearest = nearestKept(hole, width, height, depth);
    for (let p = 0; p < hole.length; p++) {
      if (hole[p] === 0) continue;
      const x = p % width;
      const y = (p - x) / width;
      // steps of the brushfire are chessboard steps
      const steps = Math.min(
        ...kept.map(([kx, ky]) => Math.max(Math.abs(x - kx!), Math.abs(y - ky!))),
      );
      // the first ring is the hole's 4-connected edge, each later one a chessboard step out
      if (steps < depth) expect(nearest[p]).toBeGreaterThanOrEqual(0);
      if (steps > depth) expect(nearest[p]).toBe(-1);
      const q = nearest[p]!;
      if (q < 0) continue;
      expect(hole[q]).toBe(0);
      const exact = Math.min(...kept.map(([kx, ky]) => Math.hypot(x - kx!, y - ky!)));
      expect(Math.hypot(x - (q % width), y - Math.floor(q / width))).toBeLessThanOrEqual(
        exact + 1.5,
      );
    }
  });

  it("is -1 everywhere when nothing is kept", () => {
    expect([...nearestKept(new Uint8Array(6).fill(1), 3, 2)]).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});
