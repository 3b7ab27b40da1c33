import { describe, expect, it } from "vitest";
import { fillPolygon } from "../editor/raster/paint-shapes";
import { maskIoU } from "./composite";
import { lassoFill } from "./lasso-fill";
import { selectionToMask } from "./selection";

/** A dark disc on a light, slightly noisy ground, with its exact 0/255 truth. */
function disc(width: number, height: number, radius: number) {
  const data = new Uint8Array(width * height * 4);
  const truth = new Uint8Array(width * height);
  let seed = 7;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return (seed % 17) - 8;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const inside = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2) <= radius;
      truth[i] = inside ? 255 : 0;
      const v = (inside ? 50 : 210) + noise();
      data.set([v, v + 10, v - 10, 255], i * 4);
    }
  return { image: { data, width, height }, truth };
}

/**
 * The disc's outline as the scissors return it from a copy scaled by `scale`: along the
 * working pixels just outside the edge (the path runs on one side of it), each point on the
 * centre of its working pixel, back in image pixels (as `EdgeLasso.pathTo` returns them).
 */
function snappedOutline(cx: number, cy: number, radius: number, scale: number) {
  const points: number[] = [];
  const outside = radius + 0.5 / scale;
  for (let k = 0; k < 720; k++) {
    const a = (k / 720) * 2 * Math.PI;
    for (const v of [cx + outside * Math.cos(a), cy + outside * Math.sin(a)])
      points.push((Math.floor(v * scale) + 0.5) / scale);
  }
  return points;
}

const mismatches = (a: Uint8Array, b: Uint8Array) => a.filter((v, i) => v !== b[i]).length;

describe("lassoFill", () => {
  it("puts a path snapped on a copy scaled to a quarter back on the image's edge", () => {
    // A quarter, as a 16 MP photo's lasso works on its ~1 MP copy.
    const width = 2000;
    const height = 1500;
    const { image, truth } = disc(width, height, 500);
    const scale = 0.25;
    const path = snappedOutline(width / 2, height / 2, 500, scale);

    const plain = { data: new Uint8Array(width * height), width, height };
    fillPolygon(plain, path, 255);
    const refined = selectionToMask(lassoFill(image, path, scale), width, height);

    // The snapped path alone is off by half to one working pixel (2–4 image pixels) all round.
    expect(mismatches(plain.data, truth)).toBeGreaterThan(3000 * 2);
    expect(mismatches(refined, truth)).toBeLessThan(mismatches(plain.data, truth) / 20);
    expect(maskIoU(refined, truth)).toBeGreaterThan(0.999);
  });

  it("fills the path as it is when the image was worked on at full size", () => {
    const { image } = disc(100, 80, 20);
    const square = [10, 10, 60, 10, 60, 50, 10, 50];
    const selection = lassoFill(image, square, 1);
    expect(selection?.box).toEqual({ x: 10, y: 10, width: 50, height: 40 });
    expect(selection?.data.every((v) => v === 255)).toBe(true);
  });

  it("keeps nothing for a path too short to enclose anything", () => {
    const { image } = disc(100, 80, 20);
    expect(lassoFill(image, [10, 10, 60, 10], 0.5)).toBeNull();
  });
});
