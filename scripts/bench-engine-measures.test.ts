import { describe, expect, it } from "vitest";
import { borderBlocks, detailBlocks } from "./bench-engine-measures";

const W = 64;
const H = 64;

function grey(value: (x: number, y: number) => number): Uint8Array {
  const out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) out.fill(value(x, y), (y * W + x) * 3, (y * W + x) * 3 + 3);
  }
  return out;
}

const flat = grey(() => 120);
/** a lattice: thin dark lines every 4 px, as copied tower fragments are */
const lattice = grey((x, y) => (x % 4 === 0 || y % 4 === 0 ? 40 : 120));
const everywhere = new Uint8Array(W * H).fill(1);

describe("detailBlocks", () => {
  it("finds nothing when the fill is the truth", () => {
    expect(detailBlocks(lattice, lattice, W, H, everywhere)).toEqual({ spurious: 0, smeared: 0 });
  });

  it("counts a lattice copied over a calm truth as spurious, block by block", () => {
    // the left half of the fill is lattice, the right half as calm as the truth
    const fill = grey((x, y) => (x < W / 2 && (x % 4 === 0 || y % 4 === 0) ? 40 : 120));
    const { spurious, smeared } = detailBlocks(fill, flat, W, H, everywhere);
    expect(spurious).toBeCloseTo(0.5, 5);
    expect(smeared).toBe(0);
  });

  it("counts a flat fill over a textured truth as smeared", () => {
    expect(detailBlocks(flat, lattice, W, H, everywhere)).toEqual({ spurious: 0, smeared: 1 });
  });

  it("ignores faint noise over a flat truth", () => {
    const noise = grey((x, y) => 120 + ((x * 7 + y * 13) % 3) - 1);
    expect(detailBlocks(noise, flat, W, H, everywhere).spurious).toBe(0);
  });

  it("measures only blocks inside the fill", () => {
    const mask = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) mask.fill(1, y * W + W / 2, (y + 1) * W);
    const fill = grey((x, y) => (x < W / 2 && (x % 4 === 0 || y % 4 === 0) ? 40 : 120));
    expect(detailBlocks(fill, flat, W, H, mask).spurious).toBe(0);
  });
});

describe("borderBlocks", () => {
  it("finds nothing when the fill is the truth", () => {
    expect(borderBlocks(lattice, lattice, W, H, everywhere)).toBe(0);
  });

  it("counts the strips along the border that a copied dark slab crosses", () => {
    // a slab 12 rows tall over the left half of the top border, on a calm truth: of the 28
    // strips (7 per side), the top side's first four cross its lower edge (the fourth half)
    const fill = grey((x, y) => (x < W / 2 && y < 12 ? 40 : 120));
    expect(borderBlocks(fill, flat, W, H, everywhere)).toBeCloseTo(4 / 28, 5);
  });

  it("does not count an edge the truth has too", () => {
    const horizon = grey((_, y) => (y < 10 ? 200 : 60));
    expect(borderBlocks(horizon, horizon, W, H, everywhere)).toBe(0);
    expect(borderBlocks(horizon, flat, W, H, everywhere)).toBeGreaterThan(0);
  });

  it("is null for a fill that reaches no border", () => {
    const mask = new Uint8Array(W * H);
    for (let y = 24; y < 40; y++) mask.fill(1, y * W + 24, y * W + 40);
    expect(borderBlocks(flat, flat, W, H, mask)).toBeNull();
  });
});
