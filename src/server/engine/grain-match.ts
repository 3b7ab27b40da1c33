import { boxBlur } from "../../box-blur";
import { type FillLevel, lumaPlane } from "./fill-level";
import { type Box, maskBounds } from "./mask-geometry";
import { membraneFill } from "./membrane-fill";
import type { Random } from "./prng";

/**
 * The photo's fine grain, given back to a removal's fill where the finishing passes left it
 * smoother than its surroundings. The patch votes average, the stitch and the clamp set low
 * frequencies, the calm step pulls a busy fill towards a membrane: each is right about the
 * layout, and together they leave a plastic-smooth patch in fur, moss or a grainy sky, which the
 * eye finds at once.
 *
 * The grain's level is measured per CELL: a low quantile of the fine detail of the kept pixels
 * in it and its neighbours (so an outline through them does not count as grain), carried into the hole as a membrane of
 * those levels, against the fill's own there. Where the fill has less, the shortfall is made up
 * with the fine detail of kept tiles, each chosen among random candidates for its mean colour
 * nearest the fill's there and its grain nearest the level wanted: a sky-blue fill gets the
 * sky's grain, not the grass's. Tiles overlap with feathered weights normalised to keep the
 * grain's strength. A tile's detail is only ever added attenuated, never amplified, so a calm
 * source cannot turn into noise; a fill already as busy as its surroundings gets nothing. Only
 * hole pixels are written, and only grain up to MAX_GRAIN: a texture's pattern (planks, a
 * lattice) is the patch search's to continue, and copied in tiles it reads as hatching.
 *
 * Outpaints are left out: far from the photo their fill is calm by design, and grain carried
 * out there from the edge's foliage drew worm-like tracks across a new sky.
 */
export function matchGrain(level: FillLevel, random: Random): void {
  const bounds = maskBounds(level.hole, level.width, level.height);
  if (!bounds) return;
  const box = {
    x0: Math.max(0, bounds.x0 - REACH),
    y0: Math.max(0, bounds.y0 - REACH),
    x1: Math.min(level.width, bounds.x1 + REACH),
    y1: Math.min(level.height, bounds.y1 + REACH),
  };
  const region = cropOf(level, box);
  const grain = grainFor(region, random);
  if (!grain) return;
  const { bands } = level;
  for (let y = 0; y < region.height; y++) {
    for (let x = 0; x < region.width; x++) {
      const r = y * region.width + x;
      if (region.hole[r] === 0) continue;
      const p = (box.y0 + y) * level.width + box.x0 + x;
      for (let b = 0; b < bands; b++) {
        const i = p * bands + b;
        level.colour[i] = Math.max(0, Math.min(255, level.colour[i]! + grain[r * bands + b]!));
      }
    }
  }
}

/** Kept pixels this far around the hole are measured and copied from; farther ones are not. */
const REACH = 96;
/** Side of the cells whose grain level is measured, in pixels. */
const CELL = 16;
/** Side of a grain tile; tiles step by CELL, so neighbours overlap by TILE − CELL. */
const TILE = 24;
/**
 * The share of the surroundings' grain level a fill must fall below to get grain: a level is a
 * quantile of a few hundred pixels, which varies by several percent between cells of the same
 * noise, and a fill as grainy as its surroundings should not be touched for that.
 */
const SLACK = 0.85;
/** Random candidate tiles compared for each cell. */
const CANDIDATES = 24;
/** A cell's kept grain counts when at least this share of its pixels is kept. */
const MIN_KEPT_SHARE = 0.25;
/** Grey levels of mean colour difference that cost as much as a doubled grain level. */
const COLOUR_SCALE = 12;
/** The quantile of fine detail taken as a region's grain level. */
const GRAIN_QUANTILE = 0.25;
/**
 * A tile or cell is grain when at most MAX_TAIL of its pixels lie above TAIL_FACTOR × its grain
 * level (+ TAIL_FLOOR grey levels, for a flat sky whose level is near 0). Gaussian noise puts
 * 0.1% there and a Laplacian texture (fur, moss) 3%; a strut or a mortar line crossing it puts
 * its whole width.
 */
