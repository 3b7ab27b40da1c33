import { weightedBoxMean } from "../../box-blur";
import { borderStats } from "./border-objects";
import {
  cellAxes,
  type FillLevel,
  keptLumaMean,
  levelLuma,
  lumaPlane,
  lumaRow,
  sampleCells,
  shrinkLevel,
} from "./fill-level";
import { guideBands } from "./layout-guide";
import { distanceToUnmasked, shortAxis } from "./mask-geometry";
import { followField, type OrientationField, uniformField } from "./orientation-field";

/**
 * Structure guidance for removals. The membrane guide is isotropic: a plank's gap or a horizon
 * that crosses the hole fades into a blur in the middle, and patches chosen to agree with that
 * blur break the line. When the surroundings have one dominant orientation (planks, siding, a
 * horizon, a fence), the guide's colour is instead continued along it: every hole pixel takes
 * the kept pixels it meets walking both ways along the orientation, weighted by nearness, so
 * straight edges run through the hole before any patch is searched. How strongly this replaces
 * the membrane follows how coherent the orientation is; in unordered texture (gravel, foliage)
 * it does nothing.
 */
export interface Orientation {
  /** unit vector along the structure (perpendicular to the dominant gradient) */
  dx: number;
  dy: number;
  /** 0 (no preferred direction) … 1 (all edges parallel), from the structure tensor */
  coherence: number;
}

/** The dominant orientation of the kept pixels' edges (structure tensor of luma gradients). */
export function dominantOrientation(level: FillLevel): Orientation {
  const { xx, yy, xy } = tensorCells(level, Math.max(level.width, level.height));
  return tensorOrientation(xx[0]!, yy[0]!, xy[0]!);
}

/** Structure tensor sums per cell of a grid, row-major, ⌈width / cell⌉ columns. */
export interface TensorCells {
  columns: number;
  rows: number;
  /** Σ gx², Σ gy², Σ gx·gy of luma's central differences between kept pixels */
  xx: Float64Array;
  yy: Float64Array;
  xy: Float64Array;
}

/** The structure tensor of `level`'s kept pixels, summed over `cell`×`cell` blocks. */
export function tensorCells(level: FillLevel, cell: number): TensorCells {
  const { width, height, hole } = level;
  // each pixel's luma and each column's cell once, not four lumas and a division per pixel:
  // an outpaint's frame reads the grain of its whole full-resolution crop
  let above = new Float64Array(width);
  let here = new Float64Array(width);
  let below = new Float64Array(width);
  lumaRow(level, 0, above);
  if (height > 1) lumaRow(level, 1, here);
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const column = new Int32Array(width);
  for (let x = 0; x < width; x++) column[x] = Math.floor(x / cell);
  const xx = new Float64Array(columns * rows);
  const yy = new Float64Array(columns * rows);
  const xy = new Float64Array(columns * rows);
  for (let y = 1; y < height - 1; y++) {
    lumaRow(level, y + 1, below);
    const row = Math.floor(y / cell) * columns;
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      if (hole[p] || hole[p - 1] || hole[p + 1] || hole[p - width] || hole[p + width]) continue;
      const gx = here[x + 1]! - here[x - 1]!;
      const gy = below[x]! - above[x]!;
      const c = row + column[x]!;
      xx[c]! += gx * gx;
      yy[c]! += gy * gy;
      xy[c]! += gx * gy;
    }
    [above, here, below] = [here, below, above];
  }
  return { columns, rows, xx, yy, xy };
}

/** The orientation a structure tensor (summed gx², gy², gx·gy) describes. */
export function tensorOrientation(jxx: number, jyy: number, jxy: number): Orientation {
  const trace = jxx + jyy;
  if (trace <= 0) return { dx: 1, dy: 0, coherence: 0 };
  const diff = Math.sqrt((jxx - jyy) ** 2 + 4 * jxy * jxy);
  // the gradient's dominant angle; the structure runs perpendicular to it
  const angle = 0.5 * Math.atan2(2 * jxy, jxx - jyy) + Math.PI / 2;
  return { dx: Math.cos(angle), dy: Math.sin(angle), coherence: diff / trace };
}

