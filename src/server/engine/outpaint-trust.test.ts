import { describe, expect, it } from "vitest";
import type { FillLevel } from "./fill-level";
import { guideBands } from "./layout-guide";
import { unguidedTrust } from "./outpaint-trust";

/**
 * A 40×24 grey level: kept on the left (x < 20), an outpaint on the right. The kept part is
 * horizontal stripes; the guide carries each row's last kept pixel outward, as nearestFill does.
 */
function stripedOutpaint(fillAt: (x: number, y: number) => number): FillLevel {
  const width = 40;
  const height = 24;
  const stripe = (y: number) => (y % 4 < 2 ? 90 : 130);
  const colour = new Float32Array(width * height);
  const hole = new Uint8Array(width * height);
  const guide = new Float32Array(width * height * guideBands(1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      hole[i] = x >= 20 ? 1 : 0;
      colour[i] = hole[i] ? fillAt(x, y) : stripe(y);
      guide[i * 2] = stripe(y);
    }
  }
  return { width, height, bands: 1, colour, hole, guide };
}

const at = (level: FillLevel, trust: Float32Array, x: number, y: number) =>
  trust[y * level.width + x]!;

describe("unguidedTrust", () => {
  it("trusts a fill that carries the stripes on, and keeps kept pixels at 1", () => {
    const level = stripedOutpaint((_, y) => (y % 4 < 2 ? 90 : 130));
    const trust = unguidedTrust(level);
    expect(at(level, trust, 5, 12)).toBe(1);
    for (const x of [22, 30, 38]) expect(at(level, trust, x, 12)).toBeGreaterThan(0.9);
  });

  it("does not trust a block of colour the edge does not continue (a boat in the sky)", () => {
    const boat = (x: number, y: number) => x >= 28 && x < 36 && y >= 8 && y < 16;
    const level = stripedOutpaint((x, y) => (boat(x, y) ? 220 : y % 4 < 2 ? 90 : 130));
    const trust = unguidedTrust(level);
    expect(at(level, trust, 32, 12)).toBeLessThan(0.2);
    expect(at(level, trust, 22, 2)).toBeGreaterThan(0.8);
  });

  it("does not trust detail far busier than the edge, even at the edge's mean colour", () => {
    // the kept part is flat 110 (a plain sky); a fragment of lattice at the same mean comes in
    const level = stripedOutpaint((x, y) =>
      x >= 28 && x < 36 && y >= 8 && y < 16 ? ((x + y) % 2 === 0 ? 40 : 180) : 110,
    );
    for (let i = 0; i < level.colour.length; i++) {
      if (level.hole[i] === 0) level.colour[i] = 110;
      level.guide![i * 2] = 110;
    }
    const trust = unguidedTrust(level);
    expect(at(level, trust, 32, 12)).toBeLessThan(0.3);
    expect(at(level, trust, 22, 2)).toBeGreaterThan(0.8);
  });
});

describe("unguidedTrust on a busy pattern", () => {
  it("trusts a fill as busy as the photo along its edge, though the guide is a blur", () => {
    // vertical stripes (a brick wall's courses seen across a Right outpaint's edge): each row
    // crosses them, so the guide, a blur of the edge, is their flat mean, and the fill that
    // carries them on is far busier than it. Held to the guide's busyness, it was not trusted.
    const level = stripedOutpaint((x) => (x % 4 < 2 ? 90 : 130));
    for (let i = 0; i < level.colour.length; i++) {
      if (level.hole[i] === 0) level.colour[i] = (i % level.width) % 4 < 2 ? 90 : 130;
      level.guide![i * 2] = 110;
    }
    const trust = unguidedTrust(level);
    for (const x of [22, 30, 38]) expect(at(level, trust, x, 12)).toBeGreaterThan(0.9);
  });
});
