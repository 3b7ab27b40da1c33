import { describe, expect, it } from "vitest";
import { cutOnTheRight } from "../testing/cut-by-the-frame";
import { edgeGrain, grainAcross } from "./edge-grain";

/** A 90×60 grey photo whose right third is cut off, drawn by `shade(x, y)`. */
function rightOutpaint(shade: (x: number, y: number) => number) {
  const w = 90;
  const level = cutOnTheRight(w, 60, 60, shade);
  return {
    across: grainAcross(level, edgeGrain(level, 4, 2)),
    at: (x: number, y: number) => y * w + x,
  };
}

describe("grainAcross", () => {
  it("is 1 where a horizon meets the edge squarely, 0 where the photo is plain", () => {
    const { across, at } = rightOutpaint((_, y) => (y < 30 ? 200 : 40));
    expect(across[at(80, 29)]).toBeCloseTo(1, 5);
    expect(across[at(80, 31)]).toBeCloseTo(1, 5);
    // no gradient at all far from the horizon: no grain to carry
    expect(across[at(80, 5)]).toBe(0);
  });

  it("is 0 where the grain runs along the edge or across it slantwise", () => {
    const along = rightOutpaint((x) => (Math.floor(x / 4) % 2 === 0 ? 200 : 40));
    expect(Math.max(...along.across)).toBe(0);
    const slanted = rightOutpaint((x, y) => (Math.floor((x + y) / 4) % 2 === 0 ? 200 : 40));
    expect(Math.max(...slanted.across)).toBe(0);
  });

  it("is 0 on kept pixels", () => {
    const { across, at } = rightOutpaint((_, y) => (y < 30 ? 200 : 40));
    expect(across[at(50, 30)]).toBe(0);
  });
});
