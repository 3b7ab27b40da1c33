import type { FillLevel } from "./fill-level";
import { membraneFill } from "./membrane-fill";

/** The correction is solved on a grid at most this many cells along its longer side. */
const GRID_SIDE = 64;

/**
 * Shifts the patch fill's colours so they meet the kept pixels without a step, in the manner of
 * Poisson (seamless) cloning: patches come from elsewhere in the photo and rarely have the exact
 * shade of the hole's edge (a sky brighter there, a vignetted corner darker here). Along the
 * hole's edge the mismatch between each kept pixel and the filled pixel beside it is measured,
 * averaged per grid cell (texture noise cancels, shading remains), and continued smoothly across
 * the hole as a membrane; adding it keeps the fill's texture and fixes its low-frequency shade.
 * Kept pixels are never written.
 */
export function correctSeamShade(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const scale = Math.max(1, Math.ceil(Math.max(width, height) / GRID_SIDE));
  const gw = Math.ceil(width / scale);
  const gh = Math.ceil(height / scale);
  const sum = new Float32Array(gw * gh * bands);
  const count = new Uint32Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const cellRow = Math.floor(y / scale) * gw;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const cell = cellRow + Math.floor(x / scale);
      for (let k = 0; k < 4; k++) {
        // the four neighbours: left, right, up, down
        const q =
          k === 0
            ? x > 0
              ? p - 1
              : -1
            : k === 1
              ? x < width - 1
                ? p + 1
                : -1
              : k === 2
                ? y > 0
                  ? p - width
                  : -1
                : y < height - 1
                  ? p + width
                  : -1;
        if (q < 0 || hole[q] !== 0) continue;
        for (let c = 0; c < bands; c++) {
          sum[cell * bands + c]! += colour[q * bands + c]! - colour[p * bands + c]!;
        }
        count[cell]!++;
      }
    }
  }
  // Cells with edge samples hold their mean mismatch; every other cell is solved for.
  const grid: FillLevel = {
    width: gw,
    height: gh,
    bands,
    colour: new Float32Array(gw * gh * bands),
    hole: new Uint8Array(gw * gh),
  };
  let sampled = 0;
  for (let i = 0; i < gw * gh; i++) {
    if (count[i] === 0) {
      grid.hole[i] = 1;
      continue;
    }
    sampled++;
    for (let c = 0; c < bands; c++) grid.colour[i * bands + c] = sum[i * bands + c]! / count[i]!;
  }
  if (sampled === 0) return;
  const correction = membraneFill(grid);
  for (let y = 0; y < height; y++) {
    const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const fx = gx - x0;
      const a = (y0 * gw + x0) * bands;
      const b = (y0 * gw + x1) * bands;
      const d = (y1 * gw + x0) * bands;
      const e = (y1 * gw + x1) * bands;
      for (let c = 0; c < bands; c++) {
        const top = correction[a + c]! + (correction[b + c]! - correction[a + c]!) * fx;
        const bottom = correction[d + c]! + (correction[e + c]! - correction[d + c]!) * fx;
        colour[p * bands + c]! += top + (bottom - top) * fy;
      }
    }
  }
}
