import { describe, expect, it } from "vitest";
import { edgeGrain, grainAcross } from "./edge-grain";
import { cropLevel } from "./fill-level";

/** A 90×60 grey photo whose right third is cut off, drawn by `shade(x, y)`. */
function rightOutpaint(shade: (x: number, y: number) => number) {
  const [w, h] = [90, 60];
  const pixels = new Uint8Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = shade(x, y);
      if (x >= 60) mask[y * w + x] = 1;
    }
  }
  const level = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
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
