import type { FillLevel } from "./fill-level";
import { PATCH_RADIUS } from "./patch-match";

const R = PATCH_RADIUS;

/**
 * The hole pixels within PATCH_RADIUS of the crop's border are never a patch's centre: a few
 * patches cover each (a corner just one), chosen for how the rest of them fit, so whatever the
 * winner holds at its edge lands there. On a removal running off the photo, a horse's black
 * outline was copied as a speck into the white beside the frame. These pixels take the fill
 * mirrored across the outermost centres' line instead: continuous with it and as textured.
 * Kept pixels are never written; `from` (each pixel's source, see copyBestPatches) follows.
 *
 * Every vote on a searching level but the coarsest ends with it too (see runPlan): left to the
 * patches' edges, what a coarse level put in its rim the next level's search matched and
 * carried on, a row or two wider each level, into dark blocks along a lakeside's new sky at the
 * canvas's top border (copied from its treeline) and half-cut copies of a post's wheel along a
 * zoom-out's frame.
 */
export function mirrorRim(level: FillLevel, from: Int32Array | null): void {
  const { width, height, bands, colour, hole } = level;
  if (width <= 3 * R || height <= 3 * R) return;
  const mirror = (v: number, size: number) =>
    v < R ? 2 * R - v : v > size - 1 - R ? 2 * (size - 1 - R) - v : v;
  for (let y = 0; y < height; y++) {
    const my = mirror(y, height);
    // a rim row is mirrored whole; any other row only in its first and last R columns
    const step = my !== y ? 1 : width - 2 * R + 1;
    for (let x = 0; x < width; x += x === R - 1 ? step : 1) {
      const mx = mirror(x, width);
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const q = my * width + mx;
      for (let c = 0; c < bands; c++) colour[p * bands + c] = colour[q * bands + c]!;
      if (from) from[p] = hole[q] === 0 ? q : from[q]!;
    }
  }
}
