import type { FillLevel } from "./fill-level";
import { nearestKept } from "./nearest-fill";

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
 * 1 MP cat zoomed out 1.5x the step across it was 12.7 grey levels, between two rows of the
 * photo 0.9). Within the band, each new pixel is blended with the kept pixel mirrored across its
 * nearest edge point: at the edge the mirror is the photo's own texture, continuous by
 * construction, and it hands over to the fill with a raised cosine. Unlike the smooth band of a
 * removal (a Telea fill), the mirror keeps texture, so the band does not read as a smeared line
 * along a straight frame. Kept pixels are never written.
 */
export function fadeInFromMirror(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const band = Math.max(MIN_SEAM, Math.round(SEAM_SHARE * Math.max(width, height)));
  const nearest = nearestKept(hole, width, height, band);
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
