import { describe, expect, it } from "vitest";
import { imageTooLarge } from "./image-limit";

const local = { label: "Local engine", maxImagePixels: 20_000_000 };

describe("imageTooLarge", () => {
  it("lets an image at the limit through", () => {
    expect(imageTooLarge({ width: 5000, height: 4000 }, local)).toBeNull();
  });

  it("says the size, the megapixels and the provider's limit for one over it", () => {
    expect(imageTooLarge({ width: 12000, height: 9000 }, local)).toBe(
      "This image is 12000×9000 (108.0 MP); Local engine takes at most 20.0 MP. Pick another provider or open a smaller image.",
    );
  });

  it("judges by pixels, not by side", () => {
    expect(imageTooLarge({ width: 20_000, height: 1000 }, local)).toBeNull();
    expect(imageTooLarge({ width: 5000, height: 4001 }, local)).not.toBeNull();
  });
});
