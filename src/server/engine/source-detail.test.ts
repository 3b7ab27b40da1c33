import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { patchCost, patchSites } from "./patch-match";
import { calmUntrustedDetail, fineDetail, halveDetail, sourceDetail } from "./source-detail";

function greyLevel(
  width: number,
  height: number,
  value: (x: number, y: number) => number,
  inHole: (x: number, y: number) => boolean,
): FillLevel {
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      colour[y * width + x] = value(x, y);
      hole[y * width + x] = inHole(x, y) ? 1 : 0;
    }
  }
  return { width, height, bands: 1, colour, hole };
}

const checker = (x: number, y: number) => ((x + y) % 2 === 0 ? 0 : 100);

describe("fineDetail", () => {
  it("averages |∂x| + |∂y| over each block, between kept pixels only", () => {
    // left half flat 50, right half a checker of 0 and 100; the right half's lower rows are hole
    const level = greyLevel(
      16,
      8,
      (x, y) => (x < 8 ? 50 : checker(x, y)),
      (x, y) => x >= 8 && y >= 4,
    );
    const plane = fineDetail(level, 8);
    expect(plane.length).toBe(2);
    // The flat block steps by 50 only into the checker, in its last column; of that column's 7
    // measurable pixels the 3 beside the hole are not measured (4 × 50 over 53 pixels).
    expect(plane[0]).toBeCloseTo((4 * 50) / 53, 5);
    // the checker's kept pixels step by 100 both ways; its hole rows are not counted
    expect(plane[1]).toBeCloseTo(200, 5);
  });

  it("is halved to the next level as the mean of each 2×2 block, rounding the size up", () => {
    const plane = Float32Array.from([0, 4, 8, 0, 4, 8, 2, 2, 2]);
    expect(Array.from(halveDetail(plane, 3, 3))).toEqual([2, 8, 2, 2]);
  });
});

describe("sourceDetail", () => {
  // An outpaint to the right of a photo whose upper half is a plain sky and lower half a
  // lattice: sources in the lattice are busy, and new pixels beside the sky should not be.
  const level = greyLevel(
    48,
    40,
    (x, y) => (x >= 24 ? 0 : y < 20 ? 110 : checker(x, y)),
    (x) => x >= 24,
  );
  const sites = patchSites(level);
  const detail = sourceDetail(level, sites, fineDetail(level, 1));
  const at = (a: Float32Array, x: number, y: number) => a[y * level.width + x]!;

  it("measures each source patch's detail", () => {
    expect(at(detail.source, 10, 5)).toBe(0);
    expect(at(detail.source, 10, 32)).toBeCloseTo(200, 0);
  });

  it("expects a target to be as busy as the photo's edge near it", () => {
    expect(at(detail.expected, 36, 4)).toBeLessThan(40);
    expect(at(detail.expected, 36, 36)).toBeGreaterThan(150);
  });

  it("makes a source busier than expected cost more, in full where the fill is not trusted", () => {
    const target = 5 * level.width + 30;
    const calm = 5 * level.width + 10;
    const busy = 32 * level.width + 10;
    const extra = (source: number, trust: number) => {
      level.trust = new Float32Array(level.width * level.height).fill(trust);
      level.detail = undefined;
      const plain = patchCost(level, target, source, Number.POSITIVE_INFINITY);
      level.detail = detail;
      return patchCost(level, target, source, Number.POSITIVE_INFINITY) - plain;
    };
    const untrusted = extra(busy, 0);
    expect(untrusted).toBeGreaterThan(1e6);
    expect(extra(busy, 0.5)).toBeCloseTo(untrusted / 2, -2);
    expect(extra(busy, 1)).toBe(0);
    // a source no busier than expected pays nothing
    expect(extra(calm, 0)).toBe(0);
  });
});

describe("calmUntrustedDetail", () => {
  // A row whose first two pixels are the photo and the rest new area, every target expecting
  // the edge's detail of 10.
  const row = (trust: number): FillLevel => {
    const width = 12;
    const hole = new Uint8Array(width).fill(1, 2);
    return {
      width,
      height: 1,
      bands: 1,
      colour: new Float32Array(width),
      hole,
      trust: new Float32Array(width).fill(trust),
      detail: { source: new Float32Array(width), expected: new Float32Array(width).fill(10) },
    };
  };

  it("calms the expected detail with distance where the unguided fill is not trusted", () => {
    const level = row(0);
    calmUntrustedDetail(level, 2);
    const expected = level.detail!.expected;
    // the photo keeps its own; a new pixel d away expects 10 · e^(−d / (6 cells · 2 px))
    expect(expected[1]).toBe(10);
    expect(expected[2]).toBeCloseTo(10 * Math.exp(-1 / 12), 4);
    expect(expected[11]).toBeCloseTo(10 * Math.exp(-10 / 12), 4);
  });

  it("leaves it where the unguided fill is clearly trusted", () => {
    const level = row(0.5);
    calmUntrustedDetail(level, 2);
    expect(Array.from(level.detail!.expected)).toEqual(new Array(12).fill(10));
  });
});
