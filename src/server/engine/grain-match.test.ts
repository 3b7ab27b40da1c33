import { describe, expect, it } from "vitest";
import { benchPhoto, shapeMask } from "../testing/bench-photos";
import { inpaintExemplar } from "./exemplar-fill";
import type { FillLevel } from "./fill-level";
import { luma } from "./fill-quality";
import { matchGrain } from "./grain-match";
import { mulberry32 } from "./prng";

const W = 160;
const H = 120;

/** Gaussian noise (Box–Muller) from a seeded generator. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** An RGB level of `base` colour plus grey noise of `sigma(x, y)`, with a disc hole filled flat. */
function grainyLevel(
  colourAt: (x: number, y: number) => [number, number, number],
  sigma: (x: number, y: number) => number,
  holeAt: (x: number, y: number) => boolean,
): FillLevel {
  const random = mulberry32(7);
  const colour = new Float32Array(W * H * 3);
  const hole = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      const [r, g, b] = colourAt(x, y);
      const inHole = holeAt(x, y);
      hole[p] = inHole ? 1 : 0;
      const n = inHole ? 0 : sigma(x, y) * gaussian(random);
      colour[p * 3] = r + n;
      colour[p * 3 + 1] = g + n;
      colour[p * 3 + 2] = b + n;
    }
  }
  return { width: W, height: H, bands: 3, colour, hole };
}

const disc = (x: number, y: number) => Math.hypot(x - W / 2, y - H / 2) < 35;

/** Mean absolute step between horizontal and vertical neighbours, over pixels `where` says. */
function roughness(level: FillLevel, where: (x: number, y: number) => boolean): number {
  const l = luma(
    Uint8Array.from(level.colour, (v) => Math.round(v)),
    3,
  );
  let sum = 0;
  let n = 0;
  for (let y = 0; y < H - 1; y++) {
    for (let x = 0; x < W - 1; x++) {
      if (!where(x, y) || !where(x + 1, y) || !where(x, y + 1)) continue;
      const p = y * W + x;
      sum += Math.abs(l[p + 1]! - l[p]!) + Math.abs(l[p + W]! - l[p]!);
      n++;
    }
  }
  return sum / n;
}

describe("matchGrain", () => {
  it("gives a flat fill the grain of its surroundings, at their level and mean", () => {
    const level = grainyLevel(
      () => [90, 120, 160],
      () => 3,
      disc,
    );
    const before = level.colour.slice();
    matchGrain(level, mulberry32(0));
    const kept = (x: number, y: number) => !disc(x, y) && Math.hypot(x - W / 2, y - H / 2) < 55;
    const ratio = roughness(level, disc) / roughness(level, kept);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.3);
    let sum = 0;
    let n = 0;
    for (let p = 0; p < W * H; p++) {
      if (level.hole[p] === 0) {
        for (let b = 0; b < 3; b++) expect(level.colour[p * 3 + b]).toBe(before[p * 3 + b]);
      } else {
        sum += level.colour[p * 3 + 1]!;
        n++;
      }
    }
    expect(Math.abs(sum / n - 120)).toBeLessThan(1);
  });

  it("leaves a fill that is already as grainy as its surroundings alone", () => {
    const level = grainyLevel(
      () => [90, 120, 160],
      () => 3,
      () => false,
    );
    const hole = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) hole[y * W + x] = disc(x, y) ? 1 : 0;
    const filled = { ...level, hole };
    const before = level.colour.slice();
    matchGrain(filled, mulberry32(0));
    expect(filled.colour).toEqual(before);
  });

  it("takes each part's grain from the surroundings of its colour", () => {
    // a calm blue sky above a grainy green field, the hole across the horizon, filled flat
    const sky = (y: number) => y < H / 2;
    const level = grainyLevel(
      (_, y) => (sky(y) ? [80, 120, 200] : [60, 130, 50]),
      (_, y) => (sky(y) ? 0.8 : 5),
      disc,
    );
    matchGrain(level, mulberry32(0));
    const skyPart = (x: number, y: number) => disc(x, y) && y < H / 2 - 10;
    const fieldPart = (x: number, y: number) => disc(x, y) && y > H / 2 + 10;

    expect(roughness(level, fieldPart)).toBeGreaterThan(3 * roughness(level, skyPart));
    const keptSky = (x: number, y: number) => !disc(x, y) && y < H / 2 - 10;
    expect(roughness(level, skyPart)).toBeLessThan(1.5 * roughness(level, keptSky));
  });

  it("copies no lattice beside the hole into it", () => {
    // a night sky with faint grain, a dense lattice of dark struts along the hole's left side
    const strut = (x: number, y: number) =>
      x < 40 && ((x + y) % 9 < 2 || (x - y + 900) % 9 < 2 || x % 13 < 2);
    const level = grainyLevel(
      (x, y) => (strut(x, y) ? [20, 20, 25] : [30, 50, 110]),
      () => 0.8,
      (x, y) => x >= 40 && x < 120 && y >= 20 && y < 100,
    );
    const before = level.colour.slice();
    matchGrain(level, mulberry32(0));
    let largest = 0;
    for (let i = 0; i < before.length; i++) {
      largest = Math.max(largest, Math.abs(level.colour[i]! - before[i]!));
    }
    // a strut's edge steps ~40 grey levels; the sky's grain a few
    expect(largest).toBeLessThan(8);
  });

  it("leaves a removal in a real cat's fur as textured as the fur", async () => {
    // the benchmark's cat-upright: a tall ellipse through the fur's stripes, at 640 px
    const cat = await benchPhoto("skimage_chelsea.png", 640);
    const a = 0.05 * cat.width;
    const b = 0.3 * cat.height;
    const mask = shapeMask(
      cat,
      0.2,
      (b + 2) / cat.height,
      (dx, dy) => (dx / a) ** 2 + (dy / b) ** 2 <= 1,
    );
    const photo = { ...cat, mask };
    const input = photo.pixels.slice();
    for (let p = 0; p < photo.mask.length; p++) if (photo.mask[p]) input.fill(0, p * 3, p * 3 + 3);
    const out = inpaintExemplar(input, photo.width, photo.height, 3, photo.mask, { seed: 0 });
    const fill = luma(out, 3);
    const truth = luma(photo.pixels, 3);
    let gf = 0;
    let gt = 0;
    const { width } = photo;
    for (let p = width + 1; p < photo.mask.length - width - 1; p++) {
      if (!photo.mask[p] || !photo.mask[p + 1] || !photo.mask[p + width]) continue;
      gf += Math.abs(fill[p + 1]! - fill[p]!) + Math.abs(fill[p + width]! - fill[p]!);
      gt += Math.abs(truth[p + 1]! - truth[p]!) + Math.abs(truth[p + width]! - truth[p]!);
    }
    expect(gf / gt).toBeGreaterThan(0.6);
    expect(gf / gt).toBeLessThan(1.4);
  });
});
