import { describe, expect, it } from "vitest";
import { psnrInMask, sharpnessRatio, ssimInMask } from "./fill-quality";

function noise(width: number, height: number, amplitude: number): Uint8Array {
  let state = 7;
  return new Uint8Array(width * height).map(() => {
    state = (state * 1103515245 + 12345) >>> 0;
    return 128 + (((state >>> 16) % (2 * amplitude + 1)) - amplitude);
  });
}

describe("fill quality measures", () => {
  const [w, h] = [40, 40];
  const mask = new Uint8Array(w * h);
  for (let y = 12; y < 28; y++) mask.fill(1, y * w + 12, y * w + 28);

  it("scores identical images as perfect", () => {
    const a = noise(w, h, 40);
    expect(psnrInMask(a, a, 1, mask)).toBe(Number.POSITIVE_INFINITY);
    expect(ssimInMask(a, a, w, h, 1, mask)).toBeCloseTo(1, 6);
  });

  it("gives a flat fill in a noisy image a low sharpness ratio and a textured one about 1", () => {
    const textured = noise(w, h, 40);
    const flat = textured.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) flat[i] = 128;
    expect(sharpnessRatio(flat, w, h, 1, mask)).toBeLessThan(0.05);
    expect(sharpnessRatio(textured, w, h, 1, mask)).toBeGreaterThan(0.8);
    expect(sharpnessRatio(textured, w, h, 1, mask)).toBeLessThan(1.25);
  });

  it("measures PSNR from the masked pixels only", () => {
    const a = new Uint8Array(w * h).fill(100);
    const b = a.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) b[i] = 110;
    b[0] = 0; // outside the mask: ignored
    expect(psnrInMask(a, b, 1, mask)).toBeCloseTo(10 * Math.log10((255 * 255) / 100), 6);
  });
});
