import { describe, expect, it } from "vitest";
import { sampleEvery } from "./resample";
import { selectionToMask } from "./selection";
import { magicWand } from "./wand";

/** A 20×10 image: left half grey 100, right half grey 110, and a black 3×3 square at (2, 2). */
function image() {
  const width = 20;
  const height = 10;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const v = x >= 2 && x < 5 && y >= 2 && y < 5 ? 0 : x < 10 ? 100 : 110;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  // A second black square, not connected to the first.
  for (let y = 6; y < 8; y++)
    for (let x = 14; x < 16; x++) data.set([0, 0, 0, 255], (y * width + x) * 4);
  return { data, width, height };
}

describe("magicWand", () => {
  it("selects exactly the flat region under the click", () => {
    const img = image();
    const selection = magicWand(img, { x: 3.5, y: 3.2 }, { tolerance: 0, contiguous: true });
    const selected = selectionToMask(selection, img.width, img.height);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++)
        expect(selected[y * img.width + x], `${x},${y}`).toBe(
          x >= 2 && x < 5 && y >= 2 && y < 5 ? 255 : 0,
        );
  });

  it("goes around holes: the grey half without the black square", () => {
    const img = image();
    const selection = magicWand(img, { x: 0, y: 0 }, { tolerance: 5, contiguous: true });
    expect(selection?.box).toEqual({ x: 0, y: 0, width: 10, height: 10 });
    expect(
      selectionToMask(selection, img.width, img.height).reduce((n, v) => n + (v ? 1 : 0), 0),
    ).toBe(100 - 9);
  });

  it("crosses a step in colour when the tolerance allows it", () => {
    const img = image();
    const selection = magicWand(img, { x: 0, y: 0 }, { tolerance: 10, contiguous: true });
    expect(
      selectionToMask(selection, img.width, img.height).reduce((n, v) => n + (v ? 1 : 0), 0),
    ).toBe(200 - 9 - 4);
  });

  it("selects every similar pixel when not contiguous", () => {
    const img = image();
    const selection = magicWand(img, { x: 2, y: 2 }, { tolerance: 0, contiguous: false });
    expect(selection?.box).toEqual({ x: 2, y: 2, width: 14, height: 6 });
    expect(
      selectionToMask(selection, img.width, img.height).reduce((n, v) => n + (v ? 1 : 0), 0),
    ).toBe(13);
  });

  it("returns nothing for a click outside the image", () => {
    expect(magicWand(image(), { x: -1, y: 3 }, { tolerance: 10, contiguous: true })).toBeNull();
  });

  it("on a copy sampled every 4th pixel (the hover preview of a large image) finds the same region, 4× coarser", () => {
    // The 20×10 image enlarged 4× by repeating pixels: 80×40, its black square at 8…19.
    const small = image();
    const big = { data: new Uint8Array(80 * 40 * 4), width: 80, height: 40 };
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 80; x++) {
        const from = ((y >> 2) * 20 + (x >> 2)) * 4;
        big.data.set(small.data.subarray(from, from + 4), (y * 80 + x) * 4);
      }
    const copy = sampleEvery(big, 4);
    expect([copy.width, copy.height]).toEqual([20, 10]);
    expect(copy.data).toEqual(small.data);
    const coarse = magicWand(copy, { x: 13 / 4, y: 13 / 4 }, { tolerance: 0, contiguous: true });
    const full = magicWand(big, { x: 13, y: 13 }, { tolerance: 0, contiguous: true });
    expect(coarse?.box).toEqual({ x: 2, y: 2, width: 3, height: 3 });
    expect(full?.box).toEqual({ x: 8, y: 8, width: 12, height: 12 });
  });
});
