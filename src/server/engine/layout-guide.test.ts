import { describe, expect, it } from "vitest";
import { cutByTheFrame, horizonCutOnTheRight } from "../testing/cut-by-the-frame";
import { cropLevel, downsampleLevel, type FillLevel } from "./fill-level";
import {
  calmUntrustedGuide,
  coarsestGuide,
  followTrustedFill,
  guideBands,
  layoutReference,
  sidesDisagree,
  upsampleGuide,
} from "./layout-guide";
import { mulberry32 } from "./prng";

/**
 * A 64×32 grey image: speckle (±50 around 100) on the left half, flat 200 on the right, with
 * a 24×16 hole across the border; returned as the base level and its 4× smaller coarse level.
 */
function twoSided(): { base: FillLevel; coarse: FillLevel } {
  const [w, h] = [64, 32];
  const random = mulberry32(1);
  const pixels = new Uint8Array(w * h);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = x < 32 ? (random() < 0.5 ? 50 : 150) : 200;
      if (x >= 20 && x < 44 && y >= 8 && y < 24) mask[y * w + x] = 1;
    }
  }
  const base = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  return { base, coarse: downsampleLevel(downsampleLevel(base)) };
}

describe("layout guide", () => {
  it("holds blurred colour and contrast outside the hole, and continues both into it", () => {
    const { base, coarse } = twoSided();
    const guide = coarsestGuide(base, coarse, 4, "membrane");
    const gb = guideBands(1);
    expect(guide.length).toBe(coarse.width * coarse.height * gb);
    const at = (x: number, y: number, band: number) => guide[(y * coarse.width + x) * gb + band]!;
    // Kept coarse pixels: their own colour, and the speckle's contrast (σ = 50, weighted)
    // against none on the flat side.
    expect(at(1, 1, 0)).toBe(coarse.colour[1 * coarse.width + 1]);
    expect(at(1, 1, 1)).toBeGreaterThan(60);
    expect(at(14, 1, 1)).toBe(0);
    // Inside the hole (coarse x 5..10, y 2..5): colour and contrast blend from the speckled
    // side (left) to the flat side (right).
    const row = 4;
    expect(coarse.hole[row * coarse.width + 5]).toBe(1);
    expect(at(5, row, 0)).toBeLessThan(at(10, row, 0));
    expect(at(5, row, 1)).toBeGreaterThan(at(10, row, 1));
    expect(at(5, row, 1)).toBeGreaterThan(40);
    expect(at(10, row, 1)).toBeLessThan(40);
  });

  it("meets two different sides along an edge instead of blending them, when asked for nearest", () => {
    const { base, coarse } = twoSided();
    const guide = coarsestGuide(base, coarse, 4, "nearest");
    const at = (x: number, band: number) => guide[(4 * coarse.width + x) * guideBands(1) + band]!;
    // hole columns 5..10 of row 4: the speckle's mean colour and contrast, then the flat side's
    const colours = [5, 6, 7, 8, 9, 10].map((x) => at(x, 0));
    expect(Math.abs(colours[0]! - 100)).toBeLessThan(25);
    expect(colours[5]).toBe(200);
    expect(colours.filter((v) => v > 125 && v < 175)).toEqual([]);
    expect(at(5, 1)).toBeGreaterThan(60);
    expect(at(10, 1)).toBe(0);
  });

  it("is carried to a finer level bilinearly, covering every pixel", () => {
    const { base, coarse } = twoSided();
    const middle = downsampleLevel(base);
    coarse.guide = coarsestGuide(base, coarse, 4, "membrane");
    upsampleGuide(coarse, middle);
    const gb = guideBands(1);
    expect(middle.guide?.length).toBe(middle.width * middle.height * gb);
    // Fine (12, 9) sits at coarse (5.75, 4.25): between the four coarse pixels around it.
    const fine = middle.guide![(9 * middle.width + 12) * gb]!;
    const corners = [
      [5, 4],
      [6, 4],
      [5, 5],
      [6, 5],
    ].map(([x, y]) => coarse.guide![(y! * coarse.width + x!) * gb]!);
    expect(fine).toBeGreaterThanOrEqual(Math.min(...corners) - 1e-3);
    expect(fine).toBeLessThanOrEqual(Math.max(...corners) + 1e-3);
    expect(Math.min(...corners)).toBeLessThan(Math.max(...corners));
  });

  it("extends the edge outward, not a blend of distant sides, where the hole runs off the image", () => {
    // An outpaint: a photo (sky 50 above, grass 200 below) in the middle third of a wider
    // canvas. A membrane would blend sky and grass far out to the sides; the guide keeps each.
    const [w, h] = [96, 32];
    const pixels = new Uint8Array(w * h);
    const mask = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inPhoto = x >= 32 && x < 64;
        pixels[y * w + x] = inPhoto ? (y < 16 ? 50 : 200) : 0;
        mask[y * w + x] = inPhoto ? 0 : 1;
      }
    }
    const base = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
    const coarse = downsampleLevel(downsampleLevel(base));
    const guide = coarsestGuide(base, coarse, 4, "nearest");
    const gb = guideBands(1);
    const at = (x: number, y: number) => guide[(y * coarse.width + x) * gb]!;
    for (const x of [0, 3, 20, 23]) {
      expect(at(x, 1)).toBe(50);
      expect(at(x, 6)).toBe(200);
    }
  });
});

