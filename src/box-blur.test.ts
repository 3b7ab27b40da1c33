import { describe, expect, it } from "vitest";
import { weightedBoxMean } from "./box-blur";

describe("weightedBoxMean", () => {
  it("averages only the samples that count, and is 0 where none falls in the box", () => {
    // 7×1: counted samples 10 (x = 0) and 40 (x = 2); the uncounted 1000 must not leak in
    const values = [10, 1000, 40, 1000, 1000, 1000, 1000];
    const weights = [1, 0, 1, 0, 0, 0, 0];
    const mean = weightedBoxMean(values, weights, 7, 1, 1);
    expect(mean[1]).toBeCloseTo(25, 4);
    expect(mean[2]).toBeCloseTo(40, 4);
    expect(mean[5]).toBe(0);
  });

  it("weights each sample by its weight", () => {
    const mean = weightedBoxMean([10, 40, 0], [3, 1, 0], 3, 1, 1);
    expect(mean[1]).toBeCloseTo((3 * 10 + 40) / 4, 4);
  });
});