/**
 * How strongly the continuation is trusted, 0 … 1: how much better the kept pixels are predicted
 * by the pixel `reach` along the field than by the one `reach` across it. `coherence` is the
 * whole crop's (dominantOrientation): below MIN_COHERENCE nothing has a direction. Straight
 * structure (planks, a horizon) is predicted far better along itself; unordered texture is not;
 * nor is a fine periodic pattern whose orientation is measured a few degrees off, which a walk
 * of `reach` pixels lands out of phase (the patch search copies such patterns exactly).
 */
export function structureWeight(
  level: FillLevel,
  field: OrientationField,
  coherence: number,
  reach: number,
): number {
  if (coherence < MIN_COHERENCE) return 0;
  const { width, height, hole } = level;
  const kept = (q: number) => q >= 0 && hole[q] === 0;
  let along = 0;
  let across = 0;
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 20_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const p = y * width + x;
      if (hole[p] !== 0) continue;
      const cx = x + Math.round(-field.dy[p]! * reach);
      const cy = y + Math.round(field.dx[p]! * reach);
      if (cx < 0 || cx >= width || cy < 0 || cy >= height) continue;
      const pc = cy * width + cx;
      const [pa, steps] = followField(field, p, 1, reach, null);
      if (steps < reach || !kept(pa) || !kept(pc)) continue;
      const v = levelLuma(level, p);
      along += (levelLuma(level, pa) - v) ** 2;
      across += (levelLuma(level, pc) - v) ** 2;
    }
  }
  if (across === 0) return 0;
  const ratio = along / across;
  return Math.min(1, Math.max(0, (RATIO_NONE - ratio) / (RATIO_NONE - RATIO_FULL)));
}

/** Below this coherence there is no orientation to speak of. */
const MIN_COHERENCE = 0.2;
/** along/across error ratios: at RATIO_FULL or below full trust, at RATIO_NONE or above none */
const RATIO_FULL = 0.25;
const RATIO_NONE = 0.6;

/** The coherence from which the continuation is laid over the fill in full (see overlayShare). */
const FULL_OVERLAY_COHERENCE = 0.35;

/**
 * How much of the continuation blendContinuation lays over a finished removal, by the crop's
 * coherence: none below MIN_COHERENCE, all from FULL_OVERLAY_COHERENCE, in proportion between.
 * Just above MIN_COHERENCE the along/across test, read on a field that turns with every edge,
 * finds "structure" in a crowd of short curved ones (a row of boats' hulls, coherence 0.25) as
 * readily as in a horizon, and the hulls continued across a removal were laid over the gravel
 * the patches had put there: a mesh of gravel in hull colours, one boat stretched into the next.
 * A step at 0.2 also made a crop's whole continuation come and go with the last hundredth of
 * its coherence. The dusk's horizons (0.37–0.90) and the dock's planks (0.81–0.90) keep it
 * all. On the benchmark's 48 removals the layout mean is 24.98 dB before and after; the
 * lakeside's ellipse and upright (0.25) now show gravel where the boats were cut.
 */
export function overlayShare(coherence: number): number {
  const t = (coherence - MIN_COHERENCE) / (FULL_OVERLAY_COHERENCE - MIN_COHERENCE);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * How straight the structure around each kept pixel is, for laying a continuation over its
 * finished fill (blendContinuation): the crop's structure weight is one figure for the whole
 * crop, and a hillside's horizon and treeline made it 1 for the grass beneath them too. Walked
 * across the grass, the continuation carried each row's two end colours through the hole and
 * combed it into furrows along the slope: on the benchmark's 1 MP case (a 10% lasso in grass
 * and snow) 6.2% of the fill's blocks were streaked, 2.0% now (seeds 0–2 of the test: 6.2, 5.3,
 * 7.3% → 2.0, 2.2, 3.9%); its 12 MP case 3.7% → 2.2% (+0.18 dB). Judged per end, as the crop's
 * weight is judged (along/across errors, RATIO_FULL and RATIO_NONE), over LOCAL_WINDOW pixels
 * around it at LOCAL_REACH: grass is predicted as badly along as across, a plank's gap or a
 * horizon far better along. On the benchmark's 50 removals the layout mean is 24.866 → 24.871
 * dB, no case below the edge smear changes, streaked blocks 3.4% → 3.1%. The guide the patches
 * follow still takes the continuation in full: the layout the walk gives is right, its rows'
 * detail is not.
 */
