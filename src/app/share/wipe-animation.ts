/**
 * The before/after wipe as pure functions on RGBA pixels, shared by the GIF and video encoders
 * and tested in Node. The divider starts at the left edge (all before), sweeps across (all
 * after), back, and across again, so the animation opens on the before and rests on the after,
 * with a short hold at both ends.
 */

export interface WipeOptions {
  width: number;
  height: number;
  /** 2–6 s. */
  durationMs: number;
  fps: number;
}

export const WIPE_DURATION = { min: 2000, max: 6000, default: 3000 } as const;
export const MIN_WIPE_FRAMES = 20;

/** Where the time goes: hold, across, back, across, hold (fractions of the whole). */
const HOLD = 0.08;
const LEG = (1 - 2 * HOLD) / 3;

const ease = (x: number) => x * x * (3 - 2 * x);

/** The divider's position (0 = left edge, all before; 1 = right edge, all after) at `u` ∈ [0, 1]. */
export function wipePosition(u: number): number {
  const t = Math.min(1, Math.max(0, u));
  if (t <= HOLD) return 0;
  if (t >= 1 - HOLD) return 1;
  const leg = Math.min(2, Math.floor((t - HOLD) / LEG));
  const within = ease((t - HOLD - leg * LEG) / LEG);
  return leg === 1 ? 1 - within : within;
}

export function wipeFrameCount(durationMs: number, fps: number): number {
  return Math.max(MIN_WIPE_FRAMES, Math.round((durationMs / 1000) * fps));
}

/** The divider's line: white, 2 px, with a dark pixel each side so it shows on white too. */
const LINE = [
  [40, 40, 40],
  [255, 255, 255],
  [255, 255, 255],
  [40, 40, 40],
] as const;

/**
 * One frame into `out`: the after left of the divider, the before right of it, and the
 * divider's line unless it sits at an edge (so the first and last frames are exactly the two
 * images).
 */
export function composeWipeFrame(
  before: Uint8ClampedArray,
  after: Uint8ClampedArray,
  width: number,
  height: number,
  position: number,
  out: Uint8ClampedArray,
): void {
  const cut = Math.round(Math.min(1, Math.max(0, position)) * width);
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    out.set(after.subarray(row, row + cut * 4), row);
    out.set(before.subarray(row + cut * 4, row + width * 4), row + cut * 4);
    if (cut <= 0 || cut >= width) continue;
    LINE.forEach((rgb, i) => {
      const x = cut - 2 + i;
      if (x < 0 || x >= width) return;
      const at = row + x * 4;
      out[at] = rgb[0];
      out[at + 1] = rgb[1];
      out[at + 2] = rgb[2];
      out[at + 3] = 255;
    });
  }
}

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/**
 * The animation's size for an output width: the images' aspect, both sides even (video codecs
 * need them so), rounded down so it never exceeds the image.
 */
export function wipeSize(image: { width: number; height: number }, width: number) {
  const w = even(Math.min(width, image.width));
  return { width: w, height: even((w * image.height) / image.width) };
}

const WIPE_WIDTHS = [480, 640, 800, 1080] as const;

export interface WipeSizeChoice {
  width: number;
  height: number;
  label: string;
}

/**
 * The sizes offered for an image: each preset width narrower than the image, then the image's
 * own size, which says so, and says why when it lost a pixel to the even sides video needs.
 */
export function wipeSizes(image: { width: number; height: number }): WipeSizeChoice[] {
  // Each side rounded down on its own: 741×500 gives 740×500, not a height that lost 2 px too.
  const full = { width: even(image.width), height: even(image.height) };
  const trimmed = full.width !== image.width || full.height !== image.height;
  const presets = WIPE_WIDTHS.filter((w) => w < full.width).map((w) => wipeSize(image, w));
  return [
    ...presets.map((size) => ({ ...size, label: `${size.width}×${size.height}` })),
    {
      ...full,
      label: `${full.width}×${full.height} · full size${trimmed ? " (even sides for video)" : ""}`,
    },
  ];
}
