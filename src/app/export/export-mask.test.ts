import { describe, expect, it } from "vitest";
import { growMask } from "../editor/raster/morphology";
import type { OutpaintFrame } from "../outpaint/outpaint-geometry";
import { composeMask, coverageRefusal, type PaintedMask } from "./export-mask";

/** A 16×16 image extended by 16 px on the left: a 32×16 canvas. */
const frame: OutpaintFrame = {
  width: 32,
  height: 16,
  image: { x: 16, y: 0, width: 16, height: 16 },
};

function painted(width: number, height: number, box?: [number, number, number, number]) {
  const data = new Uint8Array(width * height);
  if (box) {
    const [x0, y0, x1, y1] = box;
    for (let y = y0; y < y1; y++) data.fill(255, y * width + x0, y * width + x1);
  }
  return { data, width, height } satisfies PaintedMask;
}

describe("composeMask", () => {
  it("sends the painted mask as is when there is no frame and no feather", () => {
    const mask = painted(16, 16, [4, 4, 8, 8]);
    const out = composeMask({ painted: mask, outpaint: null, featherPx: 0 });
    expect([out.width, out.height]).toEqual([16, 16]);
    expect(out.sent).toEqual(mask.data);
    expect(out.hard).toEqual(mask.data);
  });

  it("feathers the outpaint mask too (it used to be sent hard), keeping the hard one for outlines", () => {
    const hard = composeMask({ painted: null, outpaint: { frame, overlap: 2 }, featherPx: 0 });
    const soft = composeMask({ painted: null, outpaint: { frame, overlap: 2 }, featherPx: 6 });
    expect([soft.width, soft.height]).toEqual([32, 16]);
    expect(soft.hard).toEqual(hard.sent);
    expect(new Set(hard.sent)).toEqual(new Set([0, 255]));
    const greys = soft.sent.filter((v) => v > 0 && v < 255).length;
    expect(greys).toBeGreaterThan(0);
    // Across the seam (x = 18, two pixels into the image) the mask now fades instead of stepping.
    const row = Array.from(soft.sent.subarray(8 * 32 + 8, 8 * 32 + 28));
    expect(row[0]).toBe(255);
    expect(row.at(-1)).toBe(0);
    expect(row.some((v) => v > 0 && v < 255)).toBe(true);
  });

  it("carries a painted mask into the frame", () => {
    const out = composeMask({
      painted: painted(16, 16, [10, 10, 12, 12]),
      outpaint: { frame, overlap: 0 },
      featherPx: 0,
    });
    expect(out.sent[10 * 32 + 16 + 10]).toBe(255);
    expect(out.sent[5 * 32 + 16 + 5]).toBe(0);
  });

  it("refuses a mask over everything, and a request with nothing to fill", () => {
    const full = painted(4, 4, [0, 0, 4, 4]);
    expect(() => composeMask({ painted: full, outpaint: null, featherPx: 0 })).toThrow(
      /covers the whole image/,
    );
    expect(() => composeMask({ painted: null, outpaint: null, featherPx: 0 })).toThrow(
      /Paint the area/,
    );
  });

  it("blames the seam overlap and the painted mask when together they cover a small photo", () => {
    // The 16 px image's overlap of 15 px leaves one column of it; the painted mask takes that.
    const column = painted(16, 16, [15, 0, 16, 16]);
    const plan = { painted: column, outpaint: { frame, overlap: 15 }, featherPx: 0 };
    expect(() => composeMask(plan)).toThrow(
      /"Seam overlap" \(15 px\) and the mask painted in Edit together cover the whole photo.*Lower the overlap or erase part of the mask\.$/,
    );
    expect(() => composeMask(plan)).not.toThrow(/Leave part of it unpainted/);
    expect(() => composeMask({ ...plan, outpaint: { frame, overlap: 14 } })).not.toThrow();
  });
});

describe("coverageRefusal", () => {
  // QA's tiny image: 12×9 with a 5×3 rectangle; the farthest pixel (a corner) is 5 px away.
  const tiny = painted(12, 9, [3, 3, 8, 6]);

  it("names the grow setting when only the grown mask covers the image", () => {
    const refusal = coverageRefusal(tiny, 10);
    expect(refusal).toMatch(/"Grow the area removed" \(10 px\) makes the mask cover/);
    expect(refusal).toMatch(/Lower it to 4 px or less\.$/);
    expect(refusal).not.toMatch(/Leave part of it unpainted/);
  });

  it("agrees with growMask on where coverage starts", () => {
    expect(growMask(tiny, 5).every((v) => v === 255)).toBe(true);
    expect(coverageRefusal(tiny, 5)).toMatch(/\(5 px\)/);
    expect(growMask(tiny, 4).some((v) => v === 0)).toBe(true);
    expect(coverageRefusal(tiny, 4)).toBeNull();
  });

  it("asks to leave part unpainted when the painting itself covers the image", () => {
    const full = painted(12, 9, [0, 0, 12, 9]);
    expect(coverageRefusal(full, 10)).toMatch(/covers the whole image.*Leave part of it unpainted/);
    expect(coverageRefusal(full, 0)).toMatch(/Leave part of it unpainted/);
  });

  it("measures round growth, not square: a lone pixel's square of 6 px covers, its circle does not", () => {
    const dot = painted(12, 9, [6, 4, 7, 5]);
    // The farthest corner, (0, 0), is √52 ≈ 7.2 px away.
    expect(coverageRefusal(dot, 6)).toBeNull();
    expect(coverageRefusal(dot, 7)).toBeNull();
    expect(growMask(dot, 7).some((v) => v === 0)).toBe(true);
    expect(coverageRefusal(dot, 8)).toMatch(/\(8 px\).*Lower it to 7 px or less\.$/);
    expect(growMask(dot, 8).every((v) => v === 255)).toBe(true);
  });

  it("lets an inverted mask through when its hole is wider than the growth", () => {
    const inverted = painted(64, 48, [0, 0, 64, 48]);
    for (let y = 10; y < 40; y++) inverted.data.fill(0, y * 64 + 20, y * 64 + 50);
    expect(coverageRefusal(inverted, 10)).toBeNull();
    expect(coverageRefusal(inverted, 15)).toMatch(/\(15 px\)/);
  });

  it("lets a mask through whose growth cannot reach an edge, and one with no growth", () => {
    const wide = painted(64, 64, [20, 20, 40, 40]);
    expect(coverageRefusal(wide, 10)).toBeNull();
    expect(coverageRefusal(tiny, 0)).toBeNull();
    expect(coverageRefusal(painted(12, 9), 10)).toBeNull();
  });
});