/** A 60×40 RGB level split by `colourAt`, with a hole 4 px wide along `inHole`. */
function stripLevel(
  colourAt: (x: number, y: number) => [number, number, number],
  inHole: (x: number, y: number) => boolean,
): FillLevel {
  const [width, height] = [60, 40];
  const colour = new Float32Array(width * height * 3);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      colour.set(colourAt(x, y), (y * width + x) * 3);
      hole[y * width + x] = inHole(x, y) ? 1 : 0;
    }
  }
  return { width, height, bands: 3, colour, hole };
}

describe("a removal's guide over a regular texture", () => {
  /**
   * A 64×64 grey level of vertical stripes, 3 columns at 220 and 4 at 60 (every 7 columns
   * average 128.6), with a `size`-wide square hole in the middle.
   */
  function stripes(size: number): FillLevel {
    const [w, h] = [64, 64];
    const pixels = new Uint8Array(w * h);
    const mask = new Uint8Array(w * h);
    const lo = 32 - size / 2;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        pixels[y * w + x] = x % 7 < 3 ? 220 : 60;
        if (x >= lo && x < lo + size && y >= lo && y < lo + size) mask[y * w + x] = 1;
      }
    }
    return cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
  }

  it("holds each kept pixel's patch mean, the same whether it sits on a stripe or between", () => {
    const level = stripes(24);
    const guide = coarsestGuide(level, level, 1, "membrane");
    const gb = guideBands(1);
    for (let y = 3; y < 61; y++) {
      for (let x = 3; x < 61; x++) {
        // kept pixels whose whole patch is kept: off the border and 3 px clear of the hole
        if (x >= 17 && x < 47 && y >= 17 && y < 47) continue;
        expect(guide[(y * 64 + x) * gb]!).toBeCloseTo((3 * 220 + 4 * 60) / 7, 3);
      }
    }
  });

  it("keeps a thin hole's sides as they are, so they do not reach across it", () => {
    const level = stripes(4);
    const guide = coarsestGuide(level, level, 1, "membrane");
    const gb = guideBands(1);
    // right beside the hole: a stripe's own value, not the mean
    expect(guide[(32 * 64 + 29) * gb]!).toBe(level.colour[32 * 64 + 29]);
    expect(guide[(32 * 64 + 28) * gb]!).toBe(220);
  });
});

describe("sidesDisagree", () => {
  const white: [number, number, number] = [240, 235, 225];
  const red: [number, number, number] = [170, 40, 20];
  it("is true for a strip lying along the border of a white rim and a red saucer", () => {
    const level = stripLevel(
      (x) => (x < 30 ? white : red),
      (x, y) => x >= 28 && x < 32 && y >= 4 && y < 36,
    );
    expect(sidesDisagree(level)).toBe(true);
  });

  it("is false for a strip across a lake that crosses the shore once", () => {
    const level = stripLevel(
      (_x, y) => (y < 12 ? [40, 60, 30] : [60, 90, 140]),
      (x, y) => x >= 28 && x < 32 && y >= 4 && y < 36,
    );
    expect(sidesDisagree(level)).toBe(false);
  });
});

describe("an outpaint's guide", () => {
  it("carries on a row that runs across the photo, not an object cut by its frame", () => {
    const level = cutByTheFrame();
    const guide = coarsestGuide(level, level, 1, "nearest");
    const gb = guideBands(1);
    const at = (x: number, y: number) => guide[(y * level.width + x) * gb]!;
    // the horizon: as bright at the far edge as at the photo's
    expect(at(39, 5)).toBeGreaterThan(210);
    // the block: itself just past the edge, given way to its surroundings far out (each pixel
    // its nearest, as before, kept it at 220 to the far edge)
    expect(at(28, 14)).toBeGreaterThan(200);
    expect(at(39, 14)).toBeLessThan(160);
  });
});

