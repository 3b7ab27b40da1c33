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
});
