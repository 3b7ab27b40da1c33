import { cropLevel, type FillLevel } from "../engine/fill-level";

/**
 * A 40×20 grey photo with its right third (from x 27) cut off: a bright row across the whole
 * photo at y 5 (a horizon) and a bright block at the edge, rows 13–15 and five pixels deep (a
 * cup cut by the frame).
 */
export function cutByTheFrame(): FillLevel {
  const [w, h] = [40, 20];
  const pixels = new Uint8Array(w * h).fill(100);
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (y === 5 || (y >= 13 && y <= 15 && x >= 22)) pixels[y * w + x] = 220;
      if (x >= 27) mask[y * w + x] = 1;
    }
  }
  return cropLevel(pixels, w, 1, mask, { x0: 0, y0: 0, x1: w, y1: h });
}
