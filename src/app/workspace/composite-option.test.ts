import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, outpaintGeometry } from "../outpaint/outpaint-geometry";
import { compositeOption } from "./composite-option";

describe("compositeOption", () => {
  it("promises the original outside the mask for the mask tasks", () => {
    for (const task of ["erase", "fill"] as const) {
      expect(compositeOption(task, 1)).toEqual({
        label: "Keep everything outside the mask exactly as the original",
        reason: null,
      });
    }
  });

  it("promises the photo exactly when it is sent at its own size", () => {
    const { scale } = outpaintGeometry("Right outpaint", { width: 451, height: 300 });
    expect(compositeOption("outpaint", scale)).toEqual({
      label: "Keep the photo exactly as the original",
      reason: null,
    });
  });

  it("says the photo is kept as sent, scaled, when the canvas limits scale it", () => {
    // 4200 px wide: Zoom out 2x would add 2100 px a side, beyond the 2048 allowed.
    const { scale } = outpaintGeometry("Zoom out 2x", { width: 4200, height: 100 }, DEFAULT_LIMITS);
    expect(scale).toBeLessThan(1);
    const option = compositeOption("outpaint", scale);
    expect(option.label).toBe("Keep the photo as sent, at 98% of its size");
    expect(option.reason).toBe("At full size the canvas would be too large.");
    expect(compositeOption("outpaint", 0.998).label).toContain("at 99% of its size");
  });
});
