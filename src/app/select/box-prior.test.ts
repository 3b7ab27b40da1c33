import { describe, expect, it } from "vitest";
import { liftShadows, marginColours, widestGap } from "./box-prior";

describe("widestGap", () => {
  const box = { x: 10, y: 10, width: 80, height: 40 };

  it("is 0 for a cut that reaches every side of its box", () => {
    const mask = new Uint8Array(100 * 60);
    for (let y = 10; y < 50; y++) mask.fill(255, y * 100 + 10, y * 100 + 90);
    expect(widestGap(mask, 100, 60, box)).toBe(0);
  });

  it("is the largest side's gap over the box's longer side", () => {
    // Reaches the left, top and right sides; stops 20 rows above the bottom.
    const mask = new Uint8Array(100 * 60);
    for (let y = 10; y < 30; y++) mask.fill(255, y * 100 + 10, y * 100 + 90);
    expect(widestGap(mask, 100, 60, box)).toBeCloseTo(20 / 80);
  });

  it("is 1 for an empty cut", () => {
    expect(widestGap(new Uint8Array(100 * 60), 100, 60, box)).toBe(1);
  });
});

describe("marginColours", () => {
  const codes = { outside: 0, inside: 3, unlikely: 2 };

  it("marks the box's pixels coloured like the margin, darker or not, and keeps the object's", () => {
    // Margin: lit grey-blue gravel. Box: the same gravel, its shadow (same hue, half as
    // bright), and a dark red-brown hull, darker than both.
    const gravel = [90, 100, 120];
    const shadow = [45, 50, 60];
    const hull = [40, 18, 8];
    const pixels = [
      ...Array(40).fill([gravel, codes.outside]),
      ...Array(10).fill([gravel, codes.inside]),
      ...Array(10).fill([shadow, codes.inside]),
      ...Array(10).fill([hull, codes.inside]),
    ] as [number[], number][];
    const rgb = new Uint8Array(pixels.flatMap(([colour]) => colour));
    const labels = new Uint8Array(pixels.map(([, label]) => label));
    marginColours(rgb, labels, codes);
    expect([...labels.slice(40, 50)]).toEqual(Array(10).fill(codes.unlikely));
    expect([...labels.slice(50, 60)]).toEqual(Array(10).fill(codes.unlikely));
    expect([...labels.slice(60, 70)]).toEqual(Array(10).fill(codes.inside));
    expect([...labels.slice(0, 40)]).toEqual(Array(40).fill(codes.outside));
  });

  it("leaves the labels alone without a margin", () => {
    const labels = new Uint8Array(4).fill(codes.inside);
    marginColours(new Uint8Array(12).fill(80), labels, codes);
    expect([...labels]).toEqual([3, 3, 3, 3]);
  });
});

describe("liftShadows", () => {
  it("spreads dark levels apart and keeps black and white", () => {
    const lifted = liftShadows(new Uint8Array([0, 8, 16, 128, 255]));
    expect([...lifted]).toEqual([0, 45, 64, 181, 255]);
  });
});
