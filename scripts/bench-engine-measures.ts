/**
 * What the benchmark measures inside the filled area, chosen to agree with the eye:
 * - layout: PSNR of the 8×8 block means (area downsampling to 1/8), so colour and large structure
 *   count and fine texture does not; a sharp fill in the wrong place loses, a smear in the right
 *   colours does not win by blurring;
 * - texture: mean gradient magnitude of the fill ÷ the truth's over the same pixels (1 = as
 *   textured as reality; above ~1.5 is noise, below ~0.5 a smear);
 * - where the texture is (detailBlocks): the texture ratio is one figure for the whole fill, so
 *   a lattice mesh copied over calm ground and a smear over grass can add up to 1.0. Block by
 *   block, detail far above the truth's is copied garbage the eye sees at once (`spurious`), and
 *   detail far below it where the truth is textured is a smear (`smeared`);
 * - blocks along the canvas's border (borderBlocks): a block copied against the border has a
 *   straight edge parallel to it, which the other figures, averaged over the whole fill, miss;
 * - streaks (streakBlocks): texture smeared along one direction keeps its gradients, so the
 *   texture ratio counts furrows combed into grass as detail; their gradients all point one
 *   way, the truth's do not;
 * - seams (seamShare): a block copied from another region has straight, axis-aligned sides (a
 *   rectangle of bright sky in a dark one, a staircase of planks); averaged over the fill they
 *   are a few pixels of wrong colour, to the eye the first thing it sees;
 * - for a fill whose sources are known (bench:presets), how often one source is repeated
 *   nearby (repeatedShare in src/server/engine/source-repeats.ts, which the engine's tests
 *   share), which no figure of the pixels alone tells from texture.
 * Images are interleaved 8-bit RGB; the mask is 1 where filled.
 */
import {
  blockGradients,
  borderSteps,
  luma,
  seamShare,
  streakShare,
} from "../src/server/engine/fill-quality";

const BLOCK = 8;

/** PSNR in dB between the 1/8-scale (area) versions of `a` and `b`, over the filled area only. */
export function layoutPsnr(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const sums = new Float64Array(bw * bh * 7); // count, then a's RGB sums, then b's
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / BLOCK) * bw;
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (mask[p] === 0) continue;
      const s = (row + Math.floor(x / BLOCK)) * 7;
      sums[s]!++;
      for (let c = 0; c < 3; c++) {
        sums[s + 1 + c]! += a[p * 3 + c]!;
        sums[s + 4 + c]! += b[p * 3 + c]!;
      }
    }
  }
  let error = 0;
  let weight = 0;
  for (let s = 0; s < sums.length; s += 7) {
    const n = sums[s]!;
    if (n === 0) continue;
    for (let c = 0; c < 3; c++) {
      const e = (sums[s + 1 + c]! - sums[s + 4 + c]!) / n;
      error += n * e * e;
    }
    weight += 3 * n;
  }
  if (weight === 0 || error === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10((255 * 255) / (error / weight));
}

/** Mean luma gradient magnitude of `fill` ÷ of `truth`, over pixels whose 4 neighbours are filled too. */
export function textureRatio(
  fill: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  const yf = luma(fill, 3);
  const yt = luma(truth, 3);
  let gf = 0;
  let gt = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!filledAround(mask, i, width)) continue;
      gf += gradientAt(yf, i, width);
      gt += gradientAt(yt, i, width);
    }
  }
  return gt === 0 ? 1 : gf / gt;
}

/** Side of the blocks whose detail detailBlocks compares. */
const DETAIL_BLOCK = 16;
/**
 * A block's fill is spurious when its detail exceeds SPURIOUS_FACTOR × the truth's plus
 * DETAIL_FLOOR grey levels; the floor keeps sensor noise over a flat sky (1–2 levels) from
 * counting. It is smeared when the truth has at least TEXTURED detail and the fill under half.
 */
const SPURIOUS_FACTOR = 2;
const DETAIL_FLOOR = 2;
const TEXTURED = 4;