const LOCAL_REACH = 3;
const LOCAL_WINDOW = 6;
/**
 * Where steps across are under this (grey levels, root mean square), the surface is plain and
 * any walk is right, as the overlay always was there. At 6, a dock's soft, out-of-focus clouds
 * counted as texture, and without the overlay a pale block the patches had copied into them
 * showed, straight edges and all (the benchmark's dock-blob; 7.5% of its blocks streaked, 4.5%
 * before and at 14). Grass steps by far more: the 1 MP case keeps its 2.0%.
 */
const LOCAL_PLAIN = 14;

/** Per pixel, 0–1: how straight the kept structure around it runs along `field`. */
export function localStraightness(level: FillLevel, field: OrientationField): Float32Array {
  const { width, height, hole } = level;
  const luma = lumaPlane(level);
  const along = new Float32Array(width * height);
  const across = new Float32Array(width * height);
  const counted = new Float32Array(width * height);
  const kept = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && hole[y * width + x] === 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] !== 0) continue;
      const ax = x + Math.round(field.dx[p]! * LOCAL_REACH);
      const ay = y + Math.round(field.dy[p]! * LOCAL_REACH);
      const cx = x + Math.round(-field.dy[p]! * LOCAL_REACH);
      const cy = y + Math.round(field.dx[p]! * LOCAL_REACH);
      if (!kept(ax, ay) || !kept(cx, cy)) continue;
      along[p] = (luma[ay * width + ax]! - luma[p]!) ** 2;
      across[p] = (luma[cy * width + cx]! - luma[p]!) ** 2;
      counted[p] = 1;
    }
  }
  const a = weightedBoxMean(along, counted, width, height, LOCAL_WINDOW);
  const c = weightedBoxMean(across, counted, width, height, LOCAL_WINDOW);
  const out = new Float32Array(width * height);
  for (let p = 0; p < out.length; p++) {
    if (c[p]! <= LOCAL_PLAIN * LOCAL_PLAIN) {
      out[p] = 1;
      continue;
    }
    const ratio = a[p]! / c[p]!;
    out[p] = Math.min(1, Math.max(0, (RATIO_NONE - ratio) / (RATIO_NONE - RATIO_FULL)));
  }
  return out;
}

/** Where a continuation meets kept pixels only on one side, it is trusted this far (pixels). */
export const ONE_SIDED_REACH = 24;

/**
 * Two ends whose luma differs by this much or more are not one line crossing the hole (a
 * pattern out of phase, two different objects): the continuation is not trusted between them.
 */
const SIDES_AGREE = 40;
/** …or this many of the border's robust standard deviations, if more. */
const AGREE_SPREADS = 3;

/**
 * Walks whose directions turn by this much in all (radians, both ways together) are not
 * trusted at all: a shuttle's outline or a boat's hull continued round drew its ghost in the
 * hole. On the benchmark's removals the astronaut's ellipse rises from 13.1 to 14.0 dB;
 * straight structure loses a little (the dusk's ellipse 24.5 to 23.5, still 19.7 before the
 * field), since a field's jitter in a plain sky turns its walks too.
 */
const MAX_TURN = 1;

