import { describe, expect, it } from "vitest";
import { fitView } from "./fit-view";

describe("fitView", () => {
  it("shrinks a large image to the viewport minus the margin and centres it", () => {
    const fit = fitView({ width: 4000, height: 2000 }, { width: 1048, height: 800 }, 24);
    expect(fit.scale).toBeCloseTo(1000 / 4000);
    expect(fit.x).toBe(24);
    expect(fit.y).toBe(Math.round((800 - 500) / 2));
  });

  it("never enlarges a small image past 100%", () => {
    const fit = fitView({ width: 100, height: 50 }, { width: 1000, height: 800 });
    expect(fit.scale).toBe(1);
    expect(fit.x).toBe(450);
    expect(fit.y).toBe(375);
  });
});