/** Luma's central-difference gradient magnitude at pixel `i`. */
function gradientAt(yl: Float32Array, i: number, width: number): number {
  return Math.hypot(yl[i + 1]! - yl[i - 1]!, yl[i + width]! - yl[i - width]!);
}

/** Whether pixel `i` and its 4 neighbours are all filled. */
function filledAround(mask: Uint8Array, i: number, width: number): boolean {
  return (
    mask[i] !== 0 &&
    mask[i - 1] !== 0 &&
    mask[i + 1] !== 0 &&
    mask[i - width] !== 0 &&
    mask[i + width] !== 0
  );
}

/** Shares of the fill's blocks with spurious and with smeared detail (see DETAIL_BLOCK). */
export function detailBlocks(
  fill: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): { spurious: number; smeared: number } {
  const df = blockGradients(luma(fill, 3), width, height, mask, DETAIL_BLOCK).detail;
  const dt = blockGradients(luma(truth, 3), width, height, mask, DETAIL_BLOCK).detail;
  let blocks = 0;
  let spurious = 0;
  let smeared = 0;
  for (let b = 0; b < df.length; b++) {
    const f = df[b]!;
    const t = dt[b]!;
    if (Number.isNaN(f)) continue;
    blocks++;
    if (f > SPURIOUS_FACTOR * t + DETAIL_FLOOR) spurious++;
    else if (t >= TEXTURED && f < t / 2) smeared++;
  }
  return blocks === 0
    ? { spurious: 0, smeared: 0 }
    : { spurious: spurious / blocks, smeared: smeared / blocks };
}

/**
 * Share of the fill's 16×16 blocks whose detail runs one way far more than the truth's: grass
 * combed into furrows, which the texture ratio counts as detail (streakShare in
 * src/server/engine/fill-quality.ts, which the engine's tests share).
 */
export function streakBlocks(
  fill: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  return streakShare(luma(fill, 3), luma(truth, 3), width, height, mask);
}

/** A step between two lines' means this much steeper than the truth's is a block's edge. */
const BORDER_STEP = 10;

/**
 * Share of the strips along the canvas's border, wholly inside the fill (borderSteps), whose
 * steepest step between the mean luma of two neighbouring lines exceeds the truth's in the same
 * strip by BORDER_STEP: blocks the fill copied along the border (a treeline's dark slabs along a
 * new sky's top edge) have straight edges the truth does not. Null where the fill reaches no
 * border.
 */
export function borderBlocks(
  fill: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): number | null {
  const filled = borderSteps(luma(fill, 3), width, height, mask);
  const real = borderSteps(luma(truth, 3), width, height, mask);
  if (filled.length === 0) return null;
  return filled.filter((step, i) => step > real[i]! + BORDER_STEP).length / filled.length;
}

export interface Figures {
  layoutDb: number;
  texture: number;
  /** share of the fill's 16×16 blocks with detail far above the truth's (copied garbage) */
  spurious: number;
  /** share of them with under half the truth's detail where the truth is textured */
  smeared: number;
  /** share of the strips along the canvas's border with a block's edge (null: none reached) */
  borderBlocks: number | null;
  /** share of the fill's 16×16 blocks whose detail runs one way far more than the truth's */
  streaks: number;
  /** share of them crossed by a straight axis-aligned edge the truth does not have there */
  seams: number;
}

export function figures(
  result: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
): Figures {
  const detail = detailBlocks(result, truth, width, height, mask);
  const border = borderBlocks(result, truth, width, height, mask);
  const share = (v: number) => Math.round(v * 1000) / 1000;
  return {
    layoutDb: Math.round(layoutPsnr(result, truth, width, height, mask) * 100) / 100,
    texture: Math.round(textureRatio(result, truth, width, height, mask) * 1000) / 1000,
    spurious: share(detail.spurious),
    smeared: share(detail.smeared),
    borderBlocks: border === null ? null : share(border),
    streaks: share(streakBlocks(result, truth, width, height, mask)),
    seams: share(seamShare(result, truth, width, height, mask, 3)),
  };
}
