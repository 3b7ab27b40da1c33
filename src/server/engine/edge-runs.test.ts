import { describe, expect, it } from "vitest";
import { cutByTheFrame } from "../testing/cut-by-the-frame";
import { runShares } from "./edge-runs";

describe("runShares", () => {
  const level = cutByTheFrame();
  const w = level.width;
  const runs = runShares(level);
  const at = (x: number, y: number) => runs[y * w + x]!;

  it("carries a colour that runs across the photo all the way out", () => {
    expect(at(39, 5)).toBe(1);
    // the plain grey runs across the photo too
    expect(at(39, 9)).toBe(1);
  });

  it("carries a colour that runs a short way in only as far out as it runs in", () => {
    // the block runs from x 26 back to 22: five pixels of colour, so a pixel d out gets 5 / d
    expect(at(28, 14)).toBe(1);
    expect(at(36, 14)).toBeCloseTo(5 / 10, 5);
    expect(at(39, 14)).toBeCloseTo(5 / 13, 5);
  });

  it("is 1 on kept pixels", () => {
    expect(at(10, 14)).toBe(1);
  });
});
