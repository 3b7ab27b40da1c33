import type { FillLevel } from "./fill-level";
import { membraneFill } from "./membrane-fill";
import { robustSpread } from "./robust-spread";

/** The correction is solved on a grid at most this many cells along its longer side. */
const GRID_SIDE = 64;

/**
 * Shifts the patch fill's colours so they meet the kept pixels without a step, in the manner of
 * Poisson (seamless) cloning: patches come from elsewhere in the photo and rarely have the exact
 * shade of the hole's edge (a sky brighter there, a vignetted corner darker here). Along the
 * hole's edge the mismatch between each kept pixel and the filled pixel beside it is measured,
 * averaged per grid cell (texture noise cancels, shading remains), and continued smoothly across
 * the hole as a membrane; adding it keeps the fill's texture and fixes its low-frequency shade.
 * The statistics are robust over the hole's whole border: a mismatch far from the border's
 * typical one, in brightness or in hue, is an object touching the hole (a white rocket above
 * and below a hole in a night sky, a blue lamp), not shading, and is left out; otherwise its
 * cells pull the fill between them towards the object's colour. Kept pixels are never written.
 */
export function correctSeamShade(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const scale = Math.max(1, Math.ceil(Math.max(width, height) / GRID_SIDE));
  const gw = Math.ceil(width / scale);
  const gh = Math.ceil(height / scale);
  const samples = edgeMismatches(level, scale, gw);
  const sum = new Float32Array(gw * gh * bands);
  const count = new Uint32Array(gw * gh);
  const inlier = typicalMismatch(samples, bands);
  for (let n = 0; n < samples.cells.length; n++) {
    if (!inlier(n)) continue;
    const cell = samples.cells[n]!;
    for (let c = 0; c < bands; c++) sum[cell * bands + c]! += samples.values[n * bands + c]!;
    count[cell]!++;
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

interface EdgeSamples {
  /** the grid cell of each sample */
  cells: number[];
  /** kept − filled, `bands` values per sample */
  values: number[];
  /** the luma of each sample's mismatch (the value itself for grey) */
  luma: number[];
}

/** One sample per (hole pixel, kept 4-neighbour) pair: how much brighter the kept side is. */
function edgeMismatches(level: FillLevel, scale: number, gw: number): EdgeSamples {
  const { width, height, bands, colour, hole } = level;
  const out: EdgeSamples = { cells: [], values: [], luma: [] };
  const weights = bands === 1 ? [1] : [0.299, 0.587, 0.114];
  for (let y = 0; y < height; y++) {
    const cellRow = Math.floor(y / scale) * gw;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const cell = cellRow + Math.floor(x / scale);
      const neighbours = [
        x > 0 ? p - 1 : -1,
        x < width - 1 ? p + 1 : -1,
        y > 0 ? p - width : -1,
        y < height - 1 ? p + width : -1,
      ];
      for (const q of neighbours) {
        if (q < 0 || hole[q] !== 0) continue;
        let l = 0;
        for (let c = 0; c < bands; c++) {
          const e = colour[q * bands + c]! - colour[p * bands + c]!;
          out.values.push(e);
          l += weights[c]! * e;
        }
        out.cells.push(cell);
        out.luma.push(l);
      }
    }
  }
  return out;
}

/**
 * Within how many grey levels of the border's median mismatch a sample counts as shading: its
 * robust spread (robustSpread), never less than MIN_TOLERANCE so that ordinary texture noise
 * along an even border is not thrown away.
 */
const MIN_TOLERANCE = 16;
/**
 * The same floor for a colour's departure from its luma (R − Y and B − Y). Judged by luma
 * alone, a saturated blue light crossing a night sky's hole edge passed as shading (about as
 * bright as the sky), and its +90 of blue spread into the fill beside it as a saturated
 * rectangle (the rocket zoomed out 1.5x). Looser than the luma's floor: a hue drifts along a
 * border more than its brightness does, and at 16 a thin stroke across the rocket's sky lost
 * its edge samples and 1.2 dB of layout.
 */
const MIN_HUE_TOLERANCE = 24;

/**
 * Whether each sample is shading, not an object touching the hole: its luma, and for colour its
 * R − Y and B − Y, each within tolerance of the border's median.
 */
function typicalMismatch(samples: EdgeSamples, bands: number): (n: number) => boolean {
  const { luma, values } = samples;
  if (luma.length === 0) return () => false;
  const tests = [within(luma, MIN_TOLERANCE)];
  if (bands === 3) {
    for (const c of [0, 2]) {
      const hue = luma.map((l, n) => values[n * 3 + c]! - l);
      tests.push(within(hue, MIN_HUE_TOLERANCE));
    }
  }
  return (n) => tests.every((test) => test(n));
}

/** Whether each of `values` lies within its set's robust spread (robustSpread, at least `floor`). */
function within(values: number[], floor: number): (n: number) => boolean {
  const { median, tolerance } = robustSpread(values, floor);
  return (n) => Math.abs(values[n]! - median) <= tolerance;
}
