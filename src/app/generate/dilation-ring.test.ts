import { describe, expect, it } from "vitest";
import { growMask } from "../editor/raster/morphology";
import { dilationRing, ringPixels } from "./dilation-ring";

function square(width: number, height: number, x0: number, y0: number, side: number) {
  const data = new Uint8Array(width * height);
  for (let y = y0; y < y0 + side; y++) data.fill(255, y * width + x0, y * width + x0 + side);
  return { data, width, height };
}

describe("dilationRing", () => {
  it("is exactly what growing the whole mask adds, placed in its box", () => {
    const mask = square(64, 48, 20, 10, 8);
    const ring = dilationRing(mask, 5);
    if (!ring) throw new Error("expected a ring");
    expect(ring.box).toEqual({ x: 15, y: 5, width: 18, height: 18 });
    const grown = growMask(mask, 5);
    for (let y = 0; y < mask.height; y++) {
      for (let x = 0; x < mask.width; x++) {
        const inBox =
          x >= ring.box.x &&
          y >= ring.box.y &&
          x < ring.box.x + ring.box.width &&
          y < ring.box.y + ring.box.height;
        const inRing =
          inBox && ring.data[(y - ring.box.y) * ring.box.width + x - ring.box.x] === 255;
        const added = grown[y * mask.width + x] === 255 && mask.data[y * mask.width + x] !== 255;
        expect(inRing, `${x},${y}`).toBe(added);
      }
    }
  });

  it("grows with the distance and is clipped to the image", () => {
    const mask = square(40, 30, 0, 0, 6);
    const small = dilationRing(mask, 2);
    const large = dilationRing(mask, 10);
    expect(ringPixels(large)).toBeGreaterThan(ringPixels(small));
    expect(large?.box).toEqual({ x: 0, y: 0, width: 16, height: 16 });
  });

  it("is null with nothing painted or nothing to add", () => {
    expect(dilationRing(square(10, 10, 0, 0, 0), 5)).toBeNull();
    expect(dilationRing(square(10, 10, 2, 2, 4), 0)).toBeNull();
    expect(dilationRing(square(10, 10, 0, 0, 10), 5)).toBeNull();
  });
});
