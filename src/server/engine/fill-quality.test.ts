import { describe, expect, it } from "vitest";
import {
  borderSteps,
  psnrInMask,
  seamShare,
  sharpnessRatio,
  ssimInMask,
  streakShare,
} from "./fill-quality";

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

describe("borderSteps", () => {
  // 64×64 luma, 120 everywhere but a slab of 40 over the top border's left 16 columns, 12 rows
  const W = 64;
  const yl = Array.from({ length: W * W }, (_, p) => (p % W < 16 && p < 12 * W ? 40 : 120));

  it("measures each strip wholly inside the mask, side by side along the border", () => {
    const steps = borderSteps(yl, W, W, new Uint8Array(W * W).fill(1));
    // 7 strips a side (top, bottom, left, right): along the top the first crosses the slab's
    // lower edge in full, the second half; along the left its right edge, over 12 and 4 rows
    const zeros = [0, 0, 0, 0, 0];
    expect(steps).toEqual([
      ...[80, 40, ...zeros],
      ...[0, 0, ...zeros],
      ...[60, 20, ...zeros],
      ...[0, 0, ...zeros],
    ]);
  });

  it("leaves out the strips that reach outside the mask", () => {
    const mask = new Uint8Array(W * W).fill(1, 0, 24 * W);
    // inside the top 24 rows: the top side's 7 strips, and the left and right sides' first two
    expect(borderSteps(yl, W, W, mask)).toEqual([80, 40, 0, 0, 0, 0, 0, 60, 20, 0, 0]);
  });
});

describe("streakShare", () => {
  const [w, h] = [64, 64];
  const everywhere = new Uint8Array(w * h).fill(1);
  const plane = (value: (x: number, y: number) => number) =>
    Float32Array.from({ length: w * h }, (_, i) => value(i % w, Math.floor(i / w)));
  /** grass-like detail, no direction: a hash of both coordinates */
  const speckle = plane((x, y) => 60 + ((((x * 73856093) ^ (y * 19349663)) >>> 0) % 120));
  /** the same rows combed into furrows: each row one hashed value, constant along it */
  const furrows = plane((_x, y) => 60 + (((y * 19349663) >>> 0) % 120));
  const flat = plane(() => 120);

  it("finds nothing when the fill is the truth", () => {
    expect(streakShare(speckle, speckle, w, h, everywhere)).toBe(0);
  });

  it("counts texture combed into furrows where the truth has no direction", () => {
    expect(streakShare(furrows, speckle, w, h, everywhere)).toBe(1);
  });

  it("leaves furrows the truth has too, flat fills, and fills over a flat truth", () => {
    expect(streakShare(furrows, furrows, w, h, everywhere)).toBe(0);
    // a smear is detailBlocks' smeared; detail over a flat backdrop is its spurious
    expect(streakShare(flat, speckle, w, h, everywhere)).toBe(0);
    expect(streakShare(furrows, flat, w, h, everywhere)).toBe(0);
  });

  it("judges only blocks mostly inside the mask", () => {
    const left = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) left.fill(1, y * w, y * w + w / 2);
    const half = plane((x, y) => (x < w / 2 ? furrows[y * w + x]! : speckle[y * w + x]!));
    expect(streakShare(half, speckle, w, h, left)).toBe(1);
  });
});

describe("seamShare", () => {
  const [w, h] = [64, 64];
  const everywhere = new Uint8Array(w * h).fill(1);
  const plane = (value: (x: number, y: number) => number) =>
    Float32Array.from({ length: w * h }, (_, i) => value(i % w, Math.floor(i / w)));
  /** white noise over 0–119: a mixing hash of both coordinates */
  const speckle = plane((x, y) => {
    let v = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1);
    v = Math.imul(v ^ (v >>> 15), 0x85ebca6b);
    return 60 + (((v ^ (v >>> 13)) >>> 0) % 120);
  });
  /** a dark sky with a rectangle of brighter sky copied into it, sides at x 20 and 44, y 24 */
  const block = plane((x, y) => (x >= 20 && x < 44 && y >= 24 ? 100 : 70));
  const sky = plane(() => 70);

  it("finds nothing when the fill is the truth, even in busy texture", () => {
    expect(seamShare(speckle, speckle, w, h, everywhere, 1)).toBe(0);
    expect(seamShare(block, block, w, h, everywhere, 1)).toBe(0);
  });

  it("does not count texture's random steps as edges", () => {
    expect(seamShare(speckle, sky, w, h, everywhere, 1)).toBe(0);
  });

  it("counts the blocks a copied rectangle's straight sides cross", () => {
    // the 16 px blocks crossed: columns 1 and 2 (x 20, x 44) in rows 1–3, and the top side
    // (y 24) in row 1, columns 1 and 2 — six of the sixteen blocks
    expect(seamShare(block, sky, w, h, everywhere, 1)).toBe(6 / 16);
  });

  it("excuses an edge the truth has across the same block, a horizon drawn a few px off", () => {
    const horizon = (at: number) => plane((_x, y) => (y < at ? 150 : 60));
    expect(seamShare(horizon(30), horizon(20), w, h, everywhere, 1)).toBe(0);
    // the truth's horizon in the next row of blocks does not excuse it
    expect(seamShare(horizon(40), horizon(20), w, h, everywhere, 1)).toBe(4 / 16);
  });

  it("sees a block that differs in hue, not in luma", () => {
    // RGB: a saturated blue rectangle in a dull blue sky of about the same luma
    const rgb = (inBlock: [number, number, number], around: [number, number, number]) =>
      Uint8Array.from({ length: w * h * 3 }, (_, i) => {
        const p = Math.floor(i / 3);
        const [x, y] = [p % w, Math.floor(p / w)];
        return (x >= 20 && x < 44 && y >= 24 ? inBlock : around)[i % 3]!;
      });
    const dull = rgb([60, 70, 110], [60, 70, 110]);
    expect(seamShare(rgb([40, 68, 170], [60, 70, 110]), dull, w, h, everywhere, 3)).toBe(6 / 16);
  });

  it("judges only blocks mostly inside the mask", () => {
    const top = new Uint8Array(w * h).fill(1, 0, 16 * w);
    expect(seamShare(block, sky, w, h, top, 1)).toBe(0);
  });
});
