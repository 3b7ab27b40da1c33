import { describe, expect, it } from "vitest";
import { cropLevel, type FillLevel } from "./fill-level";
import { clampToLayout, type LayoutReference } from "./layout-clamp";

/**
 * A 64×64 grey fill of vertical lines, 4 px at 220 every 24 px over 100 (mortar between brick
 * faces), all of it hole but a 4 px frame; and a reference on 8 px cells, uniform in colour and
 * contrast.
 */
function linesAndReference(contrast: number): { level: FillLevel; ref: LayoutReference } {
  const [w, h] = [64, 64];
  const pixels = new Uint8Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = x % 24 < 4 ? 220 : 100;
      if (x >= 4 && x < 60 && y >= 4 && y < 60) mask[y * w + x] = 1;
    }
  }
  const level = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  const ref = {
    width: 8,
    height: 8,
    scale: 8,
    colour: new Float32Array(64).fill(120),
    contrast: new Float32Array(64).fill(contrast),
  };
  return { level, ref };
}

describe("clampToLayout", () => {
  it("leaves a regular texture as it is, though its cells differ by where they sit in it", () => {
    // A third of the cells hold a line (σ 60), the rest none: over the pool about 20, within
    // the reference's 27 and its 1.6× headroom (43), which a line's cell alone is over.
    const { level, ref } = linesAndReference(27);
    clampToLayout(level, ref);
    expect(level.colour[30 * 64 + 25]).toBeCloseTo(220, 3);
    expect(level.colour[30 * 64 + 30]).toBeCloseTo(100, 3);
  });

  it("fades detail that a calm reference does not have (lines copied into a sky)", () => {
    const { level, ref } = linesAndReference(1);
    clampToLayout(level, ref);
    expect(level.colour[30 * 64 + 25]).toBeLessThan(160);
  });
});

/**
 * A 64×64 sky whose luma rises from 100 at the top to 180 at the bottom, all of it hole but a
 * 4 px frame; a calm reference on 8 px cells at a flat 140 (a membrane of the rim's top and
 * bottom), and the sky's straight continuation from the sides: each cell's own row's value.
 */
function skyAndReference(trust: number) {
  const [w, h] = [64, 64];
  const sky = (y: number) => 100 + (80 * y) / (h - 1);
  const pixels = new Uint8Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = Math.round(sky(y));
      if (x >= 4 && x < 60 && y >= 4 && y < 60) mask[y * w + x] = 1;
    }
  }
  const level = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  const along = { colour: new Float32Array(64), trust: new Float32Array(64).fill(trust) };
  for (let i = 0; i < 64; i++) along.colour[i] = sky(Math.floor(i / 8) * 8 + 3.5);
  const ref: LayoutReference = {
    width: 8,
    height: 8,
    scale: 8,
    colour: new Float32Array(64).fill(140),
    contrast: new Float32Array(64).fill(1),
  };
  return { level, ref, along, before: level.colour[6 * 64 + 30]! };
}

describe("clampToLayout with a straight continuation", () => {
  it("pulls a sky's gradient towards a flat reference without one", () => {
    const { level, ref, before } = skyAndReference(1);
    clampToLayout(level, ref);
    expect(level.colour[6 * 64 + 30]! - before).toBeGreaterThan(15);
  });

  it("leaves a fill that follows the continuation where it is trusted", () => {
    const { level, ref, along, before } = skyAndReference(1);
    clampToLayout(level, { ...ref, along });
    expect(level.colour[6 * 64 + 30]).toBeCloseTo(before, 3);
  });

  it("ignores the continuation where no walk met the surroundings", () => {
    const { level, ref, along, before } = skyAndReference(0);
    clampToLayout(level, { ...ref, along });
    expect(level.colour[6 * 64 + 30]! - before).toBeGreaterThan(15);
  });
});
