import { describe, expect, it } from "vitest";
import { blendContinuation, overlayShare } from "./directional-fill";
import type { FillLevel } from "./fill-level";

describe("laying a coarser continuation over the fill", () => {
  // A hole filled with a fine checkerboard (50 / 150) and a continuation walked at half scale
  // that says 120 everywhere, fully trusted.
  const width = 16;
  const height = 16;
  const fill = (): FillLevel => {
    const colour = new Float32Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) colour[y * width + x] = (x + y) % 2 === 0 ? 50 : 150;
    }
    return { width, height, bands: 1, colour, hole: new Uint8Array(width * height).fill(1) };
  };
  const from = {
    width: 8,
    height: 8,
    bands: 1,
    colour: new Float32Array(64),
    hole: new Uint8Array(64),
  };
  const along = { colour: new Float32Array(64).fill(120), trust: new Float32Array(64).fill(1) };

  it("moves the fill's cell means to the continuation and keeps its own detail", () => {
    const base = fill();
    blendContinuation(base, from, along, 2, 1);
    const values = Array.from(base.colour);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(120, 3);
    // the checkerboard is still there: its two colours 100 apart, shifted together
    expect(Math.min(...values)).toBeCloseTo(70, 3);
    expect(Math.max(...values)).toBeCloseTo(170, 3);
  });

  it("at full scale, replaces the fill where it is trusted", () => {
    const base = fill();
    const full = {
      colour: new Float32Array(width * height).fill(120),
      trust: new Float32Array(width * height).fill(1),
    };
    blendContinuation(base, base, full, 1, 1);
    expect(Array.from(new Set(base.colour))).toEqual([120]);
  });
});

describe("overlayShare", () => {
  it("ramps the overlay in with the crop's coherence instead of switching it on at 0.2", () => {
    expect(overlayShare(0.1)).toBe(0);
    expect(overlayShare(0.2)).toBe(0);
    // a crowd of boats' hulls (the lakeside's 0.25): a third
    expect(overlayShare(0.25)).toBeCloseTo(1 / 3, 5);
    // a dusk's horizon (0.37) and a deck's planks (0.9): all of it
    expect(overlayShare(0.37)).toBe(1);
    expect(overlayShare(0.9)).toBe(1);
  });
});
