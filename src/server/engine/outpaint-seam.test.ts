import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { fadeInFromMirror } from "./outpaint-seam";

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

  it("carries a slanted grain straight across the edge, where a mirror would turn it", () => {
    // A photo on the right (x ≥ 40) of diagonal stripes, lines x + y = const; new area on the
    // left, filled flat. Mirrored, the band's stripes ran x − y = const: a column of chevrons.
    const width = 80;
    const height = 80;
    const stripes = (x: number, y: number) => ((x + y) % 8 < 4 ? 40 : 220);
    const colour = new Float32Array(width * height);
    const hole = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        hole[y * width + x] = x < 40 ? 1 : 0;
        colour[y * width + x] = x < 40 ? 128 : stripes(x, y);
      }
    }
    fadeInFromMirror({ width, height, bands: 1, colour, hole });
    let continued = 0;
    let mirrored = 0;
    for (let y = 10; y < 70; y++) {
      const v = colour[y * width + 39];
      if (v === stripes(39, y)) continued++;
      if (v === stripes(41, y)) mirrored++;
    }
    expect(continued).toBe(60);
    expect(mirrored).toBeLessThan(40);
  });
});