describe("an outpaint's guide read from a finer level", () => {
  it("continues the frame's own pixels, not a coarse block that reaches the object inside", () => {
    // A white 64×48 photo with a black bar 3 px in from its right edge (a horse's tail), its
    // right quarter cut off. The coarsest level (8× smaller) averages the bar into its edge
    // pixels; the finer level's edge is white.
    const [w, h] = [64, 48];
    const pixels = new Uint8Array(w * h).fill(255);
    const mask = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (x >= 40 && x < 44 && y >= 8 && y < 40) pixels[y * w + x] = 0;
        if (x >= 48) mask[y * w + x] = 1;
      }
    }
    const base = cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
    const fine = downsampleLevel(base);
    const coarse = downsampleLevel(downsampleLevel(fine));
    const gb = guideBands(1);
    const newArea = (guide: Float32Array) => {
      let darkest = 255;
      for (let p = 0; p < coarse.hole.length; p++) {
        if (coarse.hole[p] !== 0 && p % coarse.width > 6)
          darkest = Math.min(darkest, guide[p * gb]!);
      }
      return darkest;
    };
    // read from the coarsest level itself, the bar greys the new area
    expect(newArea(coarsestGuide(base, coarse, 8, "nearest"))).toBeLessThan(200);
    expect(
      newArea(coarsestGuide(base, coarse, 8, "nearest", { level: fine, factor: 4 })),
    ).toBeGreaterThan(250);
  });
});

describe("followTrustedFill", () => {
  it("takes the fill's colour where it is clearly trusted and leaves the guide elsewhere", () => {
    const [width, height] = [6, 1];
    const level: FillLevel = {
      width,
      height,
      bands: 1,
      colour: Float32Array.from([10, 10, 200, 200, 200, 200]),
      hole: Uint8Array.from([0, 0, 1, 1, 1, 1]),
      guide: Float32Array.from([10, 0, 10, 0, 50, 0, 50, 0, 50, 0, 50, 0]),
    };
    level.trust = Float32Array.from([1, 1, 1, 0.75, 0.5, 0]);
    followTrustedFill(level);
    const colourBand = [0, 1, 2, 3, 4, 5].map((p) => level.guide![p * guideBands(1)]);
    // kept pixels untouched; trust 1 → the fill; 0.75 → halfway; 0.5 and below → the guide
    expect(colourBand).toEqual([10, 10, 200, 125, 50, 50]);
    // the contrast band is the guide's still
    expect(level.guide![3 * guideBands(1) + 1]).toBe(0);
  });
});

describe("calmUntrustedGuide", () => {
  it("calms the contrast with distance where the unguided fill is not clearly trusted", () => {
    // one kept pixel, then new pixels 1–5 away from it
    const level: FillLevel = {
      width: 6,
      height: 1,
      bands: 1,
      colour: new Float32Array(6),
      hole: Uint8Array.from([0, 1, 1, 1, 1, 1]),
      guide: Float32Array.from([10, 40, 10, 40, 10, 40, 10, 40, 10, 40, 10, 40]),
    };
    level.trust = Float32Array.from([1, 1, 0.5, 0, 0, 0.25]);
    calmUntrustedGuide(level);
    const contrast = [0, 1, 2, 3, 4, 5].map((p) => level.guide![p * guideBands(1) + 1]!);
    // kept and clearly trusted pixels keep the edge's contrast; untrusted ones lose a factor e
    // every three pixels out; a quarter trusted (half of clear), half of each
    expect(contrast.slice(0, 3)).toEqual([40, 40, 40]);
    expect(contrast[3]).toBeCloseTo(40 * Math.exp(-1), 4);
    expect(contrast[4]).toBeCloseTo(40 * Math.exp(-4 / 3), 4);
    expect(contrast[5]).toBeCloseTo(40 * (0.5 + 0.5 * Math.exp(-5 / 3)), 4);
    // the colour band is left alone
    expect(level.guide![5 * guideBands(1)]).toBe(10);
  });
});

describe("an outpaint's layout reference", () => {
  it("calms with distance only what does not carry on by itself: a sky beside a horizon stays", () => {
    // A 60×30 photo whose right third is cut off: a light sky over dark ground, the horizon at
    // row 15 running across the whole photo.
    const w = 60;
    const level = horizonCutOnTheRight(w, 30, 40, 15);
    level.guide = coarsestGuide(level, level, 1, "nearest");
    const { colour } = layoutReference(level, 1);
    // smoothed like the rest, the sky three and one rows above the horizon at the far edge
    // took in the ground: 173 and 132
    expect(colour[12 * w + 59]).toBeGreaterThan(199);
    expect(colour[14 * w + 59]).toBeGreaterThan(199);
    expect(colour[16 * w + 59]).toBeLessThan(41);
  });
});
