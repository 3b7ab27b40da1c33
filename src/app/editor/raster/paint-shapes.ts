/**
 * Shape painters on a one-byte-per-pixel mask. A pixel belongs to a shape when its centre does,
 * so results are exact 0/255, identical in every browser and in Node tests.
 */

export interface MaskRaster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A round-capped segment of the given radius (a disc when both ends coincide). */
export function paintCapsule(
  { data, width, height }: MaskRaster,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  value: number,
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
      // Project onto the segment, clamp to its ends, compare the squared distance.
      const t = lengthSq === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / lengthSq));
      const ex = px - t * dx;
      const ey = py - t * dy;
      if (ex * ex + ey * ey <= radiusSq) data[row + x] = value;
    }
  }
}

/** A polyline of round-capped segments, as Konva draws a Line with round caps and joins. */
export function paintPolyline(
  raster: MaskRaster,
  points: readonly number[],
  size: number,
  value: number,
): void {
  const radius = size / 2;
  if (points.length === 2) {
    paintCapsule(raster, points[0]!, points[1]!, points[0]!, points[1]!, radius, value);
  }
  for (let i = 2; i + 1 < points.length; i += 2) {
    paintCapsule(raster, points[i - 2]!, points[i - 1]!, points[i]!, points[i + 1]!, radius, value);
  }
}

export function fillRect(
  { data, width, height }: MaskRaster,
  x: number,
  y: number,
  w: number,
  h: number,
  value: number,
): void {
  // Normalise negative sizes (a rectangle dragged up or left).
  const left = Math.min(x, x + w);
  const top = Math.min(y, y + h);
  const x0 = Math.max(0, Math.round(left));
  const x1 = Math.min(width, Math.round(left + Math.abs(w)));
  const y0 = Math.max(0, Math.round(top));
  const y1 = Math.min(height, Math.round(top + Math.abs(h)));
  for (let row = y0; row < y1; row++) data.fill(value, row * width + x0, row * width + x1);
}

/** Even-odd scanline fill of a closed polygon, sampling pixel centres. */
export function fillPolygon(
  { data, width, height }: MaskRaster,
  points: readonly number[],
  value: number,
): void {
  const n = points.length / 2;
  if (n < 3) return;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < points.length; i += 2) {
    minY = Math.min(minY, points[i]!);
    maxY = Math.max(maxY, points[i]!);
  }
  const crossings: number[] = [];
  for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(height - 1, Math.ceil(maxY)); y++) {
    const cy = y + 0.5;
    crossings.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = points[i * 2 + 1]!;
      const yj = points[j * 2 + 1]!;
      if (yi > cy === yj > cy) continue;
      const xi = points[i * 2]!;
      const xj = points[j * 2]!;
      crossings.push(xi + ((cy - yi) / (yj - yi)) * (xj - xi));
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Pixel x is inside when its centre x + 0.5 lies between the crossings.
      const x0 = Math.max(0, Math.ceil(crossings[k]! - 0.5));
      const x1 = Math.min(width - 1, Math.floor(crossings[k + 1]! - 0.5));
      if (x1 >= x0) data.fill(value, y * width + x0, y * width + x1 + 1);
    }
  }
}
