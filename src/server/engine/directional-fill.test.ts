import { describe, expect, it } from "vitest";
import { blendContinuation, overlayShare, resampleContinuation } from "./directional-fill";
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

describe("an untrusted cell beside a trusted one", () => {
  // A sky of 100 filled all over; a continuation walked at a quarter scale whose top four rows
  // of cells met no kept pixel (trust 0, the unfilled hole's black), the rest a sky of 100,
  // fully trusted: the row of an outpaint's frame beside the photo's corner.
  const width = 32;
  const height = 32;
  const cells = 8;
  const from = {
    width: cells,
    height: cells,
    bands: 1,
    colour: new Float32Array(cells * cells),
    hole: new Uint8Array(cells * cells).fill(1),
  };
  const along = {
    colour: new Float32Array(cells * cells).map((_, i) => (i < 4 * cells ? 0 : 100)),
    trust: new Float32Array(cells * cells).map((_, i) => (i < 4 * cells ? 0 : 1)),
  };

  it("lays no darker line over the fill where the two meet", () => {
    const base: FillLevel = {
      width,
      height,
      bands: 1,
      colour: new Float32Array(width * height).fill(100),
      hole: new Uint8Array(width * height).fill(1),
    };
    blendContinuation(base, from, along, 4, 1);
    // read plainly, the black of the untrusted cells came in: 77 along the seam
    expect(Math.min(...base.colour)).toBeCloseTo(100, 3);
  });

  it("reads the trusted colour alone when carried to a finer level", () => {
    const fine = {
      width,
      height,
      bands: 1,
      colour: new Float32Array(width * height),
      hole: new Uint8Array(width * height).fill(1),
    };
    const carried = resampleContinuation(from, along, fine, 4);
    for (let p = 0; p < width * height; p++) {
      if (carried.trust[p]! > 0) expect(carried.colour[p]).toBeCloseTo(100, 3);
    }
    // the trust itself still fades in between the cells
    expect(carried.trust[15 * width]).toBeCloseTo(0.375, 3);
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
