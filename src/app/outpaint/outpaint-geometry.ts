import type { ApiframeOutpaintPreset as OutpaintPreset } from "../../contract";

/**
 * Outpaint frames: the larger canvas to generate and where the image sits on it.
 *
 * No provider documents the pixel sizes of apiframe's presets, so Fillpaint defines them:
 * - "Zoom out 1.5x" / "Zoom out 2x": width and height grow by the factor, the image centred.
 * - "Make square": the short side is padded to the long one, the image centred.
 * - "Left/Right/Top/Bottom outpaint": that one side is extended by half the image's length on
 *   that axis (a 600-wide image gains 300 px on the left for "Left outpaint").
 * An axis that is not being extended keeps exactly the image's length: a designer who asks for
 * "Left outpaint" expects only the left side to grow. An extended axis is rounded up to a
 * multiple of 32 (unconfirmed for the upstreams, harmless for them and for the local engine),
 * the extra pixels going to the side or sides that grow: Zoom out grows all four sides, so its
 * extra is split around the image. "Make square" grows only the short axis, to the long one's
 * exact length: a 741×500 photo becomes 741×741, not 768×768. The image is downscaled, with a
 * notice, when the canvas would break the provider's limits.
 */

// The presets are apiframe's names, which the wire contract owns (apiframe receives them as is).
export {
  APIFRAME_OUTPAINT_PRESETS as OUTPAINT_PRESETS,
  type ApiframeOutpaintPreset as OutpaintPreset,
} from "../../contract";

export interface Size {
  width: number;
  height: number;
}

/** Pixels added on each side of the image, in canvas pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A canvas and the image's place on it, all in canvas pixels (integers). */
export interface OutpaintFrame extends Size {
  image: { x: number; y: number } & Size;
}

export interface OutpaintLimits {
  /** Extended canvas sides are rounded up to a multiple of this. */
  multiple: number;
  /** Largest canvas, in pixels (BFL's SDK refuses more than 20 MP). */
  maxPixels: number;
  /** Most pixels that may be added on one side (BFL's expand endpoint: 2048), or none. */
  maxPaddingPerSide: number | null;
}

export const DEFAULT_LIMITS: OutpaintLimits = {
  multiple: 32,
  maxPixels: 20_000_000,
  maxPaddingPerSide: 2048,
};

export interface FittedFrame {
  frame: OutpaintFrame;
  /** The factor the image was resized by to fit the limits (1 = untouched). */
  scale: number;
  /** Plain-language notes on what had to change, for the user. */
  notices: string[];
}

/** The padding a preset asks for, at the image's own scale and before rounding. */
export function presetPadding(preset: OutpaintPreset, image: Size): Padding {
  const { width: w, height: h } = image;
  const around = (dx: number, dy: number): Padding => ({
    top: dy / 2,
    bottom: dy / 2,
    left: dx / 2,
    right: dx / 2,
  });
  const none: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  switch (preset) {
    case "Zoom out 1.5x":
      return around(w * 0.5, h * 0.5);
    case "Zoom out 2x":
      return around(w, h);
    case "Make square":
      return around(Math.max(w, h) - w, Math.max(w, h) - h);
    case "Left outpaint":
      return { ...none, left: w / 2 };
    case "Right outpaint":
      return { ...none, right: w / 2 };
    case "Top outpaint":
      return { ...none, top: h / 2 };
    case "Bottom outpaint":
      return { ...none, bottom: h / 2 };
  }
}

/** The frame for a preset, rounded and kept within the limits. */
export function outpaintGeometry(
  preset: OutpaintPreset,
  image: Size,
  limits: OutpaintLimits = DEFAULT_LIMITS,
): FittedFrame {
  return fitFrame(image, presetPadding(preset, image), limits);
}

/** The padding of a frame, derived from where the image sits on it. */
export function framePadding(frame: OutpaintFrame): Padding {
  const { image } = frame;
  return {
    top: image.y,
    left: image.x,
    bottom: frame.height - image.y - image.height,
    right: frame.width - image.x - image.width,
  };
}

/**
 * Rounds a requested padding into a canvas whose extended sides are multiples of
 * `limits.multiple` (see the module's comment for the sides that are not), and shrinks the image (never the requested proportions) until the canvas fits the limits. Used for
 * the presets and for frames the user dragged by hand.
 */
