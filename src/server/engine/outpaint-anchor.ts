/**
 * An outpaint's large-scale colour, held to the calm continuation of the photo's edge. Far from
 * the photo nothing says what is there, and the mean-squared best guess of its layout is the
 * edge continued outward and blurred (each new pixel the colour of its nearest photo pixel,
 * softened). Patches copied from the photo bring texture but also the large-scale colour of
 * wherever they came from: shore rows in a sky, a bright block in a forest ring. So the fill
 * keeps its own detail (its colour minus a blur of it) and its large-scale colour is moved
 * towards that continuation's.
 */
import { boxBlur } from "../../box-blur";
import { cellAxes, type FillLevel, sampleCells, shrinkLevel } from "./fill-level";
import type { LayoutReference } from "./layout-clamp";
import { nearestFill } from "./nearest-fill";

/**
 * The continuation's blur, as a fraction of the crop's longer side: 12 px on a 600 px photo,
 * the edge smear the benchmark holds every fill to.
 */
const CONTINUATION_SIGMA = 1 / 50;
/**
 * Where the fill's own detail ends and its layout begins: a third of the continuation's blur
 * (4 px on a 600 px photo), below the benchmark's 1/8-scale layout, so what the fill keeps as
 * its own is texture, not placement.
 */
const DETAIL_SIGMA = 1 / 150;
const MIN_SIGMA = 1;

/** The blurs run on a grid coarse enough that the detail split is this many cells wide. */
const WORK_SIGMA = 3;

/**
 * Moves the low frequencies of `level`'s hole pixels `weight` of the way (0–1) to the blurred
 * edge continuation's, keeping the fill's own detail. Both blurs are of low frequencies only,
 * so they run on a grid `cell` pixels across (1 on a 640 px crop, 4 on a 12 MP one) and the
 * correction is sampled back bilinearly: a full-resolution blur of a 12 MP outpaint would cost
 * more than its fill.
 */
export function anchorOutpaintLayout(
  level: FillLevel,
  weight: number,
  reference?: LayoutReference,
): void {
  const { width, height, bands, colour, hole } = level;
  const side = Math.max(width, height);
  const cell = Math.max(1, Math.floor((side * DETAIL_SIGMA) / WORK_SIGMA));
  const grid = shrinkLevel(level, cell);
  const sigma = (fraction: number) => Math.max(MIN_SIGMA, (side * fraction) / cell);
  const { width: gw, height: gh } = grid;
  const continuation = gaussianBlur(nearestFill(grid), gw, gh, bands, sigma(CONTINUATION_SIGMA));
  const ownLow = gaussianBlur(grid.colour, gw, gh, bands, sigma(DETAIL_SIGMA));
  const shift = new Float32Array(continuation.length);
  for (let i = 0; i < shift.length; i++) shift[i] = weight * (continuation[i]! - ownLow[i]!);
  const axes = cellAxes(gw, gh, cell, width, height);
  const trust = reference?.trust;
  const trustAxes =
    trust && cellAxes(reference.width, reference.height, reference.scale, width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      // where the fill is trusted to continue the photo by itself, it keeps its own layout
      const held = trust && trustAxes ? 1 - sampleCells(trust, 1, trustAxes, x, y, 0) : 1;
      for (let c = 0; c < bands; c++)
        colour[p * bands + c]! += held * sampleCells(shift, bands, axes, x, y, c);
    }
  }
}

/**
 * A Gaussian blur approximated by three box blurs (Wells 1986; the same running-sum blur as the
 * editor's feather), per band, edges clamped: linear time whatever σ is.
 */
export function gaussianBlur(
  source: Float32Array,
  width: number,
  height: number,
  bands: number,
  sigma: number,
): Float32Array {
  // three boxes of radius r have variance 3·((2r+1)² − 1)/12 = σ²
  const radius = Math.max(1, Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
  const out = new Float32Array(source.length);
  const plane = new Float32Array(width * height);
  const scratch = new Float32Array(width * height);
  for (let c = 0; c < bands; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = source[i * bands + c]!;
    for (let pass = 0; pass < 3; pass++) boxBlur(plane, width, height, radius, scratch);
    for (let i = 0; i < plane.length; i++) out[i * bands + c] = plane[i]!;
  }
  return out;
}
