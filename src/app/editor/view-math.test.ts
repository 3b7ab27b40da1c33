import { describe, expect, it } from "vitest";
import { actualSize, screenToImage, ZOOM_LIMITS, zoomAt } from "./view-math";

describe("zoomAt", () => {
  it("keeps the image pixel under the pointer fixed", () => {
    const view = { scale: 0.5, x: 40, y: 30 };
    const at = { x: 300, y: 200 };
    const before = screenToImage(view, at);
    const zoomed = zoomAt(view, 3, at);
    expect(zoomed.scale).toBeCloseTo(1.5);
    const after = screenToImage(zoomed, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("clamps the scale to the limits", () => {
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e6, { x: 0, y: 0 }).scale).toBe(ZOOM_LIMITS.max);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e-6, { x: 0, y: 0 }).scale).toBe(ZOOM_LIMITS.min);
  });

  it("goes to 100% around the viewport centre", () => {
    const view = actualSize({ scale: 0.25, x: 0, y: 0 }, { width: 800, height: 600 });
    expect(view.scale).toBe(1);
    expect(screenToImage(view, { x: 400, y: 300 })).toEqual({ x: 1600, y: 1200 });
  });
});
