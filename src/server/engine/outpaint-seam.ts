import type { FillLevel } from "./fill-level";

/**
 * The band along an outpaint's frame edge, as a fraction of the crop's longer side (and at
 * least MIN_SEAM pixels), over which the fill fades in from the photo's own mirror image.
 */
const SEAM_SHARE = 0.01;
const MIN_SEAM = 4;

/**
 * Hides the frame of an outpaint. Patches meet the photo's edge with a step: the pixel each
 * first row takes comes from whichever overlapping patch matched best, mostly one lying wholly
 * in the new area that never saw the edge, so the photo's border reads as a drawn line (on a
 * zoomed-out bird on bark the step across it was 5–10 times that between two rows of the
 * photo). Within the band, each new pixel is blended with the kept pixel mirrored across its
 * nearest edge point: at the edge the mirror is the photo's own texture, continuous by
 * construction, and it hands over to the fill with a raised cosine. Unlike the smooth band of a
 * removal (a Telea fill), the mirror keeps texture, so the band does not read as a smeared line
 * along a straight frame. Kept pixels are never written.
 */
export function fadeInFromMirror(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const band = Math.max(MIN_SEAM, Math.round(SEAM_SHARE * Math.max(width, height)));
  const nearest = nearestKept(hole, width, height);
  for (let p = 0; p < hole.length; p++) {
    const q = nearest[p]!;
    if (hole[p] === 0 || q < 0) continue;
    const px = p % width;
    const py = (p - px) / width;
    const qx = q % width;
    const qy = (q - qx) / width;
    const distance = Math.hypot(px - qx, py - qy);
    if (distance >= band) continue;
    const mx = 2 * qx - px;
    const my = 2 * qy - py;
    // At a corner of the photo the mirror can leave it; the edge pixel itself stands in.
    const inside = mx >= 0 && my >= 0 && mx < width && my < height && hole[my * width + mx] === 0;
    const m = inside ? my * width + mx : q;
    const weight =
      distance <= 1 ? 1 : 0.5 * (1 + Math.cos((Math.PI * (distance - 1)) / (band - 1)));
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      colour[i] = weight * colour[m * bands + c]! + (1 - weight) * colour[i]!;
    }
  }
}

/**
 * For every pixel, the index of the nearest pixel outside the hole (-1 when there is none), by
 * the two raster passes of a vector distance transform (Danielsson): each pixel takes the
 * nearest of its already-visited neighbours' nearest points. Within a pixel of exact, which is
 * all a fade needs.
 */
export function nearestKept(hole: Uint8Array, width: number, height: number): Int32Array {
  const nearest = new Int32Array(width * height);
  const best = new Float64Array(width * height);
  for (let p = 0; p < hole.length; p++) {
    nearest[p] = hole[p] === 0 ? p : -1;
    best[p] = hole[p] === 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  const consider = (p: number, x: number, y: number, n: number) => {
    const q = nearest[n]!;
    if (q < 0) return;
    const qx = q % width;
    const qy = (q - qx) / width;
    const d = (x - qx) * (x - qx) + (y - qy) * (y - qy);
    if (d < best[p]!) {
      best[p] = d;
      nearest[p] = q;
    }
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (best[p] === 0) continue;
      if (x > 0) consider(p, x, y, p - 1);
      if (y > 0) {
        consider(p, x, y, p - width);
        if (x > 0) consider(p, x, y, p - width - 1);
        if (x < width - 1) consider(p, x, y, p - width + 1);
      }
    }
    for (let x = width - 2; x >= 0; x--) {
      const p = y * width + x;
      if (best[p] !== 0) consider(p, x, y, p + 1);
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const p = y * width + x;
      if (best[p] === 0) continue;
      if (x < width - 1) consider(p, x, y, p + 1);
      if (y < height - 1) {
        consider(p, x, y, p + width);
        if (x < width - 1) consider(p, x, y, p + width + 1);
        if (x > 0) consider(p, x, y, p + width - 1);
      }
    }
    for (let x = 1; x < width; x++) {
      const p = y * width + x;
      if (best[p] !== 0) consider(p, x, y, p - 1);
    }
  }
  return nearest;
}
