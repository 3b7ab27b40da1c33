import { describe, expect, it } from "vitest";
import { robustSpread } from "./robust-spread";

describe("robustSpread", () => {
  it("is the median and three robust deviations, unmoved by a far minority", () => {
    // a sky of 29–31 with a white rocket on a fifth of the border
    const sky = Array.from({ length: 81 }, (_, i) => 29 + (i % 3));
    const values = [...sky, ...Array.from({ length: 19 }, () => 250)];
    const { median, tolerance } = robustSpread(values, 0);
    expect(median).toBe(30);
    // deviations: 0 for a third of the sky, 1 for the rest of it → MAD 1, so 3 × 1.4826
    expect(tolerance).toBeCloseTo(4.4478, 4);
  });

  it("never tolerates less than the floor, and anything without values", () => {
    expect(robustSpread([10, 10, 10], 16)).toEqual({ median: 10, tolerance: 16 });
    expect(robustSpread([], 16).tolerance).toBe(Number.POSITIVE_INFINITY);
  });
});
