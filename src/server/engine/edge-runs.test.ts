import { describe, expect, it } from "vitest";
import { cutByTheFrame, cutOnTheRight } from "../testing/cut-by-the-frame";
import { runShares, runsAndBehind } from "./edge-runs";

describe("runShares", () => {
  const level = cutByTheFrame();
  const w = level.width;
  const runs = runShares(level);
  const at = (x: number, y: number) => runs[y * w + x]!;

  it("carries a colour that runs across the photo all the way out", () => {
    expect(at(39, 5)).toBe(1);
    // the plain grey runs across the photo too
    expect(at(39, 9)).toBe(1);
  });

  it("carries a colour that runs a short way in only as far out as it runs in", () => {
    // the block runs from x 26 back to 22: five pixels of colour, so a pixel d out gets 5 / d
    expect(at(28, 14)).toBe(1);
    expect(at(36, 14)).toBeCloseTo(5 / 10, 5);
    expect(at(39, 14)).toBeCloseTo(5 / 13, 5);
  });

  it("is 1 on kept pixels", () => {
    expect(at(10, 14)).toBe(1);
  });
});

describe("runShares on a texture", () => {
  // rows 8–12 a fine checkerboard of 60 and 150 (grass, a forest floor), the rest plain 100,
  // cut off from x 40: pixel by pixel the texture runs no way back, as a region all the way
  const level = cutOnTheRight(60, 20, 40, (x, y) =>
    y >= 8 && y <= 12 ? ((x + y) % 2 === 0 ? 60 : 150) : 100,
  );
  const runs = runShares(level);

  it("carries a texture that runs back as a region, though no two neighbours match", () => {
    expect(runs[10 * 60 + 55]!).toBe(1);
    expect(runs[10 * 60 + 59]!).toBe(1);
  });
});

describe("runsAndBehind", () => {
  it("reads what lies past a thing the frame cut, and carries it as far as it runs in", () => {
    // the block (rows 13–15) runs from x 26 back to 22; behind it the plain grey, from x 19
    // (two pixels clear of its rim) back to the photo's other side
    const level = cutByTheFrame();
    const w = level.width;
    const { share, pixel, behindShare } = runsAndBehind(level);
    const p = 14 * w + 36;
    expect(share[p]).toBeCloseTo(5 / 10, 5);
    expect(pixel[p]).toBe(14 * w + 19);
    expect(level.colour[pixel[p]!]).toBe(100);
    expect(behindShare[p]).toBe(1);
    // the horizon runs all the way: nothing lies behind it
    expect(pixel[5 * w + 36]).toBe(-1);
  });

  it("reads nothing past a backdrop: what stands behind it is the subject", () => {
    // a white backdrop, a dark thing standing on it from x 20 in: atypical of the edge
    const level = cutOnTheRight(40, 20, 27, (x, y) => (x < 20 && y >= 5 && y <= 15 ? 30 : 230));
    const { share, pixel } = runsAndBehind(level);
    expect(share[10 * 40 + 36]).toBeLessThan(1);
    expect(pixel[10 * 40 + 36]).toBe(-1);
  });

  it("reads nothing past a gradient, whose run ends with no step", () => {
    // a sky lightening by 4 grey levels a pixel towards the edge runs 8 pixels in
    const level = cutOnTheRight(40, 20, 27, (x) => 100 + 4 * x);
    const { share, pixel } = runsAndBehind(level);
    expect(share[10 * 40 + 36]).toBeLessThan(1);
    expect(pixel[10 * 40 + 36]).toBe(-1);
  });
});