const TAIL_FACTOR = 10;
const TAIL_FLOOR = 1;
const MAX_TAIL = 0.06;
/**
 * No cell's grain counts above RING_CAP times the hole's surroundings' typical grain, their
 * cells' RING_QUANTILE: above the median, so that a hole across a calm sky and a grainy field
 * gives the field its grain, yet below the top, so that a lattice along one side does not
 * set the level for the whole hole…
 */
const RING_QUANTILE = 0.75;
const RING_CAP = 2;
/** …plus this many grey levels… */
const RING_CAP_FLOOR = 0.25;
/**
 * …nor above this many grey levels: sensor grain and fur, not a texture's pattern. Without it a
 * garage's cluttered surroundings (levels 3–5) put hatching into its fill, and the benchmark's
 * removals gained spurious detail (3.5% → 5.9% of blocks); with it they keep 3.5%.
 */
const MAX_GRAIN = 2.5;
/** Pixel steps over which coherent() compares fine detail, along four directions. */
const LAGS = [
  [2, 0],
  [0, 2],
  [2, 2],
  [2, -2],
] as const;
/** Correlation of fine detail LAGS apart above which a square holds structure, not grain. */
const MAX_COHERENCE = 0.25;

/** `level` within `box`, in arrays of its own: the grain's passes then cost the hole's size. */
function cropOf(level: FillLevel, box: Box): FillLevel {
  const { width, bands, colour, hole } = level;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const out = { width: w, height: h, bands, colour: new Float32Array(w * h * bands) };
  const cropped = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = (box.y0 + y) * width + box.x0;
    cropped.set(hole.subarray(row, row + w), y * w);
    out.colour.set(colour.subarray(row * bands, (row + w) * bands), y * w * bands);
  }
  return { ...out, hole: cropped };
}

/** The grain to add to each of the level's pixels (`bands` values each), or null for none. */
function grainFor(level: FillLevel, random: Random): Float32Array | null {
  const { width, height, bands, hole } = level;
  const detail = fineDetail(lumaPlane(level), width, height);
  const cells = cellLevels(level, detail);
  if (!cells) return null;
  const tiles = sourceTiles(level, detail);
  if (tiles.count === 0) return null;
  const added = new Float32Array(hole.length * bands);
  const weights = new Float32Array(hole.length);
  const half = (TILE - CELL) / 2;
  const fillMean = new Float64Array(bands);
  for (let cy = 0; cy < cells.rows; cy++) {
    for (let cx = 0; cx < cells.columns; cx++) {
      if (!needAround(cells, cx, cy)) continue;
      const x0 = cx * CELL - half;
      const y0 = cy * CELL - half;
      meanColour(level, x0, y0, fillMean);
      const source = pickTile(tiles, fillMean, cells.target[cy * cells.columns + cx]!, random);
      const shift = (tiles.y[source]! - y0) * width + tiles.x[source]! - x0;
      const strength = tiles.level[source]!;
      for (let y = Math.max(0, y0); y < Math.min(height, y0 + TILE); y++) {
        const wy = feather(y - y0);
        for (let x = Math.max(0, x0); x < Math.min(width, x0 + TILE); x++) {
          const p = y * width + x;
          if (hole[p] === 0) continue;
          const need = sampleNeed(cells, x, y);
          if (need <= 0) continue;
          const w = wy * feather(x - x0);
          const scaled = w * Math.min(1, need / strength);
          const s = p + shift;
          for (let b = 0; b < bands; b++) {
            added[p * bands + b] = added[p * bands + b]! + scaled * detailAt(level, s, b);
          }
          weights[p] = weights[p]! + w * w;
        }
      }
    }
  }
  for (let p = 0; p < hole.length; p++) {
    if (weights[p] === 0) continue;
    const norm = 1 / Math.sqrt(weights[p]!);
    for (let b = 0; b < bands; b++) added[p * bands + b] = added[p * bands + b]! * norm;
  }
  return added;
}

/** Weight of a tile's pixel `t` along one axis: ramps over the overlap, 1 in between. */
function feather(t: number): number {
  const ramp = TILE - CELL;
  return Math.min(1, (t + 0.5) / ramp, (TILE - t - 0.5) / ramp);
}

/** The 5 taps, per axis, of two 3×3 box blurs in a row. */
const KERNEL = [1 / 9, 2 / 9, 3 / 9, 2 / 9, 1 / 9];