/**
 * Where the two ends disagree and each half carries its own end on (`nearerEnd`), the halves
 * hand over along a ramp across this share of the walk around its middle, not at a step. In a
 * smooth sky the ends differ a little (a gradient, a slight slant of the field), and the step
 * stood as a vertical edge through the fill: a pale rectangle with sharp corners across the
 * dusk photo's glow (an ellipse of 10%: sideways steps in its sky 0.68% → 0.27% of the fill,
 * seeds 0–2). On the benchmark's removals no case moves by more than 0.2 dB.
 */
const NEARER_END_RAMP = 0.4;

export interface Continuation {
  /** the level's colours, hole pixels continued along the orientation */
  colour: Float32Array;
  /** per pixel, how far the continuation is trusted: 1 between two kept ends, fading on one */
  trust: Float32Array;
  /**
   * per pixel, how far it may be laid over a finished fill (blendContinuation): its trust, less
   * where the walk ends in texture rather than straight structure (localStraightness); the
   * trust where absent
   */
  overlay?: Float32Array;
}

/**
 * Every hole pixel takes the kept pixels it meets walking both ways along the field,
 * weighted by nearness; where the walk leaves the level on one side, the other side's value,
 * trusted less with distance (a line may end); where it leaves on both, or meets one of
 * `objects` (pixels not to be continued), trust 0. `removal`: ends are compared as a removal's
 * (see below). `nearerEnd`: where the two ends disagree, each pixel carries its nearer end on,
 * trusted as a one-sided continuation, instead of not at all. A deck seen at a slant has its
 * gaps converge, and the field's average orientation walks from a gap on one side to wood on
 * the other: untrusted, the gaps stopped at the hole's edge around a bright smear. On the
 * benchmark's deep removals (24 ellipses and blobs): the dock's ellipse +0.8 dB, the shuttle's
 * booster behind the astronaut +0.9, a brick blob −0.7, mean +0.04 dB. `overlaid`: the
 * continuation will be laid over a finished fill, so it gets its overlay (measuring the
 * straightness of every level an outpaint walks cost its 1 MP zoom-out a second).
 */
