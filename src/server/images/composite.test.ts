import { describe, expect, it } from "vitest";
import { compositeInto, distanceToOther, type Pixels, seamColourOffset } from "./composite";

const W = 40;
const H = 30;

function image(fill: (x: number, y: number, c: number) => number, channels = 3): Pixels {
  const data = new Uint8Array(W * H * channels);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < channels; c++) data[(y * W + x) * channels + c] = fill(x, y, c);
  return { data, width: W, height: H, channels };
}

/** 1 inside the rectangle x 10–29, y 8–21. */
const mask = new Uint8Array(W * H);
for (let y = 8; y < 22; y++) mask.fill(1, y * W + 10, y * W + 30);

const original = image((x, y, c) => (x * 5 + y * 3 + c * 40) % 256);
/** What a diffusion provider sends: every pixel 4 levels darker, and red inside the mask. */
const drifted = image((x, y, c) => {
  const inside = x >= 10 && x < 30 && y >= 8 && y < 22;
  return inside ? [200, 30, 30][c]! : Math.max(0, original.data[(y * W + x) * 3 + c]! - 4);
});

describe("compositeInto", () => {
  it("keeps every pixel outside the mask byte for byte", () => {
    const out = compositeInto(original, drifted, mask);
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 1) continue;
      for (let c = 0; c < 3; c++) expect(out[i * 3 + c]).toBe(original.data[i * 3 + c]);
    }
  });

  it("uses the provider's pixels deep inside the mask, corrected by the seam band's drift", () => {
    const offset = seamColourOffset(original, drifted, mask);
    expect(offset).toEqual([4, 4, 4]);
    const out = compositeInto(original, drifted, mask);
    const centre = (15 * W + 20) * 3;
    expect([out[centre], out[centre + 1], out[centre + 2]]).toEqual([
      Math.round(200 + offset[0]!),
      Math.round(30 + offset[1]!),
      Math.round(30 + offset[2]!),
    ]);
  });

  it("fades the result in over the seam: the mask's edge pixel stays closest to the original", () => {
    const out = compositeInto(original, drifted, mask, 6);
    const red = (x: number) => out[(15 * W + x) * 3]!;
    const edge = Math.abs(red(10) - original.data[(15 * W + 10) * 3]!);
    const deeper = Math.abs(red(13) - original.data[(15 * W + 13) * 3]!);
    expect(edge).toBeLessThan(deeper);
    expect(red(20)).toBeGreaterThan(200);
  });

  it("refuses a result of another size", () => {
    const small = { ...drifted, width: W - 1 };
    expect(() => compositeInto(original, small, mask)).toThrow(/resized/);
  });
});

describe("distanceToOther", () => {
  it("measures from the mask's edge inward, capped", () => {
    const d = distanceToOther(mask, W, H, 1, 6);
    expect(d[15 * W + 10]).toBe(1);
    expect(d[15 * W + 12]).toBe(3);
    expect(d[15 * W + 20]).toBe(7); // capped at cap + 1
    expect(d[0]).toBe(0);
  });
});
