/**
 * The designer's exclusion from sampling (`FillLevel.avoid`): pixels that are kept but neither
 * copied from nor continued.
 *
 * - Copying: excluded sources are left out where sources are found (`patchSites`), and the
 *   limits that keep copies near the hole give way to it (`boxPastExcluded`,
 *   `reachPastExcluded`). They were tuned on photos whose nearest pixels are all usable: a hole
 *   beside an excluded half had no source left in its context box and fell back to diffusion.
 * - Continuing: left out of copies alone, an excluded area still set the fill's colour through
 *   every pass that carries the surroundings in (the guide, the anchor, the stitch, the shade
 *   correction, the calm membrane, the seam band): green grass copied beside an excluded
 *   magenta half came out magenta, and a hole beside an excluded red post turned pink towards
 *   it. Those passes read the level through `layoutView`, where the area is unknown; each
 *   still writes only to its own hole.
 */
import type { FillLevel } from "./fill-level";
import type { Box } from "./mask-geometry";

/**
 * The context box grown until it holds at least as many kept pixels that are not excluded as the
 * unexcluded box holds kept pixels, or the whole image. `grow(f)` is the box at `f` times the
 * usual fraction.
 */
export function boxPastExcluded(
  grow: (factor: number) => Box,
  mask: Uint8Array,
  exclude: Uint8Array,
  width: number,
): Box {
  const height = mask.length / width;
  const plain = grow(1);
  const wanted = countIn(plain, mask, null, width);
  let box = plain;
  for (let factor = 1.5; countIn(box, mask, exclude, width) < wanted; factor *= 1.5) {
    if (box.x0 === 0 && box.y0 === 0 && box.x1 === width && box.y1 === height) break;
    box = grow(factor);
  }
  return box;
}

/**
 * The smallest reach (at least `reach`) within which the kept pixels that are not excluded are
 * as many as all kept pixels within `reach`. `distance` is each pixel's distance to the hole;
 * Infinity when the unexcluded pixels never add up to that many.
 */
export function reachPastExcluded(
  distance: Float32Array,
  hole: Uint8Array,
  avoid: Uint8Array,
  reach: number,
): number {
  let wanted = 0;
  let farthest = 0;
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] !== 0) continue;
    if (distance[p]! <= reach) wanted++;
    farthest = Math.max(farthest, distance[p]!);
  }
  // Usable pixels per whole pixel of distance, then the first distance where they add up.
  const usable = new Uint32Array(Math.ceil(farthest) + 1);
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0 && avoid[p] === 0) usable[Math.ceil(distance[p]!)]!++;
  }
  let found = 0;
  for (let d = 0; d < usable.length; d++) {
    found += usable[d]!;
    if (found >= wanted) return Math.max(reach, d);
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * The level as the passes that continue the surroundings see it: excluded pixels unknown, like
 * the hole (the same level when nothing is excluded). Shares the level's arrays: whatever writes
 * through it must still keep to the level's own hole.
 */
export function layoutView(level: FillLevel): FillLevel {
  return level.avoid ? { ...level, hole: holeOrAvoided(level.hole, level.avoid) } : level;
}

/** 1 where a pixel is in the hole or excluded: what is not a photo pixel to copy near. */
export function holeOrAvoided(hole: Uint8Array, avoid: Uint8Array | undefined): Uint8Array {
  if (!avoid) return hole;
  return hole.map((h, p) => (h !== 0 || avoid[p] !== 0 ? 1 : 0));
}

function countIn(box: Box, mask: Uint8Array, exclude: Uint8Array | null, width: number): number {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let p = y * width + box.x0; p < y * width + box.x1; p++) {
      if (mask[p] === 0 && (exclude === null || exclude[p] === 0)) n++;
    }
  }
  return n;
}
