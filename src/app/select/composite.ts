import type { PixelBox } from "../editor/apply-mask-op";
import type { RgbaImage } from "./wand";

/**
 * Pastes a cut-out (RGBA, alpha = the object) onto a background at (x, y): the quality
 * fixtures for object select, whose truth is the cut-out's own alpha. Returns the composite
 * (opaque RGBA) and the truth mask (alpha ≥ 128 → 255) at the background's size.
 */
export function pasteCutout(background: RgbaImage, cutout: RgbaImage, x: number, y: number) {
  const { width, height } = background;
  const data = new Uint8Array(background.data);
  const truth = new Uint8Array(width * height);
  for (let cy = 0; cy < cutout.height; cy++) {
    const by = y + cy;
    if (by < 0 || by >= height) continue;
    for (let cx = 0; cx < cutout.width; cx++) {
      const bx = x + cx;
      if (bx < 0 || bx >= width) continue;
      const s = (cy * cutout.width + cx) * 4;
      const d = (by * width + bx) * 4;
      const a = cutout.data[s + 3]! / 255;
      for (let c = 0; c < 3; c++)
        data[d + c] = Math.round(cutout.data[s + c]! * a + data[d + c]! * (1 - a));
      data[d + 3] = 255;
      if (cutout.data[s + 3]! >= 128) truth[by * width + bx] = 255;
    }
  }
  return { image: { data, width, height }, truth };
}

/** Intersection over union of two 0/255 masks of the same size (1 when both are empty). */
export function maskIoU(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] !== 0;
    const y = b[i] !== 0;
    if (x && y) both++;
    if (x || y) either++;
  }
  return either === 0 ? 1 : both / either;
}

/** The bounding box of a mask's painted pixels, grown by `margin` and kept in the image. */
export function maskBounds(mask: Uint8Array, width: number, height: number, margin = 0): PixelBox {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (mask[y * width + x]) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = y;
      }
  const left = Math.max(0, x0 - margin);
  const top = Math.max(0, y0 - margin);
  return {
    x: left,
    y: top,
    width: Math.min(width, x1 + 1 + margin) - left,
    height: Math.min(height, y1 + 1 + margin) - top,
  };
}
