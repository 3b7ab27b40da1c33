import { describe, expect, it } from "vitest";
import { BRUSH_SIZE, defaultBrushSize } from "./brush-size";

describe("defaultBrushSize", () => {
  it("spans 4% of the short side of a large photo", () => {
    expect(defaultBrushSize({ width: 12000, height: 9000 })).toBe(360);
    expect(defaultBrushSize({ width: 4272, height: 2848 })).toBe(114);
    expect(defaultBrushSize({ width: 3000, height: 6000 })).toBe(120);
  });

  it("keeps the same share of the screen at fit zoom for a 1.3 MP, a 12 MP and a 108 MP photo", () => {
    const screenShare = (width: number, height: number) =>
      defaultBrushSize({ width, height }) / Math.min(width, height);
    expect(screenShare(12000, 9000)).toBeCloseTo(screenShare(1333, 1000), 3);
    expect(screenShare(4272, 2848)).toBeCloseTo(screenShare(1333, 1000), 3);
  });

  it("is 40 px for a 1 MP photo and anything smaller", () => {
    expect(defaultBrushSize({ width: 1000, height: 1000 })).toBe(40);
    expect(defaultBrushSize({ width: 512, height: 512 })).toBe(BRUSH_SIZE.default);
    expect(defaultBrushSize({ width: 1, height: 1 })).toBe(BRUSH_SIZE.default);
  });

  it("never exceeds the slider's range", () => {
    expect(defaultBrushSize({ width: 40000, height: 30000 })).toBe(BRUSH_SIZE.max);
    expect(defaultBrushSize({ width: Number.NaN, height: 10 })).toBe(BRUSH_SIZE.default);
  });
});
