import { describe, expect, it } from "vitest";
import { placeOnCanvas } from "../images/outpaint-placement";
import { matchingPreset } from "./preset-match";

const image = { width: 600, height: 400 };

describe("matchingPreset", () => {
  it("names the preset whose frame the placement is", () => {
    // Zoom out 1.5x of 600×400: 928×608 with the image at (164, 104) (outpaint-geometry tests).
    const zoom = placeOnCanvas(image, { width: 928, height: 608, auto_crop: false });
    expect(matchingPreset(image, zoom)).toBe("Zoom out 1.5x");
    const left = placeOnCanvas(image, {
      width: 928,
      height: 400,
      reference_offset_x: 328,
      reference_offset_y: 0,
      auto_crop: false,
    });
    expect(matchingPreset(image, left)).toBe("Left outpaint");
  });

  it("is null for any other frame, or a cropped image", () => {
    const custom = placeOnCanvas(image, { width: 700, height: 400, auto_crop: false });
    expect(matchingPreset(image, custom)).toBeNull();
    const cropped = placeOnCanvas(image, {
      width: 928,
      height: 608,
      reference_offset_x: -10,
      auto_crop: true,
    });
    expect(matchingPreset(image, cropped)).toBeNull();
  });
});
