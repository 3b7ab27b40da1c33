import type { Stroke } from "./stroke";

/**
 * Renders strokes into a one-byte-per-pixel mask (255 = repaint, 0 = keep) at the image's own
 * resolution. Done on typed arrays rather than a canvas so the result is exactly 0/255 (no
 * anti-aliasing greys) and identical in every browser and in Node tests.
 *
 * A pixel is painted when its centre lies within size/2 of the stroke's polyline, which is what
 * Konva draws with round caps and joins.
 */
export function rasterizeStrokes(
  strokes: readonly Stroke[],
  width: number,
  height: number,
): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (const stroke of strokes) {
    const { points, size } = stroke;
    const radius = size / 2;
    if (points.length === 2) {
      paintCapsule(mask, width, height, points[0]!, points[1]!, points[0]!, points[1]!, radius);
    }
    for (let i = 2; i + 1 < points.length; i += 2) {
      paintCapsule(
        mask,
        width,
        height,
        points[i - 2]!,
        points[i - 1]!,
        points[i]!,
        points[i + 1]!,
        radius,
      );
    }
  }
  return mask;
}

function paintCapsule(
  mask: Uint8Array,
  width: number,
  height: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
): void {
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - radius));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + radius));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - radius));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by) + radius));
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const radiusSq = radius * radius;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5 - ay;
    const row = y * width;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5 - ax;
      // Project onto the segment, clamp to its ends, and compare the squared distance.
      const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSq));
      const ex = px - t * dx;
      const ey = py - t * dy;
      if (ex * ex + ey * ey <= radiusSq) mask[row + x] = 255;
    }
  }
}
