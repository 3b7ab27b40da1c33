import { describe, expect, it } from "vitest";
import { dilateMask, expandMask } from "./job-geometry";

describe("expandMask", () => {
  it("marks exactly the added border", () => {
    const mask = expandMask(5, 4, { top: 1, bottom: 0, left: 2, right: 1 });
    // prettier-ignore
    expect([...mask]).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1]);
  });

  it("is all zero when nothing is added", () => {
    expect(expandMask(3, 2, { top: 0, bottom: 0, left: 0, right: 0 }).every((v) => v === 0)).toBe(
      true,
    );
  });
});

describe("dilateMask", () => {
  it("grows the mask by a Euclidean distance, round rather than square", () => {
    const size = { width: 21, height: 21 };
    const mask = new Uint8Array(21 * 21);
    mask[10 * 21 + 10] = 1;
    const grown = dilateMask(mask, size, 5);
    expect(grown[10 * 21 + 15]).toBe(1); // 5 px right
    expect(grown[10 * 21 + 16]).toBe(0); // 6 px right
    expect(grown[15 * 21 + 15]).toBe(0); // the corner of a square would be inside
    expect(grown.reduce((sum, v) => sum + v, 0)).toBe(81); // lattice points within radius 5
  });

  it("leaves the mask as it is for 0", () => {
    const mask = Uint8Array.from([0, 1, 0, 0]);
    expect([...dilateMask(mask, { width: 2, height: 2 }, 0)]).toEqual([0, 1, 0, 0]);
  });
});
