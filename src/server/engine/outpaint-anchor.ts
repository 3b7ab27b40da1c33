/**
 * An outpaint's large-scale colour, held to the calm continuation of the photo's edge. Far from
 * the photo nothing says what is there, and the mean-squared best guess of its layout is the
 * edge continued outward and blurred, the more the further out (each new pixel the colour of
 * its nearest photo pixel, softened). Patches copied from the photo bring texture but also the
 * large-scale colour of wherever they came from: shore rows in a sky, a bright block in a
 * forest ring. So the fill keeps its own detail (its colour minus a blur of it) and its
 * large-scale colour is moved towards that continuation's.
 */
import { boxBlur } from "../../box-blur";
import { edgeGrain, grainAcross } from "./edge-grain";
import { runShares } from "./edge-runs";
import { cellAxes, type FillLevel, sampleCells, shrinkLevel } from "./fill-level";
import type { LayoutReference } from "./layout-clamp";
import { distanceToUnmasked } from "./mask-geometry";
import { nearestFill, nearestKept } from "./nearest-fill";

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

/**
 * Further out, the continuation's blur grows with the distance from the photo (σ at least
 * WIDENING × the distance): what lies d pixels beyond the edge is uncertain over about d pixels
 * of it, and the edge continued straight out drew its rows across the whole new area (a
 * sunset's bright column up a Top outpaint's sky, a table's streaks to a Right outpaint's far
 * edge). On the benchmark's 36 outpaints: layout 15.45 → 15.66 dB mean, cases below the edge
 * smear 15 → 12 (0.5 gave 15.59 and 14; 2 gave 15.73, its far field a blur).
 *
 * Only by the distance the edge's colour does not carry on by itself, though (carriedShares):
 * a horizon and the sky's rows above it, meeting a side edge, run back across the whole photo
 * and go on. Widened alike, the dark ground beside a Zoom out's frame crept up into the glowing
 * sky above it, a grey curtain the height of the sky (the hilltop sunset zoomed out 1.5x at
 * 480 px: the sky beside the frame 25 grey levels darker than the photo's edge, 3 now). On the
 * benchmark's 48 outpaints: layout 15.69 → 15.66 dB, texture ratios out of range 29 → 25,
 * cases below the edge smear 8 → 8; a lakeside's Right outpaint carries its clouds, water and
 * treeline on where a grey haze stood (+0.1 dB).
 */
const WIDENING = 1;

/** The blurs run on a grid coarse enough that the detail split is this many cells wide. */
const WORK_SIGMA = 3;

/**
 * The grain the continuation carries on is read per GRAIN_CELL grid cells, over GRAIN_REACH
 * of them each way (about 36 px each way on a 1000 px crop): wide enough to take in the horizon beside a
 * sky's row just above it, narrow enough that a tower leg a few cells along is not the grain
 * of the whole edge.
 */
const GRAIN_CELL = 4;
const GRAIN_REACH = 4;

/**
 * Per grid pixel, the share of its distance out over which its edge colour carries on
 * unwidened: as far as the colour runs back into the photo (edge-runs.ts), and only where the
 * photo's grain crosses the edge squarely and clearly there (edge-grain.ts). Either alone
 * carried too much. By its run alone, a black horse cut by the frame went on black across the
 * new area, and each column of a cloudy sky runs far back (on the benchmark's 48 outpaints:
 * layout 15.60 dB against 15.66 with both, 10 cases below the edge smear against 8). By its
 * grain alone, a bright post 6 px wide and 30 px deep went on as a column, its sides crossing
 * the edge squarely (134 grey levels 75 px out in a field of 100, against 105 with both; on
 * the benchmark 15.65 dB, 26 texture ratios out of range against 25).
 *
 * The shares are softened over a grain cell among the new pixels: the grain is read per cell,
 * so the share stepped from one cell's row to the next, and where it stepped from carried to
 * widened the widened sky, darker, met the carried glow in a straight line (the hilltop sunset
 * zoomed out 1.5x at 800 px: a 10–13 grey-level step between two rows beside the left frame,
 * where the photo's edge has 1.3; 2 now). The benchmark's 48 outpaints do not move (layout
 * 15.661 dB either way; two texture ratios of 0.603 fall to 0.567 and 0.598).
 */
