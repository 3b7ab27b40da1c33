import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIMITS,
  fitFrame,
  framePadding,
  OUTPAINT_PRESETS,
  type OutpaintFrame,
  type OutpaintPreset,
  outpaintGeometry,
} from "./outpaint-geometry";

const SHAPES = {
  square: { width: 512, height: 512 },
  portrait: { width: 400, height: 600 },
  landscape: { width: 600, height: 400 },
  odd: { width: 451, height: 300 },
};

/**
 * Every frame must hold the image whole, on integer pixels; an extended axis is a multiple of 32
 * (unless it squares an axis left alone) and an axis left alone is exactly the image's length.
 */
function expectValidFrame(frame: OutpaintFrame) {
  const padding = framePadding(frame);
  const axes = [
    [frame.width, frame.image.width, padding.left + padding.right],
    [frame.height, frame.image.height, padding.top + padding.bottom],
  ] as const;
  const square = frame.width === frame.height;
  for (const [length, image, added] of axes) {
    if (added === 0) expect(length).toBe(image);
    else if (!square) expect(length % 32).toBe(0);
  }
  for (const side of Object.values(padding)) {
    expect(Number.isInteger(side)).toBe(true);
    expect(side).toBeGreaterThanOrEqual(0);
  }
}

describe("outpaintGeometry", () => {
  it.each(Object.entries(SHAPES))(
    "keeps a %s image untouched and whole in every preset",
    (_, size) => {
      for (const preset of OUTPAINT_PRESETS) {
        const { frame, scale, notices } = outpaintGeometry(preset, size);
        expect(scale).toBe(1);
        expect(notices).toEqual([]);
        expect(frame.image).toMatchObject(size);
        expectValidFrame(frame);
      }
    },
  );

  it("zooms out around the centre, growing both sides by the factor (rounded up to 32)", () => {
    const { frame } = outpaintGeometry("Zoom out 1.5x", SHAPES.landscape);
    expect(frame).toEqual({
      width: 928,
      height: 608,
      image: { x: 164, y: 104, width: 600, height: 400 },
    });
    const double = outpaintGeometry("Zoom out 2x", SHAPES.odd).frame;
    // 902×600 rounds up to 928×608; the image stays centred to within half a pixel.
    expect(double).toEqual({
      width: 928,
      height: 608,
      image: { x: 239, y: 154, width: 451, height: 300 },
    });
  });

  it("pads the short side to the long one's exact length for Make square", () => {
    expect(outpaintGeometry("Make square", SHAPES.portrait).frame).toEqual({
      width: 600,
      height: 600,
      image: { x: 100, y: 0, width: 400, height: 600 },
    });
    // The QA photo: 741×500 squares to 741×741; the long side is not rounded up to 768.
    expect(outpaintGeometry("Make square", { width: 741, height: 500 }).frame).toEqual({
      width: 741,
      height: 741,
      image: { x: 0, y: 121, width: 741, height: 500 },
    });
    expect(outpaintGeometry("Make square", SHAPES.square).frame).toEqual({
      width: 512,
      height: 512,
      image: { x: 0, y: 0, width: 512, height: 512 },
    });
  });

  const directional: [OutpaintPreset, keyof ReturnType<typeof framePadding>][] = [
    ["Left outpaint", "left"],
    ["Right outpaint", "right"],
    ["Top outpaint", "top"],
    ["Bottom outpaint", "bottom"],
  ];
  it.each(directional)("%s extends only that side by half the image", (preset, side) => {
    const size = SHAPES.landscape;
    const { frame } = outpaintGeometry(preset, size);
    const padding = framePadding(frame);
    const half = side === "left" || side === "right" ? size.width / 2 : size.height / 2;
    expect(padding[side]).toBeGreaterThanOrEqual(half);
    expect(padding[side]).toBeLessThan(half + 32);
    const opposite = { left: "right", right: "left", top: "bottom", bottom: "top" } as const;
    expect(padding[opposite[side]]).toBe(0);
  });

  it("leaves the axis that is not extended exactly the image's length", () => {
    // The QA photo: 741×500, Left outpaint: width 1111.5 → 1120 (all extra on the left), and
    // the height stays 500 (it used to become 512, 6 px on top and 6 below).
    expect(outpaintGeometry("Left outpaint", { width: 741, height: 500 }).frame).toEqual({
      width: 1120,
      height: 500,
      image: { x: 379, y: 0, width: 741, height: 500 },
    });
    expect(outpaintGeometry("Bottom outpaint", { width: 741, height: 500 }).frame).toEqual({
      width: 741,
      height: 768,
      image: { x: 0, y: 0, width: 741, height: 500 },
    });
    for (const [name, size] of Object.entries(SHAPES)) {
      for (const preset of ["Left outpaint", "Right outpaint"] as const) {
        expect(outpaintGeometry(preset, size).frame.height, `${name} ${preset}`).toBe(size.height);
      }
      for (const preset of ["Top outpaint", "Bottom outpaint"] as const) {
        expect(outpaintGeometry(preset, size).frame.width, `${name} ${preset}`).toBe(size.width);
      }
    }
  });

  it("keeps the axis left alone exact when the image is scaled to the limits", () => {
    const { frame, scale } = outpaintGeometry("Top outpaint", { width: 1001, height: 4600 });
    expect(scale).toBeLessThan(1);
    expect(frame.width).toBe(frame.image.width);
    expect(frame.height % 32).toBe(0);
    expect(framePadding(frame).bottom).toBe(0);
  });

  it("downscales a 12 MP photo so Zoom out 2x stays within 20 MP, and says so", () => {
    const photo = { width: 4272, height: 2848 };
    const { frame, scale, notices } = outpaintGeometry("Zoom out 2x", photo);
    expect(frame.width * frame.height).toBeLessThanOrEqual(20_000_000);
    expect(scale).toBeLessThan(1);
    expect(frame.image.width / frame.image.height).toBeCloseTo(photo.width / photo.height, 2);
    expect(notices[0]).toMatch(/scaled to \d+%/);
    expectValidFrame(frame);
  });

  it("keeps each side's new pixels within BFL's 2048 px expand limit", () => {
    const tall = { width: 1000, height: 4600 };
    const { frame, scale } = outpaintGeometry("Top outpaint", tall);
    expect(framePadding(frame).top).toBeLessThanOrEqual(2048);
    expect(scale).toBeLessThan(1);
    const unlimited = outpaintGeometry("Top outpaint", tall, {
      ...DEFAULT_LIMITS,
      maxPaddingPerSide: null,
    });
    expect(unlimited.scale).toBe(1);
    // 4600 + 2300 = 6900 rounds up to 6912: the 12 extra pixels go to the side that grows.
    expect(framePadding(unlimited.frame).top).toBe(2312);
  });

  it("fits a hand-dragged frame: negative or broken padding counts as none", () => {
    const { frame } = fitFrame(
      SHAPES.square,
      { top: -20, right: 100.4, bottom: Number.NaN, left: 0 },
      DEFAULT_LIMITS,
    );
    expect(frame).toEqual({
      width: 640,
      height: 512,
      image: { x: 0, y: 0, width: 512, height: 512 },
    });
  });

  it("rounds a hand-dragged frame's extended axis on the dragged side only", () => {
    const { frame } = fitFrame(
      SHAPES.odd,
      { top: 0, right: 0, bottom: 50, left: 0 },
      DEFAULT_LIMITS,
    );
    expect(frame).toEqual({
      width: 451,
      height: 352,
      image: { x: 0, y: 0, width: 451, height: 300 },
    });
  });
});

