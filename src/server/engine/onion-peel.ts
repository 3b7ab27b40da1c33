import type { FillLevel } from "./fill-level";
import { onHoleEdge } from "./mask-geometry";
import { PATCH_RADIUS } from "./patch-match";
import type { Random } from "./prng";

const R = PATCH_RADIUS;
/** How many random source patches each pixel is compared with, besides its neighbours' picks. */
const SAMPLED_SOURCES = 400;

/**
 * The first guess at the coarsest level, by onion peeling (Efros & Leung's texture synthesis):
 * the hole is filled ring by ring from its edge inward, each pixel copying the centre of the
 * source patch that best matches the pixels already known or filled around it. Unlike a
 * smooth (diffusion or mean) start, this gives EM a textured layout to refine; a smooth start
 * makes smooth sources the best matches and the fill never recovers its texture.
 * Returns each filled pixel's source centre (-1 elsewhere), so the first search starts coherent.
 */
export function onionPeel(level: FillLevel, sources: Int32Array, random: Random): Int32Array {
  const { width, height, bands, colour, hole } = level;
  /** 1 while a pixel still waits to be filled: the part of the hole not yet peeled */
  const unfilled = new Uint8Array(width * height);
  let remaining = 0;
  for (let i = 0; i < unfilled.length; i++) {
    unfilled[i] = hole[i] === 0 ? 0 : 1;
    remaining += hole[i]!;
  }
  const sampleCount = Math.min(SAMPLED_SOURCES, sources.length);
  const picks = new Int32Array(width * height).fill(-1);
  const ring: number[] = [];
  while (remaining > 0) {
    ring.length = 0;
    for (let p = 0; p < unfilled.length; p++) {
      if (unfilled[p] !== 0 && onHoleEdge(unfilled, width, height, p)) ring.push(p);
    }
    if (ring.length === 0) break; // hole parts with no kept pixel at all stay as they are
    for (const p of ring) {
      const x = p % width;
      const y = (p - x) / width;
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      const consider = (s: number) => {
        const sx = s % width;
        const sy = (s - sx) / width;
        const c = validCost(level, unfilled, x, y, sx, sy, bestCost);
        if (c < bestCost) {
          bestCost = c;
          best = s;
        }
      };
      // Neighbours' sources, shifted: this keeps copied regions coherent.
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if ((dx === 0 && dy === 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const pick = picks[ny * width + nx]!;
          if (pick >= 0) consider(pick - dx - dy * width);
        }
      }
      for (let k = 0; k < sampleCount; k++) {
        consider(sources[Math.floor(random() * sources.length)]!);
      }
      if (best < 0) continue;
      picks[p] = best;
      for (let c = 0; c < bands; c++) colour[p * bands + c] = colour[best * bands + c]!;
    }
    for (const p of ring) {
      unfilled[p] = 0;
      remaining--;
    }
  }
  return picks;
}

/**
 * SSD over the pixels of the patch around (x, y) that are valid (known or already filled),
 * against the patch around (sx, sy); patch cells outside the level are skipped. A source whose
 * centre is not a whole-patch source is still fine here: only its valid overlap is compared.
 */
function validCost(
  level: FillLevel,
  unfilled: Uint8Array,
  x: number,
  y: number,
  sx: number,
  sy: number,
  limit: number,
): number {
  const { width, height, bands, colour, hole } = level;
  if (sx < R || sy < R || sx >= width - R || sy >= height - R) return Number.POSITIVE_INFINITY;
  if (hole[sy * width + sx] !== 0) return Number.POSITIVE_INFINITY;
  let cost = 0;
  let count = 0;
  for (let dy = -R; dy <= R; dy++) {
    const ty = y + dy;
    if (ty < 0 || ty >= height) continue;
    for (let dx = -R; dx <= R; dx++) {
      const tx = x + dx;
      if (tx < 0 || tx >= width) continue;
      const t = ty * width + tx;
      if (unfilled[t] !== 0) continue;
      const s = (sy + dy) * width + sx + dx;
      if (hole[s] !== 0) continue;
      count++;
      for (let c = 0; c < bands; c++) {
        const e = colour[t * bands + c]! - colour[s * bands + c]!;
        cost += e * e;
      }
    }
    if (cost >= limit * 49) break;
  }
  return count === 0 ? Number.POSITIVE_INFINITY : cost / count;
}
