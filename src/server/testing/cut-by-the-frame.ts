import { cropLevel, type FillLevel } from "../engine/fill-level";

/**
 * A grey `width`×`height` photo drawn by `shade(x, y)`, its columns from `cut` on cut off (the
 * hole): a Right outpaint's level.
 */
export function cutOnTheRight(
  width: number,
  height: number,
  cut: number,
  shade: (x: number, y: number) => number,
): FillLevel {
  const pixels = new Uint8Array(width * height);
  const mask = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      pixels[y * width + x] = shade(x, y);
      if (x >= cut) mask[y * width + x] = 1;
    }
  }
  return cropLevel(pixels, width, 1, mask, { x0: 0, y0: 0, x1: width, y1: height });
}

/**
 * A 40×20 grey photo with its right third (from x 27) cut off: a bright row across the whole
 * photo at y 5 (a horizon) and a bright block at the edge, rows 13–15 and five pixels deep (a
 * cup cut by the frame).
 */
export function cutByTheFrame(): FillLevel {
  return cutOnTheRight(40, 20, 27, (x, y) =>
    y === 5 || (y >= 13 && y <= 15 && x >= 22) ? 220 : 100,
  );
}

/** A photo of light sky over dark ground, the horizon at row `horizon`, cut on the right. */
export function horizonCutOnTheRight(
  width: number,
  height: number,
  cut: number,
  horizon: number,
): FillLevel {
  return cutOnTheRight(width, height, cut, (_, y) => (y < horizon ? 200 : 40));
}
