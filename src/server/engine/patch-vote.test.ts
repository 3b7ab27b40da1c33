import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { guideBands } from "./layout-guide";
import { type Nnf, PATCH_RADIUS, patchSites, refreshCosts } from "./patch-match";
import { copyBestPatches, voteBuffers, votePatches } from "./patch-vote";
import { mulberry32 } from "./prng";

/** A grey 32×24 level: a vertical ramp with a 2×2 hole in the middle holding a flat guess. */
function rampLevel(): FillLevel {
  const [width, height] = [32, 24];
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) colour[y * width + x] = x * 10 + (y % 2) * 3;
  }
  for (const [x, y] of [
    [11, 7],
    [12, 7],
    [11, 8],
    [12, 8],
  ] as const) {
    hole[y * width + x] = 1;
    colour[y * width + x] = 100;
  }
  return { width, height, bands: 1, colour, hole };
}

describe("copyBestPatches", () => {
  it("gives each hole pixel the source pixel of its cheapest overlapping patch", () => {
    const level = rampLevel();
    const sites = patchSites(level);
    const { width } = level;
    const match = new Int32Array(width * level.height).fill(-1);
    // Every target copies from 9 columns to its right (wrong colours), except the one centred
    // on the hole's top-left pixel, which copies the true ramp: a source in the same column,
    // eight rows down (same row parity).
    const exact = 7 * width + 11;
    for (const t of sites.targets) match[t] = t + 9;
    match[exact] = exact + 8 * width;
    for (const t of sites.targets) {
      expect(sites.sourceOk[match[t]!]).toBe(1);
    }
    const nnf: Nnf = { match, cost: new Float32Array(width * level.height) };
    refreshCosts(level, sites, nnf);
    const before = level.colour.slice();
    copyBestPatches(level, sites, nnf);
    // The exact patch covers the whole hole (radius ≥ 1) and matches best, so the hole takes
    // the true ramp values.
    expect(PATCH_RADIUS).toBeGreaterThanOrEqual(1);
    expect(level.colour[7 * width + 11]).toBe(110 + 3);
    expect(level.colour[7 * width + 12]).toBe(120 + 3);
    expect(level.colour[8 * width + 11]).toBe(110);
    expect(level.colour[8 * width + 12]).toBe(120);
    for (let p = 0; p < level.hole.length; p++) {
      if (level.hole[p] === 0) expect(level.colour[p]).toBe(before[p]);
    }
  });
});

describe("votePatches with a hold", () => {
  /**
   * A 40×20 grey level: white with a black bar down column 4, and a hole on the right (x ≥ 26)
   * whose guide is white, its unguided fill trusted by `trust` everywhere. Every target copies a
   * source whose patch holds the bar in its left column, so any vote brings some of it along.
   */
  function barredOutpaint(trust: number): FillLevel {
    const [width, height] = [40, 20];
    const colour = new Float32Array(width * height).fill(255);
    const hole = new Uint8Array(width * height);
    const guide = new Float32Array(width * height * guideBands(1)).fill(255);
    for (let y = 0; y < height; y++) {
      colour[y * width + 4] = 0;
      for (let x = 26; x < width; x++) {
        hole[y * width + x] = 1;
        colour[y * width + x] = 128;
        guide[(y * width + x) * guideBands(1) + 1] = 0;
      }
    }
    return {
      width,
      height,
      bands: 1,
      colour,
      hole,
      guide,
      trust: new Float32Array(width * height).fill(trust),
    };
  }

  function voteOnce(level: FillLevel): void {
    const sites = patchSites(level);
    const match = new Int32Array(level.width * level.height).fill(-1);
    // every target's source is centred PATCH_RADIUS columns right of the bar, in its own row
    // as far as the source patch fits
    for (const t of sites.targets) {
      const row = Math.floor(t / level.width);
      const y = Math.min(level.height - 1 - PATCH_RADIUS, Math.max(PATCH_RADIUS, row));
      match[t] = y * level.width + 4 + PATCH_RADIUS;
      expect(sites.sourceOk[match[t]!]).toBe(1);
    }
    const nnf: Nnf = { match, cost: new Float32Array(level.width * level.height) };
    refreshCosts(level, sites, nnf);
    votePatches(level, sites, nnf, mulberry32(0), voteBuffers(level), true);
  }

  const darkest = (level: FillLevel) => {
    let d = 255;
    for (let p = 0; p < level.hole.length; p++)
      if (level.hole[p]) d = Math.min(d, level.colour[p]!);
    return d;
  };

  it("averages the bar in where nothing holds the vote", () => {
    const level = barredOutpaint(1);
    voteOnce(level);
    expect(darkest(level)).toBeLessThan(230);
  });

  it("keeps the colours that agree with the guide, or the guide's own, where the vote is held", () => {
    const level = barredOutpaint(0);
    voteOnce(level);
    expect(darkest(level)).toBeGreaterThan(250);
    for (let p = 0; p < level.hole.length; p++) {
      if (level.hole[p] === 0) expect(level.colour[p]).toBe(p % level.width === 4 ? 0 : 255);
    }
  });
});
