import { describe, expect, it } from "vitest";
import { applyMaskOp, opBounds, renderMask } from "../apply-mask-op";
import type { MaskOp } from "../mask-op";
import { featherMask } from "./feather";
import { growMask } from "./morphology";
import { fillPolygon, fillRect, paintPolyline } from "./paint-shapes";
import { hasTransparency, maskFromRgba } from "./threshold";

const blank = (width: number, height: number) => ({
  data: new Uint8Array(width * height),
  width,
  height,
});
const count = (data: Uint8Array) => data.reduce((n, v) => n + (v === 255 ? 1 : 0), 0);
const at = (r: { data: Uint8Array; width: number }, x: number, y: number) =>
  r.data[y * r.width + x];

describe("paintPolyline", () => {
  it("paints a disc of the brush diameter for a single click", () => {
    const r = blank(100, 100);
    paintPolyline(r, [50, 50], 20, 255);
    expect(at(r, 50, 50)).toBe(255);
    expect(at(r, 58, 50)).toBe(255);
    expect(at(r, 61, 50)).toBe(0);
    expect(at(r, 57, 57)).toBe(0); // inside the bounding box, outside the circle
    expect(count(r.data)).toBeGreaterThan(Math.PI * 100 * 0.9);
    expect(count(r.data)).toBeLessThan(Math.PI * 100 * 1.1);
  });

  it("paints a capsule of size 40 and nothing beyond half the size", () => {
    const r = blank(100, 100);
    paintPolyline(r, [10, 50, 90, 50], 40, 255);
    for (let x = 10; x < 90; x += 5) {
      expect([at(r, x, 50), at(r, x, 31), at(r, x, 25), at(r, x, 75)]).toEqual([255, 255, 0, 0]);
    }
  });

  it("clips at the border and erases with value 0", () => {
    const r = blank(64, 48);
    paintPolyline(r, [-20, -20, 5, 5, 200, 5], 12, 255);
    expect(at(r, 0, 0)).toBe(255);
    expect(at(r, 63, 5)).toBe(255);
    paintPolyline(r, [30, 5], 6, 0);
    expect(at(r, 30, 5)).toBe(0);
    expect(at(r, 40, 5)).toBe(255);
  });
});

describe("fillRect and fillPolygon", () => {
  it("fills a rectangle dragged in any direction, clipped", () => {
    const r = blank(20, 20);
    fillRect(r, 15, 15, -10, -5, 255);
    expect(count(r.data)).toBe(10 * 5);
    expect(at(r, 5, 10)).toBe(255);
    expect(at(r, 4, 10)).toBe(0);
    fillRect(r, -5, -5, 8, 8, 255);
    expect(at(r, 0, 0)).toBe(255);
    expect(at(r, 3, 3)).toBe(0);
  });

  it("fills a polygon by pixel centres (a square and a triangle)", () => {
    const r = blank(20, 20);
    fillPolygon(r, [2, 2, 12, 2, 12, 12, 2, 12], 255);
    expect(count(r.data)).toBe(100);
    const t = blank(20, 20);
    fillPolygon(t, [0, 0, 20, 0, 0, 20], 255);
    expect(count(t.data)).toBeGreaterThan(180);
    expect(count(t.data)).toBeLessThan(220);
    expect(at(t, 2, 2)).toBe(255);
    expect(at(t, 18, 18)).toBe(0);
  });
});

describe("growMask", () => {
  it("grows a dot into a disc of the radius and shrinks it back", () => {
    const r = blank(41, 41);
    r.data[20 * 41 + 20] = 255;
    const grown = growMask(r, 10);
    expect(at({ data: grown, width: 41 }, 30, 20)).toBe(255);
    expect(at({ data: grown, width: 41 }, 31, 20)).toBe(0);
    expect(at({ data: grown, width: 41 }, 27, 27)).toBe(255); // 7√2 ≈ 9.9
    expect(at({ data: grown, width: 41 }, 28, 28)).toBe(0); // 8√2 ≈ 11.3
    const shrunk = growMask({ data: grown, width: 41, height: 41 }, -9);
    expect(count(shrunk)).toBeGreaterThan(0);
    expect(count(shrunk)).toBeLessThan(10);
  });

  it("shrinks a square by the distance on every side", () => {
    const r = blank(30, 30);
    fillRect(r, 5, 5, 20, 20, 255);
    const shrunk = growMask(r, -3);
    expect(count(shrunk)).toBe(14 * 14);
  });
});

