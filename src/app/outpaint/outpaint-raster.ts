import { boxBlur } from "../../box-blur";
import { framePadding, type OutpaintFrame } from "./outpaint-geometry";

/**
 * The mask for an outpaint: white (255) over the new area plus `overlap` pixels into the image
 * along each edge that borders new area, so the generator can blend the seam; black (0) over
 * the rest of the image. The overlap never reaches the image's last pixel: a mask over
 * everything leaves nothing to extend from (a 1×1 image would fail). One byte per pixel.
 */
export function outpaintMask(frame: OutpaintFrame, overlap: number): Uint8Array {
  const mask = new Uint8Array(frame.width * frame.height).fill(255);
  const padding = framePadding(frame);
  const { x, y, width, height } = frame.image;
  const [insetLeft, insetRight] = axisInsets(width, padding.left, padding.right, overlap);
  const [insetTop, insetBottom] = axisInsets(height, padding.top, padding.bottom, overlap);
  const left = x + insetLeft;
  const right = x + width - insetRight;
  const top = y + insetTop;
  const bottom = y + height - insetBottom;
  for (let row = top; row < bottom; row++) {
    mask.fill(0, row * frame.width + left, row * frame.width + Math.max(left, right));
  }
  return mask;
}

/** How far the overlap reaches in from each end of one axis, keeping at least one pixel. */
function axisInsets(
  length: number,
  before: number,
  after: number,
  overlap: number,
): [before: number, after: number] {
  const reach = Math.max(0, Math.round(overlap));
  if (before > 0 && after > 0) {
    const each = Math.min(reach, Math.floor((length - 1) / 2));
    return [each, each];
  }
  const one = Math.min(reach, length - 1);
  return [before > 0 ? one : 0, after > 0 ? one : 0];
}

/**
 * The image on the larger canvas. The new area is never left black (generators read black as
 * content): each new pixel copies the nearest edge pixel of the image, then a box blur turns
 * those streaks into a soft wash of the edge colours. The image's own pixels stay exact.
 * `rgba` is the image at the frame's image size.
 */
export function padImageRgba(rgba: Uint8ClampedArray, frame: OutpaintFrame): Uint8ClampedArray {
  const { width: W, height: H } = frame;
  const { x: ox, y: oy, width: w, height: h } = frame.image;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let row = 0; row < H; row++) {
    const sy = Math.min(h - 1, Math.max(0, row - oy));
    for (let col = 0; col < W; col++) {
      const sx = Math.min(w - 1, Math.max(0, col - ox));
      const s = (sy * w + sx) * 4;
      const d = (row * W + col) * 4;
      out[d] = rgba[s]!;
      out[d + 1] = rgba[s + 1]!;
      out[d + 2] = rgba[s + 2]!;
      out[d + 3] = 255;
    }
  }
  const padding = framePadding(frame);
  if (Math.max(padding.top, padding.right, padding.bottom, padding.left) === 0) return out;
  blurRgb(out, W, H, Math.max(4, Math.round(Math.min(W, H) / 24)));
  for (let row = 0; row < h; row++) {
    const s = row * w * 4;
    out.set(rgba.subarray(s, s + w * 4), ((oy + row) * W + ox) * 4);
  }
  for (let row = 0; row < h; row++) {
    for (let col = 0; col < w; col++) out[((oy + row) * W + ox + col) * 4 + 3] = 255;
  }
  return out;
}

/**
 * A mask painted on the original image, carried into the frame: scaled (nearest neighbour) to
 * the image's size on the frame and merged (max) into the outpaint mask, so "remove this and
 * extend the canvas" is one generation.
 */
export function mergePaintedMask(
  outpaint: Uint8Array,
  frame: OutpaintFrame,
  painted: Uint8Array,
  paintedSize: { width: number; height: number },
): Uint8Array {
  const merged = outpaint.slice();
  const { x, y, width, height } = frame.image;
  for (let row = 0; row < height; row++) {
    const sy = Math.min(paintedSize.height - 1, Math.floor((row * paintedSize.height) / height));
    for (let col = 0; col < width; col++) {
      const sx = Math.min(paintedSize.width - 1, Math.floor((col * paintedSize.width) / width));
      const value = painted[sy * paintedSize.width + sx]!;
      const d = (y + row) * frame.width + x + col;
      if (value > merged[d]!) merged[d] = value;
    }
  }
  return merged;
}

/** The editor's box blur, one colour channel at a time, on RGBA pixels in place. */
function blurRgb(data: Uint8ClampedArray, width: number, height: number, radius: number): void {
  const plane = new Float32Array(width * height);
  const scratch = new Float32Array(width * height);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = data[i * 4 + c]!;
    boxBlur(plane, width, height, radius, scratch);
    for (let i = 0; i < plane.length; i++) data[i * 4 + c] = plane[i]!;
  }
}
