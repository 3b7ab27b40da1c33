/**
 * How far an outpaint's edge colour carries straight out. A colour that runs a long way back
 * into the photo, straight across the edge, is a structure that goes on (a sky's rows, a
 * horizon, the glow above it); one that runs a short way is a thing the frame cut (a cup, a
 * lamp, a streak of texture), and far out it must give way to a blur of the whole edge.
 */
import { type FillLevel, levelLuma } from "./fill-level";
import { eachNewPixel, nearestKept } from "./nearest-fill";

/** How far two luma values may differ and still be one structure running back from the edge. */
const RUN_TOLERANCE = 30;

/**
 * Per pixel of an outpaint's `level`, 0–1: how far its nearest photo pixel's colour carries out
 * to it. That colour's run back into the photo (luma within RUN_TOLERANCE, straight along the
 * line from the pixel through its nearest photo pixel) over the pixel's distance out, at most 1:
 * a colour carries as far out as it runs in. Kept pixels are 1; hole pixels with no photo pixel
 * are 0. `nearest` is the level's nearestKept map, when the caller already has it.
 */
export function runShares(
  level: FillLevel,
  nearest = nearestKept(level.hole, level.width, level.height),
): Float32Array {
  const { width, height, hole } = level;
  const out = new Float32Array(width * height);
  for (let p = 0; p < hole.length; p++) if (hole[p] === 0) out[p] = 1;
  eachNewPixel(hole, width, nearest, (p, px, py, s, sx, sy) => {
    const d = Math.hypot(px - sx, py - sy);
    out[p] = Math.min(1, (inwardRun(level, s, (sx - px) / d, (sy - py) / d, d) + 1) / d);
  });
  return out;
}

/**
 * How many kept pixels from `s` along (ux, uy) keep `s`'s luma within RUN_TOLERANCE, counted up
 * to `enough` (a run that long already carries the colour all the way).
 */
function inwardRun(level: FillLevel, s: number, ux: number, uy: number, enough: number): number {
  const { width, height, hole } = level;
  const sx = s % width;
  const sy = (s - sx) / width;
  const luma = levelLuma(level, s);
  let run = 0;
  for (let k = 1; k < enough; k++) {
    const x = Math.round(sx + ux * k);
    const y = Math.round(sy + uy * k);
    if (x < 0 || y < 0 || x >= width || y >= height) return run;
    const q = y * width + x;
    if (hole[q] !== 0 || Math.abs(levelLuma(level, q) - luma) > RUN_TOLERANCE) return run;
    run = k;
  }
  return run;
}
