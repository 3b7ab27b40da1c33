import { describe, expect, it } from "vitest";
import { horizonCutOnTheRight } from "../testing/cut-by-the-frame";
import { runShares } from "./edge-runs";
import type { FillLevel } from "./fill-level";
import { anchorOutpaintLayout, gaussianBlur, wideningContinuation } from "./outpaint-anchor";
import { mulberry32 } from "./prng";

describe("gaussianBlur", () => {
  it("keeps a flat image flat and an impulse's mass, spread over about σ", () => {
    const flat = gaussianBlur(new Float32Array(40 * 30).fill(7), 40, 30, 1, 3);
    expect(Math.max(...flat.map((v) => Math.abs(v - 7)))).toBeLessThan(1e-4);

    const impulse = new Float32Array(61 * 61);
    impulse[30 * 61 + 30] = 1000;
    const spread = gaussianBlur(impulse, 61, 61, 1, 4);
    const mass = spread.reduce((a, b) => a + b, 0);
    expect(mass).toBeCloseTo(1000, 1);
    // the spread's variance along x is σ² (three boxes match it to within the rounding of r)
    let variance = 0;
    for (let y = 0; y < 61; y++) {
      for (let x = 0; x < 61; x++) variance += (spread[y * 61 + x]! * (x - 30) ** 2) / mass;
    }
    expect(Math.sqrt(variance)).toBeGreaterThan(3.5);
    expect(Math.sqrt(variance)).toBeLessThan(4.6);
  });
});

/** A 300×200 grey level whose top 80 rows are the hole, filled with `fill(x, y)`. */
function topOutpaint(kept: number, fill: (x: number, y: number) => number): FillLevel {
  const width = 300;
  const height = 200;
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inHole = y < 80;
      hole[y * width + x] = inHole ? 1 : 0;
      colour[y * width + x] = inHole ? fill(x, y) : kept;
    }
  }
  return { width, height, bands: 1, colour, hole };
}

/** topOutpaint's plain grey field (100) with a bright post (200) over columns [x0, x1), `depth` rows down from the edge. */
function postAtTheEdge(x0: number, x1: number, depth: number): FillLevel {
  const level = topOutpaint(100, () => 100);
  for (let y = 80; y < 80 + depth; y++) {
    for (let x = x0; x < x1; x++) level.colour[y * level.width + x] = 200;
  }
  return level;
}

describe("anchorOutpaintLayout", () => {
  it("moves the fill's large-scale colour towards the edge's, keeps its fine detail and every kept pixel", () => {
    // A fill 60 levels too bright (a sky copied over a dark shore), with a fine checker on top.
    const checker = (x: number, y: number) => ((x + y) % 2 === 0 ? 10 : -10);
    const level = topOutpaint(100, (x, y) => 160 + checker(x, y));
    anchorOutpaintLayout(level, 0.5);
    const at = (x: number, y: number) => level.colour[y * level.width + x]!;
    // far from the edge, halfway from 160 to the continued 100
    const mean = (at(150, 20) + at(151, 20)) / 2;
    expect(mean).toBeGreaterThan(125);
    expect(mean).toBeLessThan(135);
    // the checker's amplitude survives nearly whole
    expect(Math.abs(at(150, 20) - at(151, 20))).toBeGreaterThan(15);
    for (let y = 80; y < 200; y++) expect(at(150, y)).toBe(100);
  });

  it("continues what stands at the edge near it, and spreads it out further away", () => {
    // a bright block 20 px wide and 15 px deep at the photo's top edge, in a plain grey field
    const level = postAtTheEdge(140, 160, 15);
    anchorOutpaintLayout(level, 1);
    const at = (x: number, y: number) => level.colour[y * level.width + x]!;
    // Beside the edge the block goes on; 75 px out it has spread over about 75 px. Continued
    // straight out with one blur (σ = 6 px), it stood at 187 up there.
    expect(at(150, 78)).toBeGreaterThan(150);
    expect(at(150, 5)).toBeLessThan(130);
    expect(at(150, 5)).toBeGreaterThan(100);
  });

  it("carries on a post that runs back into the photo as far as it lies out", () => {
    // the same block as a post 120 px tall, the photo's whole height: a tower cut by the frame,
    // its sides crossing the edge squarely
    const level = postAtTheEdge(140, 160, 120);
    anchorOutpaintLayout(level, 1);
    expect(level.colour[5 * level.width + 150]).toBeGreaterThan(180);
  });

  it("spreads a short post out far away, though its sides cross the edge squarely", () => {
    // a bright post 6 px wide and 30 px deep at the photo's top edge, in a plain grey field
    const level = postAtTheEdge(147, 153, 30);
    anchorOutpaintLayout(level, 1);
    expect(level.colour[5 * level.width + 150]).toBeLessThan(120);
  });

  it("widens a blotchy texture's columns, however far back their colours run", () => {
    // 4×4 blotches of ±12 around 100 below the edge: each column's colour runs back through
    // the whole photo within the runs' tolerance, but no grain crosses the edge
    const random = mulberry32(3);
    const blotch = Array.from({ length: 75 * 30 }, () => 100 + (random() < 0.5 ? -12 : 12));
    const level = topOutpaint(100, () => 100);
    for (let y = 80; y < 200; y++) {
      for (let x = 0; x < 300; x++) {
        level.colour[y * level.width + x] = blotch[Math.floor(y / 4) * 75 + Math.floor(x / 4)]!;
      }
    }
    anchorOutpaintLayout(level, 1);
    // 75 px out, the columns have merged: carried straight out, they stood as stripes there
    const row = Array.from({ length: 200 }, (_, i) => level.colour[5 * level.width + 50 + i]!);
    const mean = row.reduce((a, b) => a + b, 0) / row.length;
    const deviation = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length);
    expect(deviation).toBeLessThan(1);
  });

  it("leaves a fill that already continues the edge as it is", () => {
    const level = topOutpaint(100, () => 100);
    anchorOutpaintLayout(level, 1);
    expect(Math.max(...level.colour.map((v) => Math.abs(v - 100)))).toBeLessThan(1e-3);
  });
});

