import { describe, expect, it } from "vitest";
import { cellAxes, sampleCells } from "./fill-level";

describe("sampleCells", () => {
  // two 4-pixel cells side by side, one row: values 0 and 100
  const values = new Float32Array([0, 100]);
  const axes = cellAxes(2, 1, 4, 8, 4);

  it("holds a cell's value at and before its centre", () => {
    expect(sampleCells(values, 1, axes, 0, 0, 0)).toBe(0);
    expect(sampleCells(values, 1, axes, 1, 2, 0)).toBe(0);
    expect(sampleCells(values, 1, axes, 7, 3, 0)).toBe(100);
  });

  it("ramps linearly between cell centres, with no step at the cell edge", () => {
    const row = [2, 3, 4, 5].map((x) => sampleCells(values, 1, axes, x, 1, 0));
    expect(row).toEqual([12.5, 37.5, 62.5, 87.5]);
  });

  it("reads the band asked for", () => {
    const rgb = new Float32Array([1, 2, 3, 1, 2, 3]);
    expect(sampleCells(rgb, 3, axes, 5, 0, 2)).toBe(3);
  });
});
