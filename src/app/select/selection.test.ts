import { describe, expect, it } from "vitest";
import { applyMaskOp, renderMask } from "../editor/apply-mask-op";
import type { MaskOp } from "../editor/mask-op";
import { renderMaskRegion } from "../editor/render-mask-region";
import { applySelection, selectionMode, trimSelection } from "./selection";
import { removeSpecks } from "./specks";

const W = 8;
const H = 6;
/** A 3×2 selection at (2, 1) whose top-left pixel is not selected. */
const selection = {
  box: { x: 2, y: 1, width: 3, height: 2 },
  data: Uint8Array.of(0, 255, 255, 255, 255, 255),
};
const at = (data: Uint8Array, x: number, y: number) => data[y * W + x];

describe("applySelection", () => {
  it("adds only the selected pixels inside the box", () => {
    const raster = { data: new Uint8Array(W * H), width: W, height: H };
    applySelection(raster, "add", selection);
    expect(at(raster.data, 2, 1)).toBe(0);
    expect(at(raster.data, 3, 1)).toBe(255);
    expect(at(raster.data, 4, 2)).toBe(255);
    expect(raster.data.reduce((n, v) => n + (v ? 1 : 0), 0)).toBe(5);
  });

  it("cuts the selected pixels and keeps the rest", () => {
    const raster = { data: new Uint8Array(W * H).fill(255), width: W, height: H };
    applySelection(raster, "cut", selection);
    expect(at(raster.data, 2, 1)).toBe(255);
    expect(at(raster.data, 3, 1)).toBe(0);
    expect(raster.data.reduce((n, v) => n + (v ? 1 : 0), 0)).toBe(W * H - 5);
  });

  it("intersects: only pixels both painted and selected stay", () => {
    const raster = { data: new Uint8Array(W * H).fill(255), width: W, height: H };
    applySelection(raster, "intersect", selection);
    expect(raster.data.reduce((n, v) => n + (v ? 1 : 0), 0)).toBe(5);
    expect(at(raster.data, 0, 0)).toBe(0);
    expect(at(raster.data, 2, 1)).toBe(0);
    expect(at(raster.data, 4, 2)).toBe(255);
  });

  it("is a mask operation: undoing it by region gives the same pixels as a full render", () => {
    const ops: MaskOp[] = [
      { kind: "rect", mode: "add", x: 0, y: 0, width: 4, height: 4 },
      { kind: "selection", mode: "cut", ...selection },
      {
        kind: "selection",
        mode: "intersect",
        box: { x: 1, y: 0, width: 6, height: 5 },
        data: new Uint8Array(30).fill(255),
      },
    ];
    const full = renderMask(ops, W, H);
    const region = renderMaskRegion(ops, W, H, { x: 1, y: 1, width: 4, height: 3 });
    for (let y = 0; y < 3; y++)
      for (let x = 0; x < 4; x++) expect(region?.[y * 4 + x]).toBe(at(full, x + 1, y + 1));
    const raster = { data: renderMask(ops.slice(0, 1), W, H), width: W, height: H };
    applyMaskOp(raster, ops[1]!);
    expect(at(raster.data, 3, 1)).toBe(0);
    expect(at(raster.data, 2, 1)).toBe(255);
  });
});

describe("selectionMode", () => {
  it("maps Shift, Alt and both to add, cut and intersect", () => {
    expect(selectionMode({ shiftKey: false, altKey: false })).toBe("add");
    expect(selectionMode({ shiftKey: true, altKey: false })).toBe("add");
    expect(selectionMode({ shiftKey: false, altKey: true })).toBe("cut");
    expect(selectionMode({ shiftKey: true, altKey: true })).toBe("intersect");
    expect(selectionMode({ shiftKey: false, altKey: false, button: 2 })).toBe("cut");
  });
});

describe("trimSelection", () => {
  it("crops to the painted pixels and offsets the box", () => {
    const mask = new Uint8Array(W * H);
    mask[2 * W + 3] = 255;
    mask[4 * W + 5] = 255;
    const trimmed = trimSelection(mask, { x: 10, y: 20, width: W, height: H });
    expect(trimmed?.box).toEqual({ x: 13, y: 22, width: 3, height: 3 });
    expect(Array.from(trimmed?.data ?? [])).toEqual([255, 0, 0, 0, 0, 0, 0, 0, 255]);
    expect(trimSelection(new Uint8Array(4), { x: 0, y: 0, width: 2, height: 2 })).toBeNull();
  });
});

describe("removeSpecks", () => {
  it("fills small enclosed holes and drops small islands, keeping large parts and open background", () => {
    const w = 12;
    const h = 10;
    const mask = new Uint8Array(w * h);
    for (let y = 1; y < 8; y++) for (let x = 1; x < 8; x++) mask[y * w + x] = 255;
    mask[4 * w + 4] = 0; // a one-pixel hole
    mask[9 * w + 10] = 255; // a one-pixel island
    removeSpecks(mask, w, h, 2);
    expect(mask[4 * w + 4]).toBe(255);
    expect(mask[9 * w + 10]).toBe(0);
    expect(mask[1 * w + 1]).toBe(255);
    expect(mask[0]).toBe(0);
    expect(mask.reduce((n, v) => n + (v ? 1 : 0), 0)).toBe(49);
  });
});

/** Pixel-by-pixel flood fill: what removeSpecks must do, slowly. */
function removeSpecksSlowly(mask: Uint8Array, w: number, h: number, maxArea: number) {
  const seen = new Uint8Array(w * h);
  const out = mask.slice();
  for (let s = 0; s < w * h; s++) {
    if (seen[s]) continue;
    const value = mask[s];
    const members = [s];
    seen[s] = 1;
    let border = false;
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      const x = i % w;
      const y = Math.floor(i / w);
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) border = true;
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ] as const) {
        const j = ny * w + nx;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[j] && mask[j] === value) {
          seen[j] = 1;
          members.push(j);
        }
      }
    }
    if (members.length <= maxArea && !(value === 0 && border))
      for (const i of members) out[i] = value === 0 ? 255 : 0;
  }
  return out;
}

describe("removeSpecks on random masks", () => {
  it("matches a pixel-by-pixel flood fill, including components that join only further down", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 40; trial++) {
      const w = 5 + Math.floor(random() * 30);
      const h = 5 + Math.floor(random() * 30);
      const density = 0.3 + random() * 0.4;
      const mask = new Uint8Array(w * h);
      for (let i = 0; i < mask.length; i++) mask[i] = random() < density ? 255 : 0;
      const maxArea = 1 + Math.floor(random() * 12);
      const expected = removeSpecksSlowly(mask, w, h, maxArea);
      removeSpecks(mask, w, h, maxArea);
      expect(Array.from(mask)).toEqual(Array.from(expected));
    }
  });
});