describe("wideningContinuation", () => {
  it("spreads the edge along itself and never blurs in what stands inside the photo", () => {
    // A white 200×120 photo with a black square well inside it, and 60 new rows above it: the
    // edge is all white, so the continuation is white however wide its blur grows.
    const [width, height] = [200, 180];
    const colour = new Float32Array(width * height).fill(255);
    const hole = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (y < 60) hole[y * width + x] = 1;
        if (y >= 80 && y < 160 && x >= 60 && x < 140) colour[y * width + x] = 0;
      }
    }
    const continued = wideningContinuation({ width, height, bands: 1, colour, hole }, 2);
    let darkest = 255;
    for (let p = 0; p < 60 * width; p++) darkest = Math.min(darkest, continued[p]!);
    // blurred together with the photo, the far rows took in the square: down to 240
    expect(darkest).toBeGreaterThan(254.9);
    // kept pixels come back as they are
    expect(continued[100 * width + 100]).toBe(0);
  });

  it("does not widen where the edge's colour carries out by itself", () => {
    // A 300×100 photo whose right 100 columns are cut off: a light sky over dark ground, the
    // horizon at row 50 running across the whole photo.
    const width = 300;
    const level = horizonCutOnTheRight(width, 100, 200, 50);
    // ten rows above the horizon, 90 columns out
    const skyAt = (continued: Float32Array) => continued[40 * width + 290]!;
    // widened with distance, the ground crept up into the sky there: 123
    expect(skyAt(wideningContinuation(level, 2))).toBeLessThan(130);
    expect(skyAt(wideningContinuation(level, 2, { carried: runShares(level) }))).toBeGreaterThan(
      199,
    );
  });

  it("widens down a side edge by its column share", () => {
    // The same photo: 90 columns out and 30 rows below the horizon, the ground (50) meets the
    // sky's (200) blur down the edge. Widened alike both ways, the sky pulls it up to 109; at
    // half the blur down the columns it stays darker, 86.
    const width = 300;
    const level = horizonCutOnTheRight(width, 100, 200, 50);
    const groundAt = (continued: Float32Array) => continued[80 * width + 290]!;
    const alike = groundAt(wideningContinuation(level, 2));
    const halved = groundAt(wideningContinuation(level, 2, { columnShare: 0.5 }));
    expect(alike).toBeGreaterThan(halved + 15);
    expect(halved).toBeLessThan(95);
  });
});
