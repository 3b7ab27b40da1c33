import { describe, expect, it } from "vitest";
import { imageTooLarge, limitLabel, sizeWithin } from "./image-limit";

const local = { label: "Local engine", maxImagePixels: 20_000_000 };

describe("imageTooLarge", () => {
  it("lets an image at the limit through", () => {
    expect(imageTooLarge({ width: 5000, height: 4000 }, local)).toBeNull();
  });

  it("says the size, the megapixels, the provider's limit and the way on for one over it", () => {
    expect(imageTooLarge({ width: 12000, height: 9000 }, local)).toBe(
      "This image is 12000×9000 (108.0 MP); Local engine takes at most 20.0 MP. Work on a 20 MP copy, pick another provider or open a smaller image.",
    );
  });

  it("judges by pixels, not by side", () => {
    expect(imageTooLarge({ width: 20_000, height: 1000 }, local)).toBeNull();
    expect(imageTooLarge({ width: 5000, height: 4001 }, local)).not.toBeNull();
  });
});

describe("limitLabel", () => {
  it("never rounds a limit up", () => {
    expect(limitLabel(20_000_000)).toBe("20 MP");
    expect(limitLabel(12_599_999)).toBe("12.5 MP");
  });
});

describe("sizeWithin", () => {
  it("keeps an image that fits as it is", () => {
    expect(sizeWithin({ width: 5000, height: 4000 }, 20_000_000)).toEqual({
      width: 5000,
      height: 4000,
    });
  });

  it.each([
    [6000, 4000],
    [8192, 6144],
    [4000, 6000],
    [40_000, 1000],
    [7001, 5003],
  ])("fits %i×%i under 20 MP, keeping its proportions, as large as it can", (width, height) => {
    const size = sizeWithin({ width, height }, 20_000_000);
    expect(size.width * size.height).toBeLessThanOrEqual(20_000_000);
    // The proportions hold to within a pixel on each side.
    const scale = size.width / width;
    expect(Math.abs(height * scale - size.height)).toBeLessThan(1.5);
    // And no more than a pixel per side is given up.
    expect((size.width + 1) * (size.height + 1)).toBeGreaterThan(20_000_000);
  });

  it("gives the 24 MP camera photo a 5477×3651 copy", () => {
    expect(sizeWithin({ width: 6000, height: 4000 }, 20_000_000)).toEqual({
      width: 5477,
      height: 3651,
    });
  });
});