describe("square presets", () => {
  it("make a 640×427 image a 640×640 square (each half of the padding is 106.5)", () => {
    const { frame } = outpaintGeometry("Make square", { width: 640, height: 427 });
    expect(frame).toEqual({
      width: 640,
      height: 640,
      image: { x: 0, y: 107, width: 640, height: 427 },
    });
  });

  it("give a square for every size, scaled to the limits or not", () => {
    for (let width = 1; width < 700; width += 37) {
      for (let height = 1; height < 700; height += 41) {
        const { frame } = outpaintGeometry("Make square", { width, height });
        expect(frame.width, `${width}×${height}`).toBe(frame.height);
        expectValidFrame(frame);
      }
    }
    const limits = { multiple: 32, maxPixels: 1_000_000, maxPaddingPerSide: null };
    for (const size of [
      { width: 3001, height: 1999 },
      { width: 1333, height: 4097 },
    ]) {
      const { frame, scale } = fitFrame(size, presetPaddingFor(size), limits);
      expect(scale).toBeLessThan(1);
      expect(frame.width).toBe(frame.height);
    }
  });
});

function presetPaddingFor(size: { width: number; height: number }) {
  const side = Math.max(size.width, size.height);
  const dx = (side - size.width) / 2;
  const dy = (side - size.height) / 2;
  return { top: dy, bottom: dy, left: dx, right: dx };
}
