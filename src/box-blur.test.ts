import { describe, expect, it } from "vitest";
import { boxBlur, weightedBoxMean } from "./box-blur";

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

describe("boxBlur", () => {
  /** the definition: the mean over the box, indices clamped to the plane */
  function reference(plane: number[], width: number, height: number, rx: number, ry: number) {
    const at = (x: number, y: number) =>
      plane[Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))]!;
    const rows = plane.map((_, p) => {
      const x = p % width;
      const y = (p - x) / width;
      let sum = 0;
      for (let k = -rx; k <= rx; k++) sum += at(x + k, y);
      return sum / (2 * rx + 1);
    });
    return rows.map((_, p) => {
      const x = p % width;
      const y = (p - x) / width;
      let sum = 0;
      for (let k = -ry; k <= ry; k++)
        sum += rows[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      return sum / (2 * ry + 1);
    });
  }

  it.each([
    [7, 5, 1, 1],
    [7, 5, 2, 4],
    [3, 9, 6, 0],
    [1, 1, 3, 3],
    [13, 2, 20, 1],
  ])("is the clamped box mean on a %i×%i plane, radii %i and %i", (width, height, rx, ry) => {
    const values = Array.from({ length: width * height }, (_, i) => (i * 37) % 101);
    const plane = Float32Array.from(values);
    boxBlur(plane, width, height, rx, undefined, ry);
    const expected = reference(values, width, height, rx, ry);
    for (let p = 0; p < plane.length; p++) expect(plane[p]).toBeCloseTo(expected[p]!, 3);
  });
});
