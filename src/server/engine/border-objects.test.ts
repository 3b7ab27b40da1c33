import { describe, expect, it } from "vitest";
import { borderObjects, crossesHole } from "./border-objects";
import type { FillLevel } from "./fill-level";

/** A 100×80 grey-60 level with a 40×40 hole in the middle, painted by `paint` (grey values). */
function level(paint: (x: number, y: number) => number): FillLevel {
  const [width, height] = [100, 80];
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      colour[y * width + x] = paint(x, y);
      if (x >= 30 && x < 70 && y >= 20 && y < 60) hole[y * width + x] = 1;
    }
  }
  return { width, height, bands: 1, colour, hole };
}

describe("objects the hole cuts through", () => {
  it("finds a bright pole standing through the hole, above and below it", () => {
    const pole = level((x) => (x >= 46 && x < 54 ? 240 : 60));
    expect(crossesHole(pole)).toBe(true);
    const objects = borderObjects(pole);
    expect(objects[5 * 100 + 50]).not.toBe(0); // the pole far above the hole
    expect(objects[40 * 100 + 10]).toBe(0); // the sky beside it
  });

  it("leaves a dark shape the hole only bites into from one side", () => {
    const silhouette = level((x, y) => ((x - 20) ** 2 + (y - 40) ** 2 < 22 ** 2 ? 10 : 200));
    expect(crossesHole(silhouette)).toBe(false);
  });

  it("leaves a pattern's lines (mortar every 8 rows) that cross the hole many times", () => {
    const bricks = level((_, y) => (y % 8 < 2 ? 30 : 150));
    expect(crossesHole(bricks)).toBe(false);
  });
});
