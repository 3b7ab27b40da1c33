import { describe, expect, it } from "vitest";
import { copyAlongField, copyMatchedPixels } from "./field-copy";
import type { FillLevel } from "./fill-level";
import { patchSites } from "./patch-match";

describe("copyAlongField", () => {
  it("gives a level too big to search the kept texture its coarser field points at", () => {
    // 64×32 grey level: a fine checker kept on the left, the right half a flat upscale estimate
    const width = 64;
    const height = 32;
    const colour = new Float32Array(width * height);
    const hole = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        if (x >= 32) {
          hole[p] = 1;
          colour[p] = 128;
        } else colour[p] = (x + y) % 2 === 0 ? 30 : 220;
      }
    }
    // a field on a level four times coarser (16×8): each hole cell copies from 6 cells left
    const fw = 16;
    const fh = 8;
    const match = new Int32Array(fw * fh).fill(-1);
    for (let y = 0; y < fh; y++) for (let x = 8; x < fw; x++) match[y * fw + x] = y * fw + x - 6;
    const field = {
      nnf: { match, cost: new Float32Array(fw * fh) },
      width: fw,
      height: fh,
      factor: 4,
    };
    const before = colour.slice();
    copyAlongField({ width, height, bands: 1, colour, hole } satisfies FillLevel, field, 5);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        // the offset scaled up is 24 pixels: the checker carries on, pixel for pixel
        if (hole[p]) expect(colour[p]).toBe(before[p - 24]);
        else expect(colour[p]).toBe(before[p]);
      }
    }
  });

  it("keeps the upscale where the offset lands on no kept pixel", () => {
    const colour = new Float32Array(16).fill(50);
    const hole = new Uint8Array(16).fill(1);
    const match = new Int32Array(4).fill(0); // every cell points at cell 0: itself a hole here
    const field = { nnf: { match, cost: new Float32Array(4) }, width: 2, height: 2, factor: 2 };
    copyAlongField({ width: 4, height: 4, bands: 1, colour, hole }, field, 1);
    expect([...colour]).toEqual(new Array(16).fill(50));
  });
});

describe("copyMatchedPixels", () => {
  it("gives the frame's rim, too near the edge to be patch centres, its neighbours' texture", () => {
    // 60×20 grey level: a checker kept on the left, the right third a flat 128 estimate that
    // runs off the level's right edge (an outpaint); every centre copies from 24 columns left
    const width = 60;
    const height = 20;
    const colour = new Float32Array(width * height);
    const hole = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = y * width + x;
        if (x >= 40) {
          hole[p] = 1;
          colour[p] = 128;
        } else colour[p] = (x + y) % 2 === 0 ? 30 : 220;
      }
    }
    const level: FillLevel = { width, height, bands: 1, colour, hole };
    const sites = patchSites(level);
    const match = new Int32Array(width * height).fill(-1);
    for (const t of sites.targets) if (hole[t]) match[t] = t - 24;
    const before = colour.slice();
    const from = copyMatchedPixels(level, sites, { match, cost: new Float32Array(width * height) });
    // every hole pixel, the rim along the right, top and bottom edges included, is the checker
    // 24 columns to its left (before, the rim kept 128)
    for (let p = 0; p < hole.length; p++) {
      if (hole[p]) {
        expect(colour[p]).toBe(before[p - 24]);
        expect(from[p]).toBe(p - 24);
      } else expect(colour[p]).toBe(before[p]);
    }
  });
});
