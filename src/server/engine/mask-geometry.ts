/**
 * Shape measurements of a fill mask (one byte per pixel, non-zero = fill), used to pick an
 * engine, to crop the work to the hole, and by the benchmark to find the ring around a hole.
 */

export interface Box {
  x0: number;
  y0: number;
  /** exclusive */
  x1: number;
  /** exclusive */
  y1: number;
}

/** The smallest box holding every masked pixel, or null for an empty mask. */
export function maskBounds(mask: Uint8Array, width: number, height: number): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (mask[row + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** 1 where `mask` is zero (kept), 0 where it is set: the kept pixels as a mask of their own. */
export function keptPixels(mask: Uint8Array): Uint8Array {
  const kept = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) kept[i] = mask[i] === 0 ? 1 : 0;
  return kept;
}

/**
 * Chamfer (3-4) distance from every pixel to the nearest pixel where `mask` is zero, in pixels
 * (≈ Euclidean within 8%). Pixels outside the mask are 0; the image border does not count as
 * "outside", so a mask touching the border is measured from its unmasked side only. Two raster
 * passes, O(pixels), so it is cheap even on 12 MP images.
 */
export function distanceToUnmasked(mask: Uint8Array, width: number, height: number): Float32Array {
  const d = new Float32Array(width * height);
  for (let i = 0; i < d.length; i++) d[i] = mask[i] === 0 ? 0 : 1e9;
  chamfer34(d, width, height);
  for (let i = 0; i < d.length; i++) d[i] = d[i]! / 3;
  return d;
}

/**
 * The two raster passes of a 3-4 chamfer distance, in place: `d` holds 0 at the sources and a
 * large value elsewhere, and ends as three times the distance to the nearest source. Written
 * out without per-pixel calls, since the proxy runs it on its event loop when compositing.
 */
export function chamfer34(d: Float32Array, width: number, height: number): void {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let v = d[i]!;
      if (v === 0) continue;
      if (x > 0) v = Math.min(v, d[i - 1]! + 3);
      if (y > 0) {
        v = Math.min(v, d[i - width]! + 3);
        if (x > 0) v = Math.min(v, d[i - width - 1]! + 4);
        if (x < width - 1) v = Math.min(v, d[i - width + 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      let v = d[i]!;
      if (v === 0) continue;
      if (x < width - 1) v = Math.min(v, d[i + 1]! + 3);
      if (y < height - 1) {
        v = Math.min(v, d[i + width]! + 3);
        if (x < width - 1) v = Math.min(v, d[i + width + 1]! + 4);
        if (x > 0) v = Math.min(v, d[i + width - 1]! + 4);
      }
      d[i] = v;
    }
  }
}

/** How deep the hole goes: the largest distance from a masked pixel to the nearest kept one. */
export function maxHoleDepth(mask: Uint8Array, width: number, height: number): number {
  const d = distanceToUnmasked(mask, width, height);
  let max = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! > max) max = d[i]!;
  return max;
}

/**
 * The unit direction across the mask: perpendicular to the principal axis of its pixels (the
 * larger eigenvector of their coordinates' covariance). For a mask without a long axis (a disc)
 * any direction is as good; this returns the one its moments happen to give.
 */
export function shortAxis(mask: Uint8Array, width: number): [number, number] {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    n++;
    mx += i % width;
    my += Math.floor(i / width);
  }
  if (n === 0) return [0, 1];
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const dx = (i % width) - mx;
    const dy = Math.floor(i / width) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const long = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return [-Math.sin(long), Math.cos(long)];
}

/** Whether hole pixel `i` has a kept pixel beside it (4-connected): it is on the hole's edge. */
export function onHoleEdge(hole: Uint8Array, width: number, height: number, i: number): boolean {
  const x = i % width;
  const y = (i - x) / width;
  return (
    (x > 0 && hole[i - 1] === 0) ||
    (x < width - 1 && hole[i + 1] === 0) ||
    (y > 0 && hole[i - width] === 0) ||
    (y < height - 1 && hole[i + width] === 0)
  );
}
