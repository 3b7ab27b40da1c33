import { downsampleLevel, type FillLevel, holePixels, upsampleBilinear } from "./fill-level";
import { maskBounds } from "./mask-geometry";

/**
 * The smoothest fill of a level's hole: each hole pixel becomes the mean of its four neighbours
 * (a discrete Laplace equation with the kept pixels as boundary), solved by successive
 * over-relaxation. This is the fill that loses least in mean squared error when nothing is known
 * about the hole, which makes it the exemplar fill's layout guide: patches are chosen to agree
 * with it at low frequency (see `withGuide`), so colours continue from the side they belong to.
 * Returns a new colour array; kept pixels are copied unchanged.
 */
export function membraneFill(level: FillLevel, sweeps?: number): Float32Array {
  const { width, height, bands, hole } = level;
  const colour = level.colour.slice();
  const cells: number[] = [];
  for (let i = 0; i < hole.length; i++) if (hole[i] !== 0) cells.push(i);
  if (cells.length === 0) return colour;
  // Start from the mean of the kept pixels, so the relaxation only has to shape it.
  const mean = new Float64Array(bands);
  let kept = 0;
  for (let i = 0; i < hole.length; i++) {
    if (hole[i] !== 0) continue;
    kept++;
    for (let c = 0; c < bands; c++) mean[c]! += colour[i * bands + c]!;
  }
  for (const i of cells) {
    for (let c = 0; c < bands; c++) colour[i * bands + c] = kept > 0 ? mean[c]! / kept : 0;
  }
  // SOR converges in about as many sweeps as the hole is wide (ω near 2 for big grids). The
  // coarsest level is small, but a huge outpaint can stop the pyramid early: the sweep budget
  // is capped, and an unconverged membrane is still a fair guide.
  const n =
    sweeps ?? Math.max(20, Math.min(2 * Math.max(width, height), Math.ceil(2e7 / cells.length)));
  const omega = 2 / (1 + Math.sin(Math.PI / Math.max(width, height)));
  // Each cell's in-bounds 4-neighbours, found once: the sweeps below are the hot loop.
  const neighbours = new Int32Array(cells.length * 4);
  const degree = new Uint8Array(cells.length);
  cells.forEach((i, k) => {
    const x = i % width;
    const y = (i - x) / width;
    for (const [ok, j] of [
      [x > 0, i - 1],
      [x < width - 1, i + 1],
      [y > 0, i - width],
      [y < height - 1, i + width],
    ] as const) {
      if (ok) neighbours[k * 4 + degree[k]!++] = j;
    }
  });
  for (let sweep = 0; sweep < n; sweep++) {
    for (let k = 0; k < cells.length; k++) {
      const i = cells[k]!;
      const d = degree[k]!;
      for (let c = 0; c < bands; c++) {
        let sum = 0;
        for (let e = 0; e < d; e++) sum += colour[neighbours[k * 4 + e]! * bands + c]!;
        const at = i * bands + c;
        colour[at] = colour[at]! + omega * (sum / d - colour[at]!);
      }
    }
  }
  return colour;
}

/** Hole pixels up to which membraneAtScale solves at full resolution. */
const FULL_SCALE_PIXELS = 10_000;

/**
 * membraneFill for a hole of any size: a membrane is smooth, so a big hole's is solved on the
 * level halved until the hole has at most FULL_SCALE_PIXELS, and read back bilinearly; SOR needs
 * about twice as many sweeps as the hole (not the level) is long. At full resolution, with the
 * level's size as the budget, a 12 MP removal's 360k-pixel hole took 1.2 s of sweeps.
 */
export function membraneAtScale(level: FillLevel): Float32Array {
  const chain = [level];
  while (holePixels(chain[chain.length - 1]!) > FULL_SCALE_PIXELS) {
    chain.push(downsampleLevel(chain[chain.length - 1]!));
  }
  const solved = chain[chain.length - 1]!;
  const box = maskBounds(solved.hole, solved.width, solved.height);
  const side = box ? Math.max(box.x1 - box.x0, box.y1 - box.y0) : 0;
  let smooth = membraneFill(solved, Math.max(20, 2 * side));
  for (let i = chain.length - 2; i >= 0; i--) {
    const fine = chain[i]!;
    const up = fine.colour.slice();
    upsampleBilinear(chain[i + 1]!, smooth, fine, up, fine.bands, fine.hole);
    smooth = up;
  }
  return smooth;
}