/**
 * A plane's fine detail: each value less the plane blurred by two 3×3 box blurs (KERNEL per
 * axis, edges clamped).
 */
function fineDetail(plane: Float32Array, width: number, height: number): Float32Array {
  const blurred = plane.slice();
  const scratch = new Float32Array(plane.length);
  boxBlur(blurred, width, height, 1, scratch);
  boxBlur(blurred, width, height, 1, scratch);
  for (let p = 0; p < plane.length; p++) blurred[p] = plane[p]! - blurred[p]!;
  return blurred;
}

/**
 * Band `b`'s fine detail at pixel `s`, as fineDetail has it (but within two pixels of the
 * level's edge, where its clamping differs a little). Read only where a tile is copied,
 * so per source pixel and not held as a plane: three bands' planes and their blurs were 24
 * bytes a pixel at the peak of a 12 MP removal, whose memory is budgeted.
 */
function detailAt(level: FillLevel, s: number, b: number): number {
  const { width, height, bands, colour } = level;
  const x = s % width;
  const y = (s - x) / width;
  let blurred = 0;
  for (let j = -2; j <= 2; j++) {
    const row = Math.max(0, Math.min(height - 1, y + j)) * width;
    let sum = 0;
    for (let i = -2; i <= 2; i++) {
      sum += KERNEL[i + 2]! * colour[(row + Math.max(0, Math.min(width - 1, x + i))) * bands + b]!;
    }
    blurred += KERNEL[j + 2]! * sum;
  }
  return colour[s * bands + b]! - blurred;
}

interface CellLevels {
  columns: number;
  rows: number;
  /** per cell: the grain level wanted (the kept pixels', carried into the hole) */
  target: Float32Array;
  /** per cell: the grain the fill lacks, √(wanted² − the fill's²) (see SLACK), else 0 */
  need: Float32Array;
}

/** The cells' grain levels; null when the fill lacks grain nowhere. */
function cellLevels(level: FillLevel, detail: Float32Array): CellLevels | null {
  const { width, height } = level;
  const columns = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const target = new Float32Array(columns * rows);
  const unknown = new Uint8Array(columns * rows);
  const fill = new Float32Array(columns * rows).fill(-1);
  const values = new Float32Array(9 * CELL * CELL);
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      const c = cy * columns + cx;
      const kept = pooled(level, detail, cx, cy, 0, values);
      const grain =
        kept.own >= MIN_KEPT_SHARE * CELL * CELL &&
        !coherent(level, detail, cx * CELL, cy * CELL, CELL)
          ? grainLevel(values.subarray(0, kept.count))
          : null;
      if (grain === null) unknown[c] = 1;
      else target[c] = grain;
      const filled = pooled(level, detail, cx, cy, 1, values);
      if (filled.own > 0) {
        fill[c] = select(
          values.subarray(0, filled.count),
          Math.floor(filled.count * GRAIN_QUANTILE),
        );
      }
    }
  }
  if (unknown.every((u) => u === 1)) return null;
  capAtRing(target, unknown, fill, columns, rows);
  const carried = unknown.some((u) => u === 1)
    ? membraneFill({ width: columns, height: rows, bands: 1, colour: target, hole: unknown })
    : target;
  const need = new Float32Array(columns * rows);
  let any = false;
  for (let c = 0; c < need.length; c++) {
    if (fill[c]! < 0) continue;
    const wanted = SLACK * carried[c]!;
    need[c] = fill[c]! < wanted ? Math.sqrt(wanted ** 2 - fill[c]! ** 2) : 0;
    if (need[c]! > 0) any = true;
  }
  return any ? { columns, rows, target: carried, need } : null;
}

/**
 * The detail amplitudes of the kept (`side` 0) or hole (1) pixels of cell (cx, cy) and its
 * eight neighbours, into `values`: how many, and how many in the cell itself. A level is taken
 * over the nine, since one cell on the hole's edge may hold a handful of either, whose quantile
 * strays by a fifth, enough to call a fill as grainy as the photo too calm.
 */
