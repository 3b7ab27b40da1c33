import type { FillLevel } from "./fill-level";
import { type Nnf, PATCH_RADIUS, type PatchSites, wanderShift } from "./patch-match";

const R = PATCH_RADIUS;

/**
 * Copy levels: levels too big to search, which take their texture by following a field
 * matched on a coarser level, one read per pixel instead of a search and a vote.
 */

/**
 * The cheapest way to give a huge level real texture: each hole pixel that is a patch centre
 * takes the colour at its carried-up match (one read instead of a 49-patch vote). The field
 * is coherent, so this copies whole regions of full-resolution texture. A hole pixel too close
 * to the level's edge to be a centre reads the nearest centre's source patch at its own offset
 * from that centre: left with the upscaled estimate, every outpaint had a soft rim three pixels
 * wide around its frame, a third to a fifth as textured as the pixels beside it. Returns each
 * pixel's source (-1 where none), which region-stitch.ts reads.
 */
export function copyMatchedPixels(level: FillLevel, sites: PatchSites, nnf: Nnf): Int32Array {
  const { width, height, bands, colour, hole } = level;
  const { targets } = sites;
  const from = new Int32Array(hole.length).fill(-1);
  for (let n = 0; n < targets.length; n++) {
    const t = targets[n]!;
    if (hole[t] === 0) continue;
    from[t] = nnf.match[t]!;
  }
  // Every hole pixel inside the centres' band is a target (its own patch holds it), so the
  // pixels left are the band's outer rim; sources are whole kept patches, so the offset read
  // lands on a kept pixel.
  for (let y = 0; y < height; y++) {
    const cy = Math.min(height - 1 - R, Math.max(R, y));
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0 || from[p] !== -1) continue;
      const centre = cy * width + Math.min(width - 1 - R, Math.max(R, x));
      // a kept centre (a removal running off the edge) has no match: the estimate stays
      const match = hole[centre] !== 0 ? nnf.match[centre]! : -1;
      if (match >= 0) from[p] = match + (p - centre);
    }
  }
  for (let p = 0; p < from.length; p++) {
    const s = from[p]!;
    if (s < 0) continue;
    for (let c = 0; c < bands; c++) colour[p * bands + c] = colour[s * bands + c]!;
  }
  return from;
}

/** A level's field and size, read by the finer levels that have none of their own. */
export interface CarriedField {
  nnf: Nnf;
  width: number;
  height: number;
  /** how many times finer than the field's level the level being copied is */
  factor: number;
}

/**
 * A level too big for a field of its own (above MAX_VOTE_PIXELS: an outpaint of tens of
 * megapixels) would otherwise be the bilinear upscale of the last one, a blur 2–4 times softer
 * than the photo. Each hole pixel reads the field's match of the pixel over it instead (through
 * the wandering shift, so no grid shows), follows that offset scaled up to this level and
 * takes the kept pixel there: the photo's own full-resolution texture, for the cost of one
 * read. Where the offset lands on no kept pixel, the upscale stays. Returns each pixel's
 * source (-1 where none).
 */
export function copyAlongField(level: FillLevel, field: CarriedField, key: number): Int32Array {
  const { width, height, bands, colour, hole } = level;
  const { nnf, factor } = field;
  const from = new Int32Array(hole.length).fill(-1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = y * width + x;
      if (hole[t] === 0) continue;
      const fx = clampIndex(Math.floor((x + wanderShift(x, y, key, factor)) / factor), field.width);
      const fy = clampIndex(
        Math.floor((y + wanderShift(x, y, key + 1, factor)) / factor),
        field.height,
      );
      const m = nnf.match[fy * field.width + fx]!;
      if (m < 0) continue;
      const mx = m % field.width;
      const sx = x + factor * (mx - fx);
      const sy = y + factor * ((m - mx) / field.width - fy);
      if (sx < 0 || sy < 0 || sx >= width || sy >= height) continue;
      const s = sy * width + sx;
      if (hole[s] !== 0) continue;
      from[t] = s;
      for (let c = 0; c < bands; c++) colour[t * bands + c] = colour[s * bands + c]!;
    }
  }
  return from;
}

function clampIndex(v: number, size: number): number {
  return v < 0 ? 0 : v >= size ? size - 1 : v;
}
