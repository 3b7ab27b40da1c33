import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { patchSites } from "./patch-match";
import { mulberry32 } from "./prng";
import { rareSources, withoutRare } from "./rare-sources";

/** Grey noise around 100 with one bright 5×5 square at (sx, sy); the bottom rows are the hole. */
function noiseWithSquare(width: number, height: number, sx: number, sy: number): FillLevel {
  const random = mulberry32(3);
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const inSquare = Math.abs(x - sx) <= 2 && Math.abs(y - sy) <= 2;
      colour[p] = inSquare ? 240 : 90 + random() * 20;
      if (y >= height - 8) hole[p] = 1;
    }
  }
  return { width, height, bands: 1, colour, hole };
}

describe("rare sources", () => {
  it("marks the one thing unlike the rest, not the texture around it", () => {
    const level = noiseWithSquare(40, 30, 20, 10);
    const sites = patchSites(level);
    const rare = rareSources(level, sites);
    expect(rare).not.toBeNull();
    // the square's centre is covered; a far corner of plain noise is not
    expect(rare![10 * 40 + 20]).toBe(1);
    expect(rare![4 * 40 + 4]).toBe(0);
    // at most the share asked for (10% of the centres, each with its 3×3 neighbourhood)
    const marked = rare!.reduce((n, v) => n + v, 0);
    expect(marked).toBeLessThanOrEqual(9 * Math.floor(sites.sources.length * 0.1));
  });

  it("leaves nothing out when there are too few sources to spare", () => {
    const level = noiseWithSquare(16, 18, 8, 5);
    expect(rareSources(level, patchSites(level))).toBeNull();
  });

  it("leaves a finer level's sources out wherever their patch covers a rare coarse pixel", () => {
    const level = noiseWithSquare(80, 60, 40, 20);
    const sites = patchSites(level);
    const rare = new Uint8Array(40 * 30);
    rare[10 * 40 + 20] = 1; // the square's coarse pixel, at half scale
    const kept = withoutRare(level, sites, { width: 40, height: 30, rare }, 2);
    expect(kept.sourceOk[20 * 80 + 40]).toBe(0); // on the square
    expect(kept.sourceOk[20 * 80 + 43]).toBe(0); // its patch reaches over it
    expect(kept.sourceOk[20 * 80 + 50]).toBe(1); // clear of it
    expect(kept.sources.length).toBe(sites.sources.length - countOff(kept.sourceOk, sites));
  });
});

function countOff(sourceOk: Uint8Array, sites: ReturnType<typeof patchSites>): number {
  let n = 0;
  for (const s of sites.sources) if (sourceOk[s] === 0) n++;
  return n;
}
