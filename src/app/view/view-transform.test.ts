import { describe, expect, it } from "vitest";
import {
  actualSize,
  fitView,
  keepInBox,
  panBy,
  screenToContent,
  ZOOM_LIMITS,
  zoomAt,
  zoomPercent,
} from "./view-transform";

describe("fitView", () => {
  it("shrinks a large image to the viewport minus the margin and centres it", () => {
    const fit = fitView({ width: 4000, height: 2000 }, { width: 1048, height: 800 }, 24);
    expect(fit.scale).toBeCloseTo(1000 / 4000);
    expect(fit.x).toBe(24);
    expect(fit.y).toBe(Math.round((800 - 500) / 2));
  });

  it("enlarges a small image to fill the viewport", () => {
    const fit = fitView({ width: 100, height: 50 }, { width: 1048, height: 800 }, 24);
    expect(fit.scale).toBe(10);
    expect(fit.x).toBe(24);
    expect(fit.y).toBe(150);
    expect(zoomPercent(fit)).toBe("1000%");
  });
});

describe("zoomAt", () => {
  it("keeps the content pixel under the pointer fixed", () => {
    const view = { scale: 0.5, x: 40, y: 30 };
    const at = { x: 300, y: 200 };
    const before = screenToContent(view, at);
    const zoomed = zoomAt(view, 3, at);
    expect(zoomed.scale).toBeCloseTo(1.5);
    const after = screenToContent(zoomed, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it("clamps the scale to the limits", () => {
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e6, { x: 0, y: 0 }).scale).toBe(ZOOM_LIMITS.max);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 1e-6, { x: 0, y: 0 }).scale).toBe(ZOOM_LIMITS.min);
    expect(zoomAt({ scale: 1, x: 0, y: 0 }, 0.5, { x: 0, y: 0 }, { min: 0.8, max: 2 }).scale).toBe(
      0.8,
    );
  });

  it("goes to 100% (actual pixels) around the viewport centre", () => {
    const view = actualSize({ scale: 0.25, x: 0, y: 0 }, { width: 800, height: 600 });
    expect(view.scale).toBe(1);
    expect(zoomPercent(view)).toBe("100%");
    expect(screenToContent(view, { x: 400, y: 300 })).toEqual({ x: 1600, y: 1200 });
  });
});

describe("keepInBox", () => {
  const box = { width: 200, height: 100 };

  it("lets no empty border be panned into view of magnified content", () => {
    const view = { scale: 2, x: -50, y: -50 };
    expect(keepInBox(panBy(view, 500, 500), box, box)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(keepInBox(panBy(view, -500, -500), box, box)).toEqual({ scale: 2, x: -200, y: -100 });
  });

  it("centres content smaller than the box", () => {
    expect(keepInBox({ scale: 0.5, x: 7, y: -3 }, box, box)).toEqual({ scale: 0.5, x: 50, y: 25 });
  });
});
