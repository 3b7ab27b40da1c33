import { describe, expect, it } from "vitest";
import { compareLayout, SIDE_COLUMN } from "./compare-layout";

// The comparison's content box beside the sidebar at 1024×640 and 1280×800.
const SMALL = { width: 673, height: 560 };
const LARGE = { width: 928, height: 720 };

describe("compareLayout", () => {
  it("puts the controls beside a portrait, at both window sizes", () => {
    expect(compareLayout({ width: 400, height: 600 }, SMALL)).toBe("beside");
    expect(compareLayout({ width: 1200, height: 1800 }, LARGE)).toBe("beside");
    expect(compareLayout({ width: 987, height: 1481 }, SMALL)).toBe("beside");
  });

  it("keeps them under a wide photo in a wide window, and under a panorama", () => {
    expect(compareLayout({ width: 451, height: 300 }, LARGE)).toBe("below");
    expect(compareLayout({ width: 600, height: 400 }, LARGE)).toBe("below");
    expect(compareLayout({ width: 4272, height: 2848 }, LARGE)).toBe("below");
    expect(compareLayout({ width: 1600, height: 600 }, SMALL)).toBe("below");
  });

  it("goes beside a landscape photo at 1024×640, where the buttons under it wrap", () => {
    // Under: 273×182 for the cat, 313×208 for the 1200×800 sample (QA); beside: over 410 wide.
    expect(compareLayout({ width: 451, height: 300 }, SMALL)).toBe("beside");
    expect(compareLayout({ width: 1200, height: 800 }, SMALL)).toBe("beside");
  });

  it("goes beside when the image shows clearly larger there: a square in a short window", () => {
    expect(compareLayout({ width: 512, height: 512 }, SMALL)).toBe("beside");
    // A tall, narrow area has no room for a column.
    expect(
      compareLayout({ width: 512, height: 512 }, { width: SIDE_COLUMN + 100, height: 1400 }),
    ).toBe("below");
  });

  it("stays below before the area is measured", () => {
    expect(compareLayout({ width: 400, height: 600 }, { width: 0, height: 0 })).toBe("below");
  });
});
