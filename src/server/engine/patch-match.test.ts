import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { nearestKept } from "./nearest-fill";
import { type Nnf, patchCost, patchSites, upsampleNnf } from "./patch-match";
import { mulberry32 } from "./prng";

/** A grey level whose right half, from column `from`, is hole. */
function rightHoleLevel(size: number, from: number): FillLevel {
  const hole = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) hole.fill(1, y * size + from, (y + 1) * size);
  return { width: size, height: size, bands: 1, colour: new Float32Array(size * size), hole };
}

describe("upsampleNnf", () => {
  it("moves a carried-up match that is no source here to the nearest source, not a random one", () => {
    const coarse = rightHoleLevel(32, 16);
    const fine = rightHoleLevel(64, 32);
    // every coarse target copies from 12 columns to its left, or the nearest source column
    const coarseSites = patchSites(coarse);
    const match = new Int32Array(32 * 32).fill(-1);
    for (const t of coarseSites.targets) {
      match[t] = coarseSites.sourceOk[t - 12] === 1 ? t - 12 : t - (t % 32) + 12;
    }
    const coarseNnf: Nnf = { match, cost: new Float32Array(32 * 32) };
    // This level's sources leave out columns 6–15 (as a shorter reach or a rare source does).
    const sites = patchSites(fine);
    for (const s of sites.sources) if (s % 64 >= 6 && s % 64 <= 15) sites.sourceOk[s] = 0;
    sites.sources = sites.sources.filter((s) => sites.sourceOk[s] === 1);

    const nnf = upsampleNnf(coarseNnf, coarse, fine, sites, mulberry32(1));
    let moved = 0;
    for (const t of sites.targets) {
      const s = nnf.match[t]!;
      expect(sites.sourceOk[s]).toBe(1);
      // the fine target keeps its coarse parent's offset, doubled
      const x = t % 64;
      const y = Math.floor(t / 64);
      const parent = (y >> 1) * 32 + (x >> 1);
      if (match[parent]! < 0) continue; // along the level's edge: a neighbour's parent is used
      const intended = t + 2 * (match[parent]! - parent);
      if (s === intended) continue;
      moved++;
      // the intended column was excluded: the match is the nearest usable one in the same row
      expect(Math.floor(s / 64)).toBe(Math.floor(intended / 64));
      expect(Math.abs((s % 64) - (intended % 64))).toBeLessThanOrEqual(5);
    }
    expect(moved).toBeGreaterThan(100);
  });
});

describe("patchCost's locality", () => {
  it("costs nothing within the reach of the target's nearest photo pixel, more the further beyond", () => {
    // a flat grey level: every patch matches every other, so only the locality tells them apart
    const level = rightHoleLevel(64, 40);
    level.colour.fill(100);
    level.locality = { nearest: nearestKept(level.hole, 64, 64), reach: 10 };
    const target = 32 * 64 + 44; // 5 px out; its nearest photo pixel is (39, 32)
    const at = (x: number) => 32 * 64 + x;
    const cost = (x: number) => patchCost(level, target, at(x), Number.POSITIVE_INFINITY);
    expect(cost(30)).toBe(0); // 9 px from (39, 32)
    expect(cost(20)).toBeGreaterThan(0); // 19 px
    expect(cost(5)).toBeGreaterThan(cost(20)); // 34 px
    // the cost grows with the square of the distance beyond the reach
    expect(cost(5) / cost(20)).toBeCloseTo((24 / 9) ** 2, 5);
  });
});
