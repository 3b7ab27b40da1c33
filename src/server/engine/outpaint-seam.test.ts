import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { edgeBand, fadeInFromMirror } from "./outpaint-seam";

/** A grey level whose top `rows` rows are new (hole): an outpaint above a photo. */
function stripedPhotoBelow(width: number, height: number, rows: number): FillLevel {
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (y < rows) {
        hole[p] = 1;
        colour[p] = 128; // the fill, flat: nothing like the photo's stripes
      } else colour[p] = x % 6 < 3 ? 40 : 220;
    }
  }
  return { width, height, bands: 1, colour, hole };
}

describe("edgeBand", () => {
  it("holds every hole pixel within its depth, each with a kept pixel about as near as the nearest", () => {
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
    const { pixels, nearest } = edgeBand(hole, width, height, depth);
    const found = new Map([...pixels].map((p, n) => [p, nearest[n]!]));
    for (let p = 0; p < hole.length; p++) {
      if (hole[p] === 0) continue;
      const x = p % width;
      const y = (p - x) / width;
      // steps of the brushfire are chessboard steps
      const steps = Math.min(
        ...kept.map(([kx, ky]) => Math.max(Math.abs(x - kx!), Math.abs(y - ky!))),
      );
      expect(found.has(p)).toBe(steps <= depth);
      const q = found.get(p);
      if (q === undefined) continue;
      expect(hole[q]).toBe(0);
      const exact = Math.min(...kept.map(([kx, ky]) => Math.hypot(x - kx!, y - ky!)));
      expect(Math.hypot(x - (q % width), y - Math.floor(q / width))).toBeLessThanOrEqual(
        exact + 1.5,
      );
    }
  });

  it("is empty when nothing is kept", () => {
    expect(edgeBand(new Uint8Array(6).fill(1), 3, 2, 4).pixels.length).toBe(0);
  });
});

describe("fadeInFromMirror", () => {
  it("continues the photo's texture across its edge and hands over to the fill further out", () => {
    const width = 60;
    const level = stripedPhotoBelow(width, 400, 200);
    const before = level.colour.slice();
    fadeInFromMirror(level);
    const row = (y: number) => Array.from(level.colour.subarray(y * width, (y + 1) * width));
    // The first new row is the photo's second row mirrored: the stripes run on, no step.
    expect(row(199)).toEqual(row(201));
    // The band is 1% of 400 px, at least 4: rows farther out keep the fill untouched.
    expect(row(190).every((v) => v === 128)).toBe(true);
    // Inside the band the stripes fade: contrast falls with distance from the edge.
    const contrast = (y: number) => Math.max(...row(y)) - Math.min(...row(y));
    expect(contrast(199)).toBe(180);
    expect(contrast(197)).toBeLessThan(180);
    expect(contrast(197)).toBeGreaterThan(0);
    // Kept pixels are never written.
    for (let p = 200 * width; p < level.colour.length; p++) {
      expect(level.colour[p]).toBe(before[p]);
    }
  });
});
