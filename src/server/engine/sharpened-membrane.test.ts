import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { membraneFill } from "./membrane-fill";
import { sharpenedMembrane } from "./sharpened-membrane";

const W = 40;
const H = 24;

/** A 40×24 grey level with a hole at x 6–33, y 4–19; kept pixels take `value(x, y)`. */
function level(value: (x: number, y: number) => number): FillLevel {
  const colour = new Float32Array(W * H);
  const hole = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      if (x >= 6 && x < 34 && y >= 4 && y < 20) hole[p] = 1;
      else colour[p] = value(x, y);
    }
  }
  return { width: W, height: H, bands: 1, colour, hole };
}

const sharpened = (l: FillLevel) => sharpenedMembrane(l, 1, l.colour);
const at = (values: Float32Array, x: number, y: number) => values[y * W + x]!;

describe("sharpenedMembrane", () => {
  it("keeps a dark and a pale surface apart where the plain membrane blends them", () => {
    // dark wood on the left, pale sky on the right, meeting in a step at x = 20
    const l = level((x) => (x < 20 ? 40 : 200));
    const plain = membraneFill(l);
    const sharp = sharpened(l);
    // a quarter of the way across, the plain membrane is well into the blend…
    expect(at(plain, 12, 12)).toBeGreaterThan(60);
    expect(at(plain, 27, 12)).toBeLessThan(180);
    // …and the sharpened one stays with the surface that reaches there most
    expect(at(sharp, 12, 12)).toBeLessThan(52);
    expect(at(sharp, 27, 12)).toBeGreaterThan(188);
    // the sides still meet in the middle
    expect(at(sharp, 19, 12)).toBeGreaterThan(60);
    expect(at(sharp, 19, 12)).toBeLessThan(180);
  });

  it("leaves a gradual shading as the plain membrane", () => {
    // a sky's gradient: neighbouring edge pixels differ by 5 grey levels
    const l = level((x) => 20 + 5 * x);
    expect(Array.from(sharpened(l))).toEqual(Array.from(membraneFill(l)));
  });

  it("gives a small object touching the hole its plain share", () => {
    // a grey wall with a white object touching a short stretch of the hole's top edge
    const l = level((x, y) => (y < 4 && x >= 16 && x < 22 ? 250 : 100));
    expect(Array.from(sharpened(l))).toEqual(Array.from(membraneFill(l)));
  });

  it("copies kept pixels unchanged", () => {
    const l = level((x) => (x < 20 ? 40 : 200));
    const sharp = sharpened(l);
    for (let p = 0; p < W * H; p++) if (l.hole[p] === 0) expect(sharp[p]).toBe(l.colour[p]);
  });
});
