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

/** Every frame must hold the image whole, on integer pixels, with sides a multiple of 32. */
function expectValidFrame(frame: OutpaintFrame) {
  expect(frame.width % 32).toBe(0);
  expect(frame.height % 32).toBe(0);
  const padding = framePadding(frame);
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

  it("pads the short side to the long one for Make square", () => {
    expect(outpaintGeometry("Make square", SHAPES.portrait).frame).toEqual({
      width: 608,
      height: 608,
      image: { x: 104, y: 4, width: 400, height: 600 },
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

  it("shares the rounding of an axis that is not extended evenly", () => {
    // 451×300, Left outpaint: width 676.5 → 704 (all extra on the left), height 300 → 320.
    const { frame } = outpaintGeometry("Left outpaint", SHAPES.odd);
    expect(frame).toEqual({
      width: 704,
      height: 320,
      image: { x: 253, y: 10, width: 451, height: 300 },
    });
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
