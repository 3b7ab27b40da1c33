import { describe, expect, it } from "vitest";
import { repeatedShare, visibleDetail } from "./source-repeats";

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
