import { describe, expect, it } from "vitest";
import { frameHandles } from "./frame-handles";

describe("frameHandles", () => {
  it("keeps a fixed screen size on a large frame", () => {
    const [left, , top] = frameHandles({ width: 1024, height: 768 }, 0.5);
    expect(left).toEqual({ handle: "left", x: -12, y: 384 - 56, w: 24, h: 112 });
    expect(top).toEqual({ handle: "top", x: 512 - 56, y: -12, w: 112, h: 24 });
  });

  it("never outgrows a tiny frame (a 1×1 image zoomed out 2x is 32×32 at 100%)", () => {
    for (const handle of frameHandles({ width: 32, height: 32 }, 1)) {
      expect(Math.max(handle.w, handle.h)).toBeLessThanOrEqual(16);
      expect(Math.min(handle.w, handle.h)).toBeLessThanOrEqual(8);
    }
  });
});