export function continueAlong(
  level: FillLevel,
  field: OrientationField,
  objects: Uint8Array | null,
  removal: boolean,
  { nearerEnd = false, overlaid = false }: { nearerEnd?: boolean; overlaid?: boolean } = {},
): Continuation {
  const { width, height, bands, hole } = level;
  const colour = level.colour.slice();
  const trust = new Float32Array(width * height);
  const limit = width + height;
  // An object the hole cuts through lengthwise (the middle of a rocket against a night sky),
  // continued, would fill the hole with itself, which the removal was meant to take away.
  // Lines across the hole (plank gaps, a horizon) are not such objects (border-objects.ts).
  const typical = (q: number) => objects === null || objects[q] === 0;
  // A removal's two ends are compared by their neighbourhoods, not single pixels: wood grain
  // makes two pixels of one plank differ by more than SIDES_AGREE; and along a textured
  // surface (grain, shading down a plank) the ends of one line differ more than on a plain
  // one, so how far they may differ follows the border's own spread. (Outpaints keep the
  // single pixels and SIDES_AGREE they were tuned with.)
  const ends = removal ? keptLumaMean(level, 1) : lumaPlane(level);
  const agree = removal ? Math.max(SIDES_AGREE, AGREE_SPREADS * borderSpread(level)) : SIDES_AGREE;
  const clear = field.straight ? distanceToUnmasked(hole, width, height) : undefined;
  // The overlay holds only where the walk's ends are straight structure (localStraightness):
  // both of a removal's, an outpaint's one. An outpaint's was its trust alone, and beside a
  // calm fill its rows carried the edge's texture out as stripes: the sample's Right outpaint
  // with the sundial excluded had 40 px of horizontal streaks of snow along the frame; none
  // now, and on the benchmark's 48 outpaints layout 15.701 → 15.700 dB, streaks 3.88% → 3.85%.
  const straightness = overlaid ? localStraightness(level, field) : null;
  const overlay = straightness ? new Float32Array(width * height) : trust;
  const straightAt = (q: number) => (q < 0 || !straightness ? 1 : straightness[q]!);
  /** from p along the field's `sign` to the first kept pixel: its index and distance, or -1 */
  const walk = (p: number, sign: number): [number, number, number] => {
    const [q, steps, turn] = followField(field, p, sign, limit, hole, clear);
    return q >= 0 && hole[q] === 0 ? [q, steps, turn] : [-1, 0, 0];
  };
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) {
      trust[p] = 1;
      overlay[p] = 1;
      continue;
    }
    const [a, da, ta] = walk(p, 1);
    const [b, db, tb] = walk(p, -1);
    if (a < 0 && b < 0) continue;
    const wa = a < 0 ? 0 : b < 0 ? 1 : db / (da + db);
    const bothTypical = (a < 0 || typical(a)) && (b < 0 || typical(b));
    // A line that bends round inside the hole is an outline (a shuttle's, a boat's hull), not
    // straight structure running on: continued, it draws the outline's ghost.
    const straight = Math.max(0, 1 - (ta + tb) / MAX_TURN);
    let w = wa;
    if (!bothTypical) trust[p] = 0;
    else if (a >= 0 && b >= 0) {
      const both = Math.max(0, 1 - Math.abs(ends[a]! - ends[b]!) / agree);
      const near = Math.min(da, db);
      const one = nearerEnd ? Math.max(0, 1 - near / ONE_SIDED_REACH) : 0;
      if (one > both) {
        // the ends disagree (a plank gap met by wood): each half carries its own end on,
        // handing over along a ramp (NEARER_END_RAMP)
        w = Math.max(0, Math.min(1, (wa - 0.5) / NEARER_END_RAMP + 0.5));
        trust[p] = straight * one;
      } else trust[p] = straight * both;
    } else trust[p] = straight * Math.max(0, 1 - (a < 0 ? db : da) / ONE_SIDED_REACH);
    if (straightness) overlay[p] = trust[p]! * Math.min(straightAt(a), straightAt(b));
    for (let c = 0; c < bands; c++) {
      colour[p * bands + c] =
        w * (a < 0 ? 0 : level.colour[a * bands + c]!) +
        (1 - w) * (b < 0 ? 0 : level.colour[b * bands + c]!);
    }
  }
  return straightness ? { colour, trust, overlay } : { colour, trust };
}

/** The border's robust standard deviation of luma (borderStats' tolerance is three of them). */
function borderSpread(level: FillLevel): number {
  return borderStats(level).tolerance / 3;
}

/**
 * A long thin removal's surroundings continued straight through it: at each pixel whichever is
 * trusted more (see continueAlong, whose trust falls where a walk's two ends disagree) of a walk
 * across the hole along its short axis and `along`, the walk along the surroundings' own
 * orientation field. A membrane of the whole rim lets the far ends of a tall hole reach its
 * middle: where a person standing in front of a waterfall's grass bank is removed, the bank, a
 * few coarse pixels high, is outweighed by the mist above and the gravel below, and the fill
 * broke it with a grey gap. The walk across carries the bank; the field's walk carries the
 * slanting gaps of a deck, which a level walk across would meet at the wrong heights.
 */
export function continueThrough(
  level: FillLevel,
  objects: Uint8Array | null,
  along: Continuation,
): Continuation {
  const [dx, dy] = shortAxis(level.hole, level.width);
  const field = uniformField(level.width, level.height, dx, dy);
  const across = continueAlong(level, field, objects, true);
  const { bands } = level;
  for (let p = 0; p < across.trust.length; p++) {
    if (along.trust[p]! <= across.trust[p]!) continue;
    across.trust[p] = along.trust[p]!;
    for (let c = 0; c < bands; c++) across.colour[p * bands + c] = along.colour[p * bands + c]!;
  }
  return across;
}

/**
 * Pulls the level's guide towards the continuation, by `weight` and the continuation's trust.
 * Kept pixels are trusted in full, so their guide becomes their own colour; `holeOnly` leaves
 * it as it was (see where an outpaint's finer levels are steered, exemplar-fill.ts).
 */
