import { describe, expect, it } from "vitest";
import { detailBlocks, repeatedShare, visibleDetail } from "./bench-engine-measures";

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

describe("repeatedShare", () => {
  const [w, h] = [400, 100];
  const everywhereNew = new Uint8Array(w * h).fill(1);

  it("counts nothing in a coherent copy", () => {
    // every pixel copied from the pixel 7 rows below it, as one region copied whole
    const sources = new Int32Array(w * h).map((_, p) => (p + 7 * w) % (w * h));
    expect(repeatedShare(sources, everywhereNew, w, h)).toBe(0);
  });

  it("counts the pairs one source repeated along the rows puts together", () => {
    // every row's 20 px tiles copied from that row's first 20 px: a pair 8–32 px apart comes
    // from within 4 px when its distance is within 4 of a multiple of 20 (about a third of the
    // rows' pairs); down the columns the copy is coherent
    const sources = new Int32Array(w * h).map((_, p) => Math.floor(p / w) * w + (p % 20));
    expect(repeatedShare(sources, everywhereNew, w, h)).toBeCloseTo(0.174, 3);
    // one tile for the whole image: the columns repeat it too
    const once = new Int32Array(w * h).map((_, p) => p % 20);
    expect(repeatedShare(once, everywhereNew, w, h)).toBeCloseTo(0.631, 3);
  });

  it("leaves out pairs copied from a calm area, where a repeat does not show", () => {
    const sources = new Int32Array(w * h).map((_, p) => p % 20);
    const image = new Uint8Array(w * h * 3);
    // the first 10 columns a fine checker, the rest flat
    for (let p = 0; p < w * h; p++) {
      const [x, y] = [p % w, Math.floor(p / w)];
      if (x < 10) image.fill((x + y) % 2 ? 200 : 40, p * 3, p * 3 + 3);
    }
    const visible = visibleDetail(image, w, h);
    expect(visible[5 * w + 3]).toBe(1);
    expect(visible[5 * w + 15]).toBe(0);
    const share = repeatedShare(sources, everywhereNew, w, h, visible);
    // only pixels copied from the checker's columns (0–7, clear of its blurred edge) count,
    // and those repeat down every column
    expect(share).toBeGreaterThan(0.6);
    const calm = repeatedShare(
      sources.map((s) => s + 12),
      everywhereNew,
      w,
      h,
      visible,
    );
    expect(calm).toBe(0);
  });

  it("leaves out pixels that are not new, and those no copy reached", () => {
    const sources = new Int32Array(w * h).fill(0);
    const none = new Uint8Array(w * h);
    expect(repeatedShare(sources, none, w, h)).toBe(0);
    expect(repeatedShare(new Int32Array(w * h).fill(-1), everywhereNew, w, h)).toBe(0);
  });
});
