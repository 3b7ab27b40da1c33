/**
 * The grain of the photo along an outpaint's edge: which way its texture and structure run
 * there, and how clearly. The frame's fade-in reflects a slanted grain along itself
 * (outpaint-seam.ts); the calm continuation carries on a structure that crosses the edge
 * squarely, a horizon meeting a side edge, and widens the rest (outpaint-anchor.ts).
 */
import { boxBlur } from "../../box-blur";
import { tensorCells, tensorOrientation } from "./directional-fill";
import type { FillLevel } from "./fill-level";
import { eachNewPixel, nearestKept } from "./nearest-fill";

export interface EdgeGrain {
  /** the grid's cell size, in pixels */
  cell: number;
  columns: number;
  rows: number;
  /** per cell: the unit vector along the texture's grain around it … */
  dx: Float32Array;
  dy: Float32Array;
  /** … and how coherent that grain is, 0–1 */
  coherence: Float32Array;
}

/**
 * The grain of the kept texture around every cell of a grid `cell` pixels across: the
 * structure tensor of luma gradients between kept pixels, averaged over the cells within
 * `reach` of it. Kept on the grid, not per pixel, so a 12 MP outpaint costs a few small arrays.
 */
export function edgeGrain(level: FillLevel, cell: number, reach: number): EdgeGrain {
  const { columns, rows, xx, yy, xy } = tensorCells(level, cell);
  // the mean over a box of cells: the orientation and coherence do not depend on its scale
  const [bxx, byy, bxy] = [xx, yy, xy].map((sums) => {
    const plane = Float32Array.from(sums);
    boxBlur(plane, columns, rows, reach);
    return plane;
  }) as [Float32Array, Float32Array, Float32Array];
  const dx = new Float32Array(columns * rows);
  const dy = new Float32Array(columns * rows);
  const coherence = new Float32Array(columns * rows);
  for (let c = 0; c < dx.length; c++) {
    const grain = tensorOrientation(bxx[c]!, byy[c]!, bxy[c]!);
    dx[c] = grain.dx;
    dy[c] = grain.dy;
    coherence[c] = grain.coherence;
  }
  return { cell, columns, rows, dx, dy, coherence };
}

/** A grain this coherent (structure tensor, 0–1) starts to count as structure, and from … */
const LOOSE_GRAIN = 0.3;
/** … this one fully: a horizon's or a sky's bands, not grass or gravel. */
const CLEAR_GRAIN = 0.6;
/**
 * |cos| of the angle between the grain and the way out to a new pixel from which it starts
 * to count as crossing the edge squarely (about 32°), and from which fully (about 14°): a
 * slanted plank's gap, carried straight out, would run the wrong way.
 */
const SQUARE_FROM = 0.85;
const SQUARE_FULLY = 0.97;

/**
 * Per pixel of an outpaint's `level`, 0–1: how squarely and clearly the photo's grain at its
 * nearest photo pixel runs out towards it. Kept pixels, and hole pixels with no photo pixel,
 * are 0. `nearest` is the level's nearestKept map, when the caller already has it.
 */
export function grainAcross(
  level: FillLevel,
  grain: EdgeGrain,
  nearest = nearestKept(level.hole, level.width, level.height),
): Float32Array {
  const { width, height, hole } = level;
  const out = new Float32Array(width * height);
  eachNewPixel(hole, width, nearest, (p, px, py, _q, qx, qy) => {
    const row = Math.min(grain.rows - 1, Math.floor(qy / grain.cell));
    const c = row * grain.columns + Math.min(grain.columns - 1, Math.floor(qx / grain.cell));
    const crossing =
      Math.abs(grain.dx[c]! * (px - qx) + grain.dy[c]! * (py - qy)) / Math.hypot(px - qx, py - qy);
    out[p] =
      ramp(grain.coherence[c]!, LOOSE_GRAIN, CLEAR_GRAIN) *
      ramp(crossing, SQUARE_FROM, SQUARE_FULLY);
  });
  return out;
}

function ramp(v: number, from: number, to: number): number {
  return Math.max(0, Math.min(1, (v - from) / (to - from)));
}