function carriedShares(grid: FillLevel): Float32Array {
  const nearest = nearestKept(grid.hole, grid.width, grid.height);
  const across = grainAcross(grid, edgeGrain(grid, GRAIN_CELL, GRAIN_REACH), nearest);
  const shares = runShares(grid, nearest).map((share, p) => share * across[p]!);
  return blurAmongHole(shares, grid.hole, grid.width, grid.height, 1, GRAIN_CELL);
}

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
  const continuation = wideningContinuation(grid, sigma(CONTINUATION_SIGMA), {
    carried: carriedShares(grid),
  });
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
 * The edge continued outward (each pixel its nearest kept pixel's colour), blurred by σ =
 * `sigma` at the edge and by WIDENING × the distance further out (with `carried`, only by the
 * share of the distance its colour does not carry on: carriedShares): blurred at doubling σ
 * and read between the two nearest. The blur runs over new pixels only, so it spreads the edge
 * along itself and never reaches into the photo: blurred with the photo, whatever stands inside
 * it (a black horse on a white backdrop) seeped out as a grey haze the wider the blur grew.
 * Down the columns each blur is `columnShare` × σ: beside a side edge that is the blur along
 * the edge, across the layers of sky, hills and ground.
 */
export function wideningContinuation(
  grid: FillLevel,
  sigma: number,
  { carried, columnShare = 1 }: { carried?: Float32Array; columnShare?: number } = {},
): Float32Array {
  const { width, height, bands, hole } = grid;
  const nearest = nearestFill(grid);
  const distance = distanceToUnmasked(hole, width, height);
  let farthest = 0;
  for (const d of distance) if (d > farthest) farthest = d;
  const blur = (s: number) => blurAmongHole(nearest, hole, width, height, bands, s, columnShare);
  const blurs = [blur(sigma)];
  for (let s = 2 * sigma; s / 2 < WIDENING * farthest; s *= 2) blurs.push(blur(s));
  const out = blurs[0]!;
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) continue;
    const widening = WIDENING * distance[p]! * (carried ? 1 - carried[p]! : 1);
    const k = Math.min(blurs.length - 1, Math.log2(Math.max(sigma, widening) / sigma));
    const k0 = Math.floor(k);
    const k1 = Math.min(blurs.length - 1, k0 + 1);
    const f = k - k0;
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      out[i] = (1 - f) * blurs[k0]![i]! + f * blurs[k1]![i]!;
    }
  }
  return out;
}

/**
 * `colour`'s hole pixels blurred among themselves (a normalised convolution: each is the
 * Gaussian-weighted mean of the hole pixels around it), by `columnShare` × σ down the columns.
 * Kept pixels are returned as they are.
 */
function blurAmongHole(
  colour: Float32Array,
  hole: Uint8Array,
  width: number,
  height: number,
  bands: number,
  sigma: number,
  columnShare = 1,
): Float32Array {
  // the hole's own colours, and one more band counting its pixels, blurred together
  const stride = bands + 1;
  const masked = new Float32Array(width * height * stride);
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) continue;
    for (let c = 0; c < bands; c++) masked[p * stride + c] = colour[p * bands + c]!;
    masked[p * stride + bands] = 1;
  }
  const blurred = gaussianBlur(masked, width, height, stride, sigma, columnShare * sigma);
  const out = colour.slice();
  for (let p = 0; p < hole.length; p++) {
    const share = blurred[p * stride + bands]!;
    // a hole pixel always counts itself, so its share is above zero
    if (hole[p] === 0 || share <= 0) continue;
    for (let c = 0; c < bands; c++) out[p * bands + c] = blurred[p * stride + c]! / share;
  }
  return out;
}

/**
 * A Gaussian blur approximated by three box blurs (Wells 1986; the same running-sum blur as the
 * editor's feather), per band, edges clamped: linear time whatever σ is. `sigmaY`, down the
 * columns, is σ unless given.
 */
export function gaussianBlur(
  source: Float32Array,
  width: number,
  height: number,
  bands: number,
  sigma: number,
  sigmaY = sigma,
): Float32Array {
  // three boxes of radius r have variance 3·((2r+1)² − 1)/12 = σ²
  const boxRadius = (s: number) => Math.max(1, Math.round((Math.sqrt(4 * s * s + 1) - 1) / 2));
  const radius = boxRadius(sigma);
  const radiusY = boxRadius(sigmaY);
  const out = new Float32Array(source.length);
  const plane = new Float32Array(width * height);
  const scratch = new Float32Array(width * height);
  for (let c = 0; c < bands; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = source[i * bands + c]!;
    for (let pass = 0; pass < 3; pass++) boxBlur(plane, width, height, radius, scratch, radiusY);
    for (let i = 0; i < plane.length; i++) out[i * bands + c] = plane[i]!;
  }
  return out;
}
