import { describe, expect, it } from "vitest";
import { dividerStart, outpaintColumns, paintedColumns } from "./divider-start";

/** A mask as RGBA, its red channel painted where `painted(x, y)`. */
function rgbaMask(width: number, height: number, painted: (x: number, y: number) => number) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = painted(x, y);
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  return rgba;
}

describe("paintedColumns", () => {
  it("spans the leftmost and rightmost painted pixel over all rows", () => {
    const rgba = rgbaMask(10, 4, (x, y) =>
      (y === 1 && x === 3) || (y === 3 && x === 7) ? 255 : 0,
    );
    expect(paintedColumns(rgba, 10, 4)).toEqual({ from: 3, to: 7 });
  });

  it("counts the grey a reduced read leaves of a thin stroke", () => {
    const rgba = rgbaMask(10, 2, (x) => (x === 9 ? 12 : 0));
    expect(paintedColumns(rgba, 10, 2)).toEqual({ from: 9, to: 9 });
  });

  it("reads a coloured outline over transparency as painted where it is drawn", () => {
    const rgba = new Uint8ClampedArray(6 * 2 * 4);
    rgba.set([0, 80, 255, 255], (1 * 6 + 4) * 4);
    expect(paintedColumns(rgba, 6, 2)).toEqual({ from: 4, to: 4 });
  });

  it("is null for an empty mask", () => {
    expect(
      paintedColumns(
        rgbaMask(5, 5, () => 0),
        5,
        5,
      ),
    ).toBeNull();
  });
});

describe("outpaintColumns", () => {
  it("takes the wider strip beside the photo", () => {
    expect(outpaintColumns(1000, { x: 100, y: 0, width: 600, height: 400 })).toEqual({
      from: 700,
      to: 999,
    });
    expect(outpaintColumns(1000, { x: 300, y: 0, width: 700, height: 400 })).toEqual({
      from: 0,
      to: 299,
    });
  });

  it("takes the left strip when both are as wide", () => {
    expect(outpaintColumns(800, { x: 100, y: 0, width: 600, height: 400 })).toEqual({
      from: 0,
      to: 99,
    });
  });

  it("is null when only rows were added", () => {
    expect(outpaintColumns(600, { x: 0, y: 100, width: 600, height: 400 })).toBeNull();
  });
});

describe("dividerStart", () => {
  it("starts in the middle of the changed columns", () => {
    expect(dividerStart(1000, { from: 400, to: 599 })).toBe(50);
    expect(dividerStart(1000, { from: 600, to: 799 })).toBe(70);
  });

  it("moves a change near the edge toward the grabbable range, still crossing it", () => {
    // The sample's post: columns 0–56 of 1200. Its middle (2.4%) is moved in, to the end of the
    // post's middle half, so both sides of the divider show part of the post.
    const start = dividerStart(1200, { from: 0, to: 56 });
    expect(start).toBe(3.6);
    expect(start).toBeGreaterThan((56 / 1200) * 100 * 0.5);
    expect(start).toBeLessThan((57 / 1200) * 100);
  });

  it("stays within 15–85% when the change is wide enough", () => {
    expect(dividerStart(1000, { from: 0, to: 399 })).toBe(20);
    expect(dividerStart(1000, { from: 0, to: 199 })).toBe(15);
    expect(dividerStart(1000, { from: 900, to: 999 })).toBe(92.5);
    expect(dividerStart(1000, { from: 700, to: 999 })).toBe(85);
  });

  it("keeps the middle when nothing is known to have changed", () => {
    expect(dividerStart(1000, null)).toBe(50);
    expect(dividerStart(0, { from: 0, to: 0 })).toBe(50);
  });
});