function pooled(
  level: FillLevel,
  detail: Float32Array,
  cx: number,
  cy: number,
  side: 0 | 1,
  values: Float32Array,
): { count: number; own: number } {
  const { width, height, hole } = level;
  let count = 0;
  let own = 0;
  for (let y = Math.max(0, (cy - 1) * CELL); y < Math.min(height, (cy + 2) * CELL); y++) {
    const inRow = y >= cy * CELL && y < (cy + 1) * CELL;
    for (let x = Math.max(0, (cx - 1) * CELL); x < Math.min(width, (cx + 2) * CELL); x++) {
      const p = y * width + x;
      if (hole[p] !== side) continue;
      values[count++] = Math.abs(detail[p]!);
      if (inRow && x >= cx * CELL && x < (cx + 1) * CELL) own++;
    }
  }
  return { count, own };
}

/**
 * Caps the known cells' grain at RING_CAP × the RING_QUANTILE of those beside the hole, and at
 * MAX_GRAIN. A cell beside the hole whose kept part is a dense lattice has a grain level many
 * times its neighbours' sky; carried into the hole, it asked a clear sky for that much grain,
 * and only the lattice had it to give.
 */
function capAtRing(
  target: Float32Array,
  unknown: Uint8Array,
  fill: Float32Array,
  columns: number,
  rows: number,
): void {
  const ring: number[] = [];
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      const c = cy * columns + cx;
      if (unknown[c] === 0 && besideHole(fill, columns, rows, cx, cy)) ring.push(target[c]!);
    }
  }
  const typical =
    ring.length > 0
      ? select(Float32Array.from(ring), Math.floor(ring.length * RING_QUANTILE))
      : MAX_GRAIN;
  const cap = Math.min(MAX_GRAIN, RING_CAP * typical + RING_CAP_FLOOR);
  for (let c = 0; c < target.length; c++) target[c] = Math.min(target[c]!, cap);
}

/** Whether cell (cx, cy) or a neighbour holds hole pixels (`fill` ≥ 0 there). */
function besideHole(
  fill: Float32Array,
  columns: number,
  rows: number,
  cx: number,
  cy: number,
): boolean {
  for (let y = Math.max(0, cy - 1); y <= Math.min(rows - 1, cy + 1); y++) {
    for (let x = Math.max(0, cx - 1); x <= Math.min(columns - 1, cx + 1); x++) {
      if (fill[y * columns + x]! >= 0) return true;
    }
  }
  return false;
}

/** Whether a cell around (cx, cy), itself included, lacks grain: its tile reaches this one. */
function needAround(cells: CellLevels, cx: number, cy: number): boolean {
  for (let y = Math.max(0, cy - 1); y <= Math.min(cells.rows - 1, cy + 1); y++) {
    for (let x = Math.max(0, cx - 1); x <= Math.min(cells.columns - 1, cx + 1); x++) {
      if (cells.need[y * cells.columns + x]! > 0) return true;
    }
  }
  return false;
}

/**
 * The grain level of detail amplitudes when they are grain (see TAIL_FACTOR), else null. Runs
 * once per tile and cell: the quantile is selected, not sorted for (reorders `values`).
 */
function grainLevel(values: Float32Array): number | null {
  const level = select(values, Math.floor(values.length * GRAIN_QUANTILE));
  const limit = TAIL_FACTOR * level + TAIL_FLOOR;
  let outliers = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > limit) outliers++;
  return outliers > MAX_TAIL * values.length ? null : level;
}

/** The `k`-th smallest of `values` (Hoare's quickselect, middle pivot; reorders them). */
function select(values: Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

/**
 * Whether the kept fine detail in the square of side `size` at (x0, y0) runs along lines: its
 * correlation with itself a few pixels along some direction. Grain decorrelates within a pixel
 * or two; a mortar course or a plank's gap correlates along its direction.
 */
function coherent(
  level: FillLevel,
  detail: Float32Array,
  x0: number,
  y0: number,
  size: number,
): boolean {
  const { width, height, hole } = level;
  for (const [lx, ly] of LAGS) {
    let cross = 0;
    let power = 0;
    for (let y = Math.max(0, y0, -ly); y < Math.min(height, y0 + size, height - ly); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width - lx, x0 + size); x++) {
        const p = y * width + x;
        const q = p + ly * width + lx;
        if (hole[p] !== 0 || hole[q] !== 0) continue;
        cross += detail[p]! * detail[q]!;
        power += detail[p]! * detail[p]! + detail[q]! * detail[q]!;
      }
    }
    if (power > 0 && (2 * cross) / power > MAX_COHERENCE) return true;
  }
  return false;
}