describe("featherMask", () => {
  it("keeps far pixels exact and makes a ramp across the edge", () => {
    const r = blank(60, 10);
    fillRect(r, 30, 0, 30, 10, 255);
    const soft = featherMask(r, 9);
    expect(soft[5 * 60 + 5]).toBe(0);
    expect(soft[5 * 60 + 55]).toBe(255);
    const edge = soft[5 * 60 + 30]!;
    expect(edge).toBeGreaterThan(100);
    expect(edge).toBeLessThan(200);
    expect(soft[5 * 60 + 26]!).toBeLessThan(edge);
  });

  it("returns the same mask for radius 0", () => {
    const r = blank(5, 5);
    r.data[3] = 255;
    expect([...featherMask(r, 0)]).toEqual([...r.data]);
  });
});

describe("maskFromRgba", () => {
  it("thresholds grey at 128 when the image is opaque", () => {
    const rgba = new Uint8Array([
      0, 0, 0, 255, 127, 127, 127, 255, 128, 128, 128, 255, 255, 255, 255, 255,
    ]);
    expect(hasTransparency(rgba)).toBe(false);
    expect([...maskFromRgba(rgba)]).toEqual([0, 0, 255, 255]);
  });

  it("uses alpha when there is transparency: transparent = repaint", () => {
    const rgba = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 0, 9, 9, 9, 100]);
    expect([...maskFromRgba(rgba)]).toEqual([0, 255, 255]);
  });
});

describe("renderMask", () => {
  const ops: MaskOp[] = [
    { kind: "rect", mode: "add", x: 0, y: 0, width: 10, height: 10 },
    { kind: "stroke", mode: "cut", points: [5, 5], size: 4 },
    { kind: "polygon", mode: "add", points: [12, 0, 20, 0, 20, 8] },
  ];

  it("applies operations in order: add, cut, invert, clear", () => {
    const mask = renderMask(ops, 20, 20);
    expect(at({ data: mask, width: 20 }, 1, 1)).toBe(255);
    expect(at({ data: mask, width: 20 }, 5, 5)).toBe(0);
    expect(at({ data: mask, width: 20 }, 19, 1)).toBe(255);
    const inverted = renderMask([...ops, { kind: "invert" }], 20, 20);
    expect(count(inverted)).toBe(400 - count(mask));
    expect(count(renderMask([...ops, { kind: "clear" }], 20, 20))).toBe(0);
  });

  it("gives the same result incrementally as from scratch", () => {
    const raster = blank(20, 20);
    for (const op of ops) applyMaskOp(raster, op);
    expect([...raster.data]).toEqual([...renderMask(ops, 20, 20)]);
  });

  it("starts from the last imported bitmap", () => {
    const data = new Uint8Array(400).fill(255);
    const mask = renderMask(
      [
        ...ops,
        { kind: "bitmap", data },
        { kind: "rect", mode: "cut", x: 0, y: 0, width: 20, height: 1 },
      ],
      20,
      20,
    );
    expect(count(mask)).toBe(380);
  });

  it("bounds shape operations by what they can change", () => {
    expect(
      opBounds({ kind: "stroke", mode: "add", points: [10, 10, 20, 10], size: 4 }, 100, 100),
    ).toEqual({
      x: 7,
      y: 7,
      width: 17,
      height: 7,
    });
    expect(opBounds({ kind: "invert" }, 100, 50)).toEqual({ x: 0, y: 0, width: 100, height: 50 });
  });
});
