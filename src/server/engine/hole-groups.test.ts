import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { fillContext } from "./exemplar-fill";
import { fillTask } from "./fill-engine";
import { holeGroups, MAX_GROUPS } from "./hole-groups";

const [W, H] = [400, 200];
const context = (b: Parameters<typeof fillContext>[0]) => fillContext(b, W, H);

function rects(...boxes: [number, number, number, number][]): Uint8Array {
  const mask = new Uint8Array(W * H);
  for (const [x0, y0, x1, y1] of boxes) {
    for (let y = y0; y < y1; y++) mask.fill(1, y * W + x0, y * W + x1);
  }
  return mask;
}

const count = (mask: Uint8Array) => mask.reduce((n, v) => n + v, 0);

describe("hole groups", () => {
  it("fills holes whose contexts do not meet on their own, and keeps every pixel", () => {
    const mask = rects([10, 80, 30, 120], [330, 0, 400, 200]);
    const groups = holeGroups(mask, W, H, context);
    expect(groups).toHaveLength(2);
    expect(groups.map(count).sort((a, b) => a - b)).toEqual([20 * 40, 70 * 200]);
    // every masked pixel in exactly one group
    for (let p = 0; p < mask.length; p++) {
      expect(groups.reduce((n, g) => n + g[p]!, 0)).toBe(mask[p]);
    }
  });

  it("keeps holes together whose contexts overlap, and a mask of one hole as it is", () => {
    const near = rects([100, 80, 140, 120], [160, 80, 200, 120]);
    expect(holeGroups(near, W, H, context)).toEqual([near]);
    const one = rects([100, 80, 140, 120]);
    expect(holeGroups(one, W, H, context)[0]).toBe(one);
  });

  it("fills a mask of many specks as one", () => {
    const specks: [number, number, number, number][] = [];
    for (let i = 0; i < 4 * MAX_GROUPS + 1; i++) {
      const x = 5 + (i % 20) * 19;
      const y = 5 + Math.floor(i / 20) * 90;
      specks.push([x, y, x + 2, y + 2]);
    }
    const mask = rects(...specks);
    expect(holeGroups(mask, W, H, context)).toEqual([mask]);
  });

  it("lays an outpaint out the same whether or not a far-off removal goes along", async () => {
    // The sample's post, masked at its left frame as the app opens it, and a Right outpaint at
    // the other end: filled as one, the new columns came from a pyramid over the whole canvas.
    const { data } = await sharp(join(import.meta.dirname, "../../../public/sample/sunset.jpg"))
      .resize(W * 0.75, H)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++) {
      pixels.set(data.subarray(y * 300 * 3, (y + 1) * 300 * 3), y * W * 3);
    }
    const outpaint = rects([300, 0, 400, 200]);
    const both = rects([300, 0, 400, 200], [0, 110, 14, 150]);
    const task = { pixels, width: W, height: H, channels: 3 as const, seed: 0 };
    const alone = fillTask({ ...task, mask: outpaint });
    const along = fillTask({ ...task, mask: both });
    let differ = 0;
    for (let p = 0; p < outpaint.length; p++) {
      if (outpaint[p] && alone[p * 3] !== along[p * 3]) differ++;
    }
    expect(differ).toBe(0);
    // and the post's hole is filled too
    let changed = 0;
    for (let p = 0; p < both.length; p++)
      if (both[p] && !outpaint[p] && along[p * 3] !== pixels[p * 3]) changed++;
    expect(changed).toBeGreaterThan(0.5 * 14 * 40);
  });
});
