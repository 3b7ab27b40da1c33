import { describe, expect, it } from "vitest";
import { shortAxis } from "./mask-geometry";

/** A 40×40 mask of the pixels `inside` says are in. */
function mask(inside: (x: number, y: number) => boolean): Uint8Array {
  const m = new Uint8Array(40 * 40);
  for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) m[y * 40 + x] = inside(x, y) ? 1 : 0;
  return m;
}

describe("shortAxis", () => {
  it("points across a tall bar", () => {
    const [dx, dy] = shortAxis(
      mask((x, y) => x >= 18 && x < 22 && y >= 5 && y < 35),
      40,
    );
    expect(Math.abs(dx)).toBeCloseTo(1, 5);
    expect(dy).toBeCloseTo(0, 5);
  });

  it("points across a wide bar", () => {
    const [dx, dy] = shortAxis(
      mask((x, y) => y >= 18 && y < 22 && x >= 5 && x < 35),
      40,
    );
    expect(dx).toBeCloseTo(0, 5);
    expect(Math.abs(dy)).toBeCloseTo(1, 5);
  });

  it("points across a diagonal stroke", () => {
    const [dx, dy] = shortAxis(
      mask((x, y) => Math.abs(x - y) <= 2),
      40,
    );
    // perpendicular to (1, 1)
    expect(Math.abs(dx + dy)).toBeLessThan(1e-6);
    expect(Math.hypot(dx, dy)).toBeCloseTo(1, 6);
  });
});
