import { describe, expect, it } from "vitest";
import { valueNoise } from "./prng";

describe("valueNoise", () => {
  const field = (key: number) =>
    Array.from({ length: 64 * 64 }, (_, i) => valueNoise(i % 64, Math.floor(i / 64), key, 6));

  it("stays in [-1, 1], is the same for the same key and differs between keys", () => {
    const a = field(7);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
    expect(field(7)).toEqual(a);
    expect(field(8)).not.toEqual(a);
    // a field, not a constant: it spans most of its range
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(1);
  });

  it("changes smoothly: neighbours a pixel apart differ by a fraction of a cell's change", () => {
    const a = field(3);
    for (let y = 0; y < 64; y++) {
      for (let x = 1; x < 64; x++) {
        expect(Math.abs(a[y * 64 + x]! - a[y * 64 + x - 1]!)).toBeLessThan(0.5);
      }
    }
  });
});
