import { describe, expect, it } from "vitest";
import { FIT, MAX_ZOOM, panBy, zoomAt } from "./zoom-pan";

const size = { width: 200, height: 100 };

describe("zoom and pan", () => {
  it("keeps the point under the cursor fixed while zooming", () => {
    const view = zoomAt(FIT, 2, { x: 50, y: 50 }, size);
    expect(view).toEqual({ scale: 2, x: -50, y: -50 });
    // The image point under the cursor is (50 - x) / scale = 50 before and after.
    expect((50 - view.x) / view.scale).toBe(50);
  });

  it("never zooms out past fit nor beyond the limit", () => {
    expect(zoomAt(FIT, 0.5, { x: 10, y: 10 }, size)).toEqual(FIT);
    expect(zoomAt(FIT, 1000, { x: 0, y: 0 }, size).scale).toBe(MAX_ZOOM);
  });

  it("pans only within the magnified image", () => {
    const view = { scale: 2, x: -50, y: -50 };
    expect(panBy(view, 500, 500, size)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(view, -500, -500, size)).toEqual({ scale: 2, x: -200, y: -100 });
    expect(panBy(FIT, 30, 30, size)).toEqual(FIT);
  });
});