export function fitFrame(image: Size, padding: Padding, limits: OutpaintLimits): FittedFrame {
  const requested = clampPadding(padding);
  let scale = initialScale(image, requested, limits);
  for (let attempt = 0; attempt < 64; attempt++) {
    const frame = roundedFrame(image, requested, scale, limits.multiple);
    if (withinLimits(frame, limits)) return { frame, scale, notices: notices(image, scale, frame) };
    scale *= 0.99;
  }
  throw new Error("The image is too large to outpaint within the provider's limits.");
}

function clampPadding(padding: Padding): Padding {
  const side = (value: number) => (Number.isFinite(value) ? Math.max(0, value) : 0);
  return {
    top: side(padding.top),
    right: side(padding.right),
    bottom: side(padding.bottom),
    left: side(padding.left),
  };
}

/** The largest scale that satisfies the limits before rounding; rounding is checked after. */
function initialScale(image: Size, padding: Padding, limits: OutpaintLimits): number {
  const width = image.width + padding.left + padding.right;
  const height = image.height + padding.top + padding.bottom;
  let scale = Math.min(1, Math.sqrt(limits.maxPixels / (width * height)));
  const widest = Math.max(padding.top, padding.right, padding.bottom, padding.left);
  if (limits.maxPaddingPerSide !== null && widest > 0) {
    scale = Math.min(scale, limits.maxPaddingPerSide / widest);
  }
  return scale;
}

function roundedFrame(
  image: Size,
  padding: Padding,
  scale: number,
  multiple: number,
): OutpaintFrame {
  const [stepX, stepY] = axisMultiples(image, padding, multiple);
  const [left, width, imageWidth] = scaledAxis(
    image.width,
    padding.left,
    padding.right,
    scale,
    stepX,
  );
  const [top, height, imageHeight] = scaledAxis(
    image.height,
    padding.top,
    padding.bottom,
    scale,
    stepY,
  );
  return { width, height, image: { x: left, y: top, width: imageWidth, height: imageHeight } };
}

/**
 * The multiple each axis is rounded to: 1 (its exact length) when it is not extended, and also
 * for an extended axis that is to match an axis left alone (a square of the long side), since
 * rounding it past that length would break the square or grow the other axis.
 */
function axisMultiples(image: Size, padding: Padding, multiple: number): [x: number, y: number] {
  const growsX = padding.left + padding.right > 0;
  const growsY = padding.top + padding.bottom > 0;
  const width = image.width + padding.left + padding.right;
  const height = image.height + padding.top + padding.bottom;
  const matchesAxisLeftAlone = width === height && growsX !== growsY;
  const step = (grows: boolean) => (grows && !matchesAxisLeftAlone ? multiple : 1);
  return [step(growsX), step(growsY)];
}

/**
 * One axis at `scale`: the image's length and the axis's whole length are each rounded once,
 * and the padding is what lies between them, split in the requested proportion. Rounding each
 * side apart would turn 427 + 106.5 + 106.5 into 641 (then 672), so a square preset would not
 * give a square.
 */
function scaledAxis(
  length: number,
  before: number,
  after: number,
  scale: number,
  multiple: number,
): [before: number, total: number, image: number] {
  const image = scale === 1 ? length : Math.max(1, Math.round(length * scale));
  const padding = Math.max(0, Math.round((length + before + after) * scale) - image);
  const first = before + after > 0 ? Math.round((padding * before) / (before + after)) : 0;
  const [start, , total] = roundAxis(image, first, padding - first, multiple);
  return [start, total, image];
}

/** Rounds one axis up to the multiple; the extra goes to the sides that grow. */
function roundAxis(
  length: number,
  before: number,
  after: number,
  multiple: number,
): [before: number, after: number, total: number] {
  const total = Math.ceil((length + before + after) / multiple) * multiple;
  const extra = total - length - before - after;
  if (before > 0 && after === 0) return [before + extra, after, total];
  if (after > 0 && before === 0) return [before, after + extra, total];
  const half = Math.floor(extra / 2);
  return [before + half, after + extra - half, total];
}

function withinLimits(frame: OutpaintFrame, limits: OutpaintLimits): boolean {
  if (frame.width * frame.height > limits.maxPixels) return false;
  if (limits.maxPaddingPerSide === null) return true;
  const padding = framePadding(frame);
  return (
    Math.max(padding.top, padding.right, padding.bottom, padding.left) <= limits.maxPaddingPerSide
  );
}

function notices(image: Size, scale: number, frame: OutpaintFrame): string[] {
  if (scale === 1) return [];
  const percent = Math.round((frame.image.width / image.width) * 100);
  return [
    `The image was scaled to ${percent}% (${frame.image.width}×${frame.image.height}) so the ` +
      `${frame.width}×${frame.height} canvas stays within the provider's limits.`,
  ];
}
