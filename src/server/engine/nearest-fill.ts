import type { FillLevel } from "./fill-level";
import { onHoleEdge } from "./mask-geometry";

/**
 * The edge-extending fill, for holes that run off the image: each hole pixel takes the value
 * of its nearest kept pixel (nearestKept). Returns a new array; kept pixels are unchanged.
 */
export function nearestFill(level: FillLevel): Float32Array {
  const { bands, hole } = level;
  const colour = level.colour.slice();
  const from = nearestKept(level.hole, level.width, level.height);
  for (let i = 0; i < hole.length; i++) {
    const s = from[i]!;
    if (hole[i] === 0 || s < 0) continue;
    for (let c = 0; c < bands; c++) colour[i * bands + c] = colour[s * bands + c]!;
  }
  return colour;
}

/**
 * Calls `visit` for each hole pixel that has a nearest kept pixel in `nearest` (nearestKept's
 * map, made once by the caller and shared by its passes), with both pixels' indices and
 * coordinates.
 */
export function eachNewPixel(
  hole: Uint8Array,
  width: number,
  nearest: Int32Array,
  visit: (p: number, px: number, py: number, q: number, qx: number, qy: number) => void,
): void {
  for (let p = 0; p < hole.length; p++) {
    const q = nearest[p]!;
    if (hole[p] === 0 || q < 0) continue;
    const px = p % width;
    const qx = q % width;
    visit(p, px, (p - px) / width, q, qx, (q - qx) / width);
  }
}

/**
 * For each pixel, its nearest kept pixel (itself when kept; -1 when none within `maxSteps`
 * rings of the hole's edge). Nearest sources are propagated ring by ring from the hole's edge,
 * each pixel taking the closest (Euclidean) of its neighbours' sources: linear in the pixels
 * reached, and off by at most a pixel or so where two sources are nearly as close.
 */
export function nearestKept(
  hole: Uint8Array,
  width: number,
  height: number,
  maxSteps = Number.POSITIVE_INFINITY,
): Int32Array {
  const from = new Int32Array(hole.length).fill(-1);
  for (let i = 0; i < hole.length; i++) if (hole[i] === 0) from[i] = i;
  const reached = new Uint8Array(hole.length);
  let ring: number[] = [];
  for (let i = 0; i < hole.length; i++) {
    if (hole[i] === 0 || !onHoleEdge(hole, width, height, i)) continue;
    ring.push(i);
    reached[i] = 1;
  }
  for (let step = 1; ring.length > 0; step++) {
    for (const i of ring) {
      const x = i % width;
      const y = (i - x) / width;
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const source = from[ny * width + nx]!;
          if (source < 0) continue;
          const sx = source % width;
          const sy = (source - sx) / width;
          const distance = (sx - x) ** 2 + (sy - y) ** 2;
          if (distance < bestDistance) {
            bestDistance = distance;
            best = source;
          }
        }
      }
      from[i] = best;
    }
    if (step >= maxSteps) break;
    const next: number[] = [];
    for (const i of ring) {
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (hole[j] !== 0 && reached[j] === 0) {
            reached[j] = 1;
            next.push(j);
          }
        }
      }
    }
    ring = next;
  }
  return from;
}
