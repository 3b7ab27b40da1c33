import { describe, expect, it } from "vitest";
import { cutRegion, onGrid, scaleBox } from "./cut-region";
import { selectionToMask } from "./selection";

describe("cutRegion", () => {
  it("clips the box to the image and adds a margin of 10 % of its longer side", () => {
    expect(
      cutRegion({ x: 100, y: 100, width: 200, height: 100 }, { width: 1000, height: 800 }),
    ).toEqual({
      clipped: { x: 100, y: 100, width: 200, height: 100 },
      roi: { x: 80, y: 80, width: 240, height: 140 },
    });
  });

  it("keeps the margin inside the image and refuses a box with almost nothing inside it", () => {
    const region = cutRegion({ x: -50, y: 5, width: 150, height: 30 }, { width: 90, height: 60 });
    expect(region).toEqual({
      clipped: { x: 0, y: 5, width: 90, height: 30 },
      roi: { x: 0, y: 0, width: 90, height: 44 },
    });
    expect(
      cutRegion({ x: 89.5, y: 10, width: 20, height: 20 }, { width: 90, height: 60 }),
    ).toBeNull();
  });
});

describe("scaleBox", () => {
  it("scales the box into the working copy, rounding outwards", () => {
    const roi = { x: 80, y: 80, width: 240, height: 140 };
    const box = { x: 100, y: 100, width: 200, height: 100 };
    expect(scaleBox(box, roi, { width: 24, height: 14 })).toEqual({
      x: 2,
      y: 2,
      width: 20,
      height: 10,
    });
    expect(scaleBox(box, roi, { width: 31, height: 17 })).toEqual({
      x: 2,
      y: 2,
      width: 27,
      height: 13,
    });
  });

  it("always leaves a one-pixel frame of background", () => {
    const roi = { x: 0, y: 0, width: 100, height: 100 };
    expect(scaleBox(roi, roi, { width: 10, height: 10 })).toEqual({
      x: 1,
      y: 1,
      width: 8,
      height: 8,
    });
  });
});

describe("onGrid", () => {
  it("places a coarse cut on whole cells of the image, so it lines up at the cut's own scale", () => {
    // A 40×30 region at (20, 10) cut on a 10×… copy (4 image pixels a cell): its left half.
    const roi = { x: 20, y: 10, width: 40, height: 30 };
    const cut = { mask: new Uint8Array(10 * 8), width: 10, height: 8 };
    for (let y = 0; y < 8; y++) cut.mask.fill(255, y * 10, y * 10 + 5);
    const { selection, step } = onGrid(cut, roi, roi);
    expect(step).toBe(4);
    expect(selection?.box).toEqual({ x: 5, y: 2, width: 5, height: 8 });
    // Back in image pixels: columns 20–39 of rows 8–39 (cells of 4 starting at 8), all selected.
    const mask = selectionToMask(
      selection && {
        box: { x: 0, y: 0, width: selection.box.width, height: selection.box.height },
        data: selection.data,
      },
      5,
      8,
    );
    expect(mask.every((v) => v === 255)).toBe(true);
  });

  it("leaves out cells whose centre is outside the box", () => {
    const roi = { x: 0, y: 0, width: 20, height: 20 };
    const cut = { mask: new Uint8Array(100).fill(255), width: 10, height: 10 };
    const { selection, step } = onGrid(cut, roi, { x: 3, y: 4, width: 10, height: 12 });
    expect(step).toBe(2);
    // Cells 1..6 in x have centres 3..13: 3, 5, 7, 9, 11 are inside [3, 13); in y 5..15 → 2..7.
    expect(selection?.box).toEqual({ x: 1, y: 2, width: 5, height: 6 });
    expect(selection?.data.every((v) => v === 255)).toBe(true);
  });

  it("has no selection for an empty cut", () => {
    const roi = { x: 0, y: 0, width: 8, height: 8 };
    const cut = { mask: new Uint8Array(16), width: 4, height: 4 };
    expect(onGrid(cut, roi, roi)).toEqual({ selection: null, step: 2 });
  });
});
