import { describe, expect, it } from "vitest";
import { FieldError } from "./field-error";
import { placeOnCanvas } from "./outpaint-placement";

const image = { width: 600, height: 400 };

describe("placeOnCanvas", () => {
  it("centres the image when no offset is given, rounding down", () => {
    const placed = placeOnCanvas(image, { width: 1001, height: 600, auto_crop: false });
    expect(placed).toMatchObject({ x: 200, y: 100 });
    expect(placed.sides).toEqual({ top: 100, bottom: 100, left: 200, right: 201 });
    expect(placed.crop).toEqual({ left: 0, top: 0, width: 600, height: 400 });
  });

  it("puts the image's top-left corner at the offsets", () => {
    const placed = placeOnCanvas(image, {
      width: 800,
      height: 400,
      reference_offset_x: 200,
      reference_offset_y: 0,
      auto_crop: false,
    });
    expect(placed.sides).toEqual({ top: 0, bottom: 0, left: 200, right: 0 });
  });

  it("refuses an image that runs off the canvas unless auto_crop, which keeps the part on it", () => {
    const request = {
      width: 700,
      height: 400,
      reference_offset_x: -50,
      reference_offset_y: 0,
    };
    expect(() => placeOnCanvas(image, { ...request, auto_crop: false })).toThrow(FieldError);
    const placed = placeOnCanvas(image, { ...request, auto_crop: true });
    expect(placed.crop).toEqual({ left: 50, top: 0, width: 550, height: 400 });
    expect(placed.sides).toEqual({ top: 0, bottom: 0, left: 0, right: 150 });
  });

  it("refuses a canvas with nothing to generate and an image entirely off the canvas", () => {
    expect(() => placeOnCanvas(image, { width: 600, height: 400, auto_crop: false })).toThrow(
      /nothing to outpaint/,
    );
    expect(() =>
      placeOnCanvas(image, {
        width: 700,
        height: 400,
        reference_offset_x: 700,
        auto_crop: true,
      }),
    ).toThrow(/does not touch/);
  });
});
