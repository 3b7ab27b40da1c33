import type { PixelBox } from "../editor/apply-mask-op";
import { fillPolygon } from "../editor/raster/paint-shapes";
import type { RgbaImage } from "./wand";

/**
 * An irregular closed outline around (cx, cy): an ellipse with radii rx, ry whose radius
 * wobbles by up to ~30%, turned by `phase`. Used to cut objects out of real photos by a
 * hand-placed outline, which is then their exact truth wherever they are pasted.
 */
export function wobblyOutline(cx: number, cy: number, rx: number, ry: number, phase: number) {
  const points: number[] = [];
  for (let k = 0; k < 96; k++) {
    const t = (k / 96) * 2 * Math.PI;
    const r = 1 + 0.18 * Math.sin(3 * t + phase) + 0.1 * Math.sin(7 * t + 2 * phase);
    points.push(cx + rx * r * Math.cos(t), cy + ry * r * Math.sin(t));
  }
  return points;
}

/** The part of an image inside an outline, cropped to its box: alpha 255 inside, 0 outside. */
export function cutOut(image: RgbaImage, outline: number[]): RgbaImage {
  const xs = outline.filter((_, i) => i % 2 === 0);
  const ys = outline.filter((_, i) => i % 2 === 1);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const width = Math.min(image.width, Math.ceil(Math.max(...xs)) + 1) - x0;
  const height = Math.min(image.height, Math.ceil(Math.max(...ys)) + 1) - y0;
  const inside = { data: new Uint8Array(width * height), width, height };
  fillPolygon(
    inside,
    outline.map((v, i) => v - (i % 2 === 0 ? x0 : y0)),
    255,
  );
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = ((y0 + y) * image.width + x0 + x) * 4;
      const d = (y * width + x) * 4;
      data.set(image.data.subarray(s, s + 3), d);
      data[d + 3] = inside.data[y * width + x]!;
    }
  return { data, width, height };
}

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

/** A hand-traced outline (x, y pairs) as a 0/255 mask of an image's size: a photo's truth. */
export function outlineMask(outline: readonly number[], width: number, height: number) {
  const raster = { data: new Uint8Array(width * height), width, height };
  fillPolygon(raster, outline, 255);
  return raster.data;
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