/** The grain a hole pixel lacks: the cells' need, bilinear between cell centres. */
function sampleNeed(cells: CellLevels, x: number, y: number): number {
  const fx = Math.max(0, Math.min(cells.columns - 1, (x + 0.5) / CELL - 0.5));
  const fy = Math.max(0, Math.min(cells.rows - 1, (y + 0.5) / CELL - 0.5));
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(cells.columns - 1, x0 + 1);
  const y1 = Math.min(cells.rows - 1, y0 + 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const { need, columns } = cells;
  return (
    (1 - ay) * ((1 - ax) * need[y0 * columns + x0]! + ax * need[y0 * columns + x1]!) +
    ay * ((1 - ax) * need[y1 * columns + x0]! + ax * need[y1 * columns + x1]!)
  );
}

/** Mean colour of the level's pixels in the tile at (x0, y0), clipped to the level. */
function meanColour(level: FillLevel, x0: number, y0: number, out: Float64Array): void {
  const { width, height, bands, colour } = level;
  out.fill(0);
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(height, y0 + TILE); y++) {
    for (let x = Math.max(0, x0); x < Math.min(width, x0 + TILE); x++) {
      const p = y * width + x;
      for (let b = 0; b < bands; b++) out[b] = out[b]! + colour[p * bands + b]!;
      n++;
    }
  }
  for (let b = 0; b < bands; b++) out[b] = out[b]! / Math.max(1, n);
}

interface SourceTiles {
  count: number;
  /** per tile: its top-left corner */
  x: Int32Array;
  y: Int32Array;
  /** per tile: its mean colour, `bands` values */
  mean: Float32Array;
  /** per tile: its grain level */
  level: Float32Array;
}

/**
 * Every wholly kept tile on a grid of step TILE / 2 whose detail is grain (grainLevel, not
 * coherent): a line through it, copied, would draw a fragment of that line into the fill.
 */
function sourceTiles(level: FillLevel, detail: Float32Array): SourceTiles {
  const { width, height, bands, colour, hole } = level;
  const xs: number[] = [];
  const ys: number[] = [];
  const means: number[] = [];
  const levels: number[] = [];
  const sum = new Float64Array(bands);
  const values = new Float32Array(TILE * TILE);
  for (let y0 = 0; y0 + TILE <= height; y0 += TILE / 2) {
    for (let x0 = 0; x0 + TILE <= width; x0 += TILE / 2) {
      sum.fill(0);
      let n = 0;
      for (let y = y0; y < y0 + TILE && n >= 0; y++) {
        for (let x = x0; x < x0 + TILE; x++) {
          const p = y * width + x;
          if (hole[p] !== 0) {
            n = -1;
            break;
          }
          for (let b = 0; b < bands; b++) sum[b] = sum[b]! + colour[p * bands + b]!;
          values[n++] = Math.abs(detail[p]!);
        }
      }
      if (n < 0) continue;
      const grain = grainLevel(values);
      if (grain === null || coherent(level, detail, x0, y0, TILE)) continue;
      xs.push(x0);
      ys.push(y0);
      for (let b = 0; b < bands; b++) means.push(sum[b]! / values.length);
      levels.push(Math.max(1e-3, grain));
    }
  }
  return {
    count: xs.length,
    x: Int32Array.from(xs),
    y: Int32Array.from(ys),
    mean: Float32Array.from(means),
    level: Float32Array.from(levels),
  };
}

/** The best of CANDIDATES random tiles: mean colour nearest `colour`, grain nearest `wanted`. */
function pickTile(
  tiles: SourceTiles,
  colour: Float64Array,
  wanted: number,
  random: Random,
): number {
  const bands = colour.length;
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let k = 0; k < CANDIDATES; k++) {
    const t = Math.floor(random() * tiles.count);
    let d = 0;
    for (let b = 0; b < bands; b++) d += (tiles.mean[t * bands + b]! - colour[b]!) ** 2;
    const grain = Math.log2((tiles.level[t]! + 0.5) / (wanted + 0.5));
    const cost = d / bands / COLOUR_SCALE ** 2 + grain * grain;
    if (cost < bestCost) {
      bestCost = cost;
      best = t;
    }
  }
  return best;
}
