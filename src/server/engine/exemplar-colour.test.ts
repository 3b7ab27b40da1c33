import { describe, expect, it } from "vitest";
import { inpaintExemplar } from "./exemplar-fill";
import { mulberry32 } from "./prng";

/**
 * A night sky (grey 20 with ±8 of grain) with a white rocket (240) standing through the middle,
 * and a wide hole over the rocket's middle: the rocket crosses the hole's top and bottom edges,
 * sky makes up the rest of its border.
 */
function rocketInNightSky() {
  const [width, height] = [160, 120];
  const random = mulberry32(5);
  const pixels = new Uint8Array(width * height * 3);
  const mask = new Uint8Array(width * height);
  const rocket = (x: number) => x >= 74 && x < 86;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = rocket(x) ? 240 : 20 + Math.round((random() - 0.5) * 16);
      pixels.fill(v, i * 3, i * 3 + 3);
      if (x >= 40 && x < 120 && y >= 40 && y < 80) mask[i] = 1;
    }
  }
  return { pixels, width, height, mask, rocket };
}

describe("colour of a removal", () => {
  it("takes the sky's shade where the hole is sky, not the bright rocket crossing its top and bottom", () => {
    const { pixels, width, height, mask, rocket } = rocketInNightSky();
    const input = pixels.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) input.fill(128, i * 3, i * 3 + 3);
    const out = inpaintExemplar(input, width, height, 3, mask, { seed: 1 });
    // hole pixels well clear of the rocket's column: sky left and right of it
    let sum = 0;
    let bright = 0;
    let n = 0;
    for (let y = 40; y < 80; y++) {
      for (let x = 40; x < 120; x++) {
        if (rocket(x - 12) || rocket(x) || rocket(x + 12)) continue;
        const v = out[(y * width + x) * 3]!;
        sum += v;
        if (v > 60) bright++;
        n++;
      }
    }
    expect(Math.abs(sum / n - 20)).toBeLessThan(6);
    expect(bright / n).toBeLessThan(0.01);
  });
});