export function steerGuide(
  level: FillLevel,
  along: Continuation,
  weight: number,
  holeOnly = false,
): void {
  const { guide, hole } = level;
  if (!guide || weight === 0) return;
  const { width, height, bands } = level;
  const gb = guideBands(bands);
  for (let p = 0; p < width * height; p++) {
    if (holeOnly && hole[p] === 0) continue;
    const w = weight * along.trust[p]!;
    for (let c = 0; c < bands; c++) {
      const g = p * gb + c;
      guide[g] = w * along.colour[p * bands + c]! + (1 - w) * guide[g]!;
    }
  }
}

/**
 * Lays the continuation (computed on `from`, a level `scale` times coarser than `base`, and
 * upsampled bilinearly) over the finished patch fill, by coherence and its overlay (the trust,
 * less where a walk ends in texture; see localStraightness): along a coherent
 * structure the straight continuation is what the eye expects, and the patch fill keeps the
 * rest. A continuation walked on a coarser level knows nothing finer than its cells, so it
 * replaces only the fill's cell means there and the fill keeps its own detail: laid over whole,
 * a 3% hole in a 12 MP meadow (walked at 1/4 scale) became smooth streaks with stair-stepped
 * edges, texture 0.46 of the truth's on the 1 MP case, 0.66 with the detail kept. Kept pixels
 * are never written.
 */
export function blendContinuation(
  base: FillLevel,
  from: FillLevel,
  along: Continuation,
  scale: number,
  weight: number,
): void {
  const { width, height, bands, colour, hole } = base;
  const axes = cellAxes(from.width, from.height, scale, width, height);
  const low = scale > 1 ? shrinkLevel(base, scale).colour : null;
  const overlay = along.overlay ?? along.trust;
  const weighted = trustWeighted(along.colour, overlay, bands);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const t = sampleCells(overlay, 1, axes, x, y, 0);
      if (t === 0) continue;
      for (let c = 0; c < bands; c++) {
        // t · (continued colour − own), the continued colour read trust-weighted (trustWeighted)
        const v = sampleCells(weighted, bands, axes, x, y, c);
        const own = low ? sampleCells(low, bands, axes, x, y, c) : colour[p * bands + c]!;
        colour[p * bands + c]! += weight * (v - t * own);
      }
    }
  }
}

/**
 * The continuation's colour times its trust, per cell. Read between cells, a colour counts by
 * its trust: an untrusted cell's colour is no continuation at all (a walk that met no kept
 * pixel keeps the hole's unfilled black), and read plainly between cells it darkened its
 * trusted neighbours. The sample's Zoom out 1.5x drew a dark dash, 50 px long and 20 grey
 * levels darker than the sky, along the row of the photo's top edge, beside its corner.
 */
function trustWeighted(colour: Float32Array, trust: Float32Array, bands: number): Float32Array {
  const out = new Float32Array(colour.length);
  for (let p = 0; p < trust.length; p++) {
    const t = trust[p]!;
    for (let c = 0; c < bands; c++) out[p * bands + c] = t * colour[p * bands + c]!;
  }
  return out;
}

/**
 * A continuation made on `from` read at `to`, a level `scale` times finer (bilinearly): walking
 * again on a finer level costs a walk per pixel for a guide that is low-frequency anyway.
 */
export function resampleContinuation(
  from: FillLevel,
  along: Continuation,
  to: FillLevel,
  scale: number,
): Continuation {
  const { width, height, bands } = to;
  const axes = cellAxes(from.width, from.height, scale, width, height);
  const weighted = trustWeighted(along.colour, along.trust, bands);
  const colour = new Float32Array(width * height * bands);
  const trust = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const t = sampleCells(along.trust, 1, axes, x, y, 0);
      trust[p] = t;
      if (t === 0) continue;
      for (let c = 0; c < bands; c++) {
        colour[p * bands + c] = sampleCells(weighted, bands, axes, x, y, c) / t;
      }
    }
  }
  return { colour, trust };
}
