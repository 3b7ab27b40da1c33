/**
 * How good a fill is against the truth it replaced, for the benchmark and the tests: PSNR and
 * SSIM inside the hole, and a sharpness ratio (mean gradient magnitude inside the hole ÷ the
 * ring of kept pixels around it), which is what tells a textured fill from a smeared one; and
 * the steps along the image's border where a block copied against it shows (borderSteps), and
 * the share of blocks whose texture was combed into streaks (streakShare).
 * Images are interleaved 8-bit RGB or grey; measures work on luma.
 */
import { distanceToUnmasked, keptPixels } from "./mask-geometry";

export function luma(pixels: Uint8Array, channels: number): Float32Array {
  const n = pixels.length / channels;
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    y[i] =
      channels < 3
        ? pixels[p]!
        : 0.299 * pixels[p]! + 0.587 * pixels[p + 1]! + 0.114 * pixels[p + 2]!;
  }
  return y;
}

/** PSNR in dB over the colour samples of masked pixels (alpha ignored). */
export function psnrInMask(
  a: Uint8Array,
  b: Uint8Array,
  channels: number,
  mask: Uint8Array,
): number {
  const colour = channels === 4 ? 3 : channels;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    for (let c = 0; c < colour; c++) {
      const e = a[i * channels + c]! - b[i * channels + c]!;
      sum += e * e;
    }
    count += colour;
  }
  if (count === 0 || sum === 0) return Number.POSITIVE_INFINITY;
  return 10 * Math.log10((255 * 255) / (sum / count));
}

/** Mean SSIM (Wang et al. 2004, 7×7 box windows on luma) over the masked pixels. */
export function ssimInMask(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  height: number,
  channels: number,
  mask: Uint8Array,
): number {
  const ya = luma(a, channels);
  const yb = luma(b, channels);
  const R = 3;
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let total = 0;
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue;
      let sa = 0;
      let sb = 0;
      let saa = 0;
      let sbb = 0;
      let sab = 0;
      let n = 0;
      for (let dy = -R; dy <= R; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -R; dx <= R; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const va = ya[yy * width + xx]!;
          const vb = yb[yy * width + xx]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
          n++;
        }
      }
      const ma = sa / n;
      const mb = sb / n;
      const va = saa / n - ma * ma;
      const vb = sbb / n - mb * mb;
      const cov = sab / n - ma * mb;
      total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      count++;
    }
  }
  return count === 0 ? 1 : total / count;
}

/**
 * Mean gradient magnitude of luma inside the hole ÷ in the ring of kept pixels within
 * `ringWidth` of it. 1.0 means the fill is as busy as its surroundings; diffusion fills score
 * far lower. Gradients are central differences and never straddle the hole's edge, so a seam
 * neither helps nor hurts the score.
 */
export function sharpnessRatio(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  mask: Uint8Array,
  ringWidth = 16,
): number {
  const y = luma(pixels, channels);
  const outside = distanceToUnmasked(keptPixels(mask), width, height);
  let hole = 0;
  let holeCount = 0;
  let ring = 0;
  let ringCount = 0;
  for (let yy = 1; yy < height - 1; yy++) {
    for (let x = 1; x < width - 1; x++) {
      const i = yy * width + x;
      const inHole = mask[i] !== 0;
      if (!inHole && outside[i]! > ringWidth) continue;
      const same = (j: number) => (mask[j] !== 0) === inHole;
      if (!same(i - 1) || !same(i + 1) || !same(i - width) || !same(i + width)) continue;
      const gx = (y[i + 1]! - y[i - 1]!) / 2;
      const gy = (y[i + width]! - y[i - width]!) / 2;
      const g = Math.sqrt(gx * gx + gy * gy);
      if (inHole) {
        hole += g;
        holeCount++;
      } else {
        ring += g;
        ringCount++;
      }
    }
  }
  if (holeCount === 0 || ringCount === 0 || ring === 0) return 1;
  return hole / holeCount / (ring / ringCount);
}

/** Length and stride (px) of the strips along the image's border that borderSteps measures. */
const STRIP = 16;
const STRIP_STRIDE = 8;
/** How many lines in from the border a strip reaches: a block copied along it is 10–20 tall. */
const STRIP_DEPTH = 24;

/**
 * For every strip along the image's border (STRIP long, STRIP_STRIDE apart, STRIP_DEPTH lines
 * deep) that lies wholly where `mask` is set, the steepest step between the mean luma of two
 * neighbouring lines parallel to the border, in a fixed order (top, bottom, left, right side;
 * along each). A block copied against the border has a straight edge there, which figures
 * averaged over the whole fill miss. `yl`: luma, one value per pixel.
 */
export function borderSteps(
  yl: ArrayLike<number>,
  width: number,
  height: number,
  mask: Uint8Array,
): number[] {
  const steps: number[] = [];
  // each side as (along, depth) → pixel index
  const sides: ((a: number, d: number) => number)[] = [
    (a, d) => d * width + a,
    (a, d) => (height - 1 - d) * width + a,
    (a, d) => a * width + d,
    (a, d) => a * width + width - 1 - d,
  ];
  for (const [side, at] of sides.entries()) {
    const length = side < 2 ? width : height;
    if ((side < 2 ? height : width) < STRIP_DEPTH) continue;
    for (let s = 0; s + STRIP <= length; s += STRIP_STRIDE) {
      let inside = true;
      for (let a = s; a < s + STRIP && inside; a++)
        for (let d = 0; d < STRIP_DEPTH && inside; d++) inside = mask[at(a, d)] !== 0;
      if (!inside) continue;
      const lineMean = (d: number) => {
        let sum = 0;
        for (let a = s; a < s + STRIP; a++) sum += yl[at(a, d)]!;
        return sum / STRIP;
      };
      let steepest = 0;
      let previous = lineMean(0);
      for (let d = 1; d < STRIP_DEPTH; d++) {
        const here = lineMean(d);
        steepest = Math.max(steepest, Math.abs(here - previous));
        previous = here;
      }
      steps.push(steepest);
    }
  }
  return steps;
}

/** Side of the blocks streakShare judges, pixels. */
const STREAK_BLOCK = 16;
/** A block's mean gradient (grey levels per pixel) from which its direction is judged. */
const STREAK_DETAIL = 4;
/** A block is streaked when its gradients' coherence exceeds the truth's by this much. */
const STREAK_MARGIN = 0.3;

/**
 * The share of the fill's 16×16 blocks with detail whose luma gradients point one way far more
 * than the truth's: texture smeared along a direction, grass combed into furrows. The texture
 * ratio counts such furrows as detail; their direction gives them away. Coherence is the
 * structure tensor's (0 = gradients every way, 1 = one way). Blocks under 3/4 measurable (a
 * pixel and its 4 neighbours inside `mask`), or where either image has no gradient at all, are
 * not judged: where the truth is a flat backdrop, any detail is spurious, not a streak.
 * `fill`, `truth`: luma, one value per pixel.
 */
export function streakShare(
  fill: ArrayLike<number>,
  truth: ArrayLike<number>,
  width: number,
  height: number,
  mask: Uint8Array,
): number {
  const f = blockGradients(fill, width, height, mask, STREAK_BLOCK);
  const t = blockGradients(truth, width, height, mask, STREAK_BLOCK);
  let blocks = 0;
  let streaked = 0;
  for (let b = 0; b < f.coherence.length; b++) {
    if (Number.isNaN(f.coherence[b]!) || Number.isNaN(t.coherence[b]!)) continue;
    blocks++;
    if (f.detail[b]! >= STREAK_DETAIL && f.coherence[b]! > t.coherence[b]! + STREAK_MARGIN) {
      streaked++;
    }
  }
  return blocks === 0 ? 0 : streaked / blocks;
}

/**
 * `yl` (luma, one value per pixel) in `block`-sided blocks: over the pixels whose 4 neighbours
 * are inside `mask` too, the central-difference gradients' coherence (the structure tensor's:
 * 0 = every way, 1 = one way) and mean magnitude (grey levels per pixel). NaN where under 3/4
 * of a block is measurable; its coherence also where it has no gradient at all.
 */
export function blockGradients(
  yl: ArrayLike<number>,
  width: number,
  height: number,
  mask: Uint8Array,
  block: number,
): { coherence: Float64Array; detail: Float64Array } {
  const columns = Math.floor(width / block);
  const rows = Math.floor(height / block);
  const coherence = new Float64Array(columns * rows).fill(Number.NaN);
  const detail = new Float64Array(columns * rows).fill(Number.NaN);
  const inside = (i: number) =>
    mask[i] !== 0 &&
    mask[i - 1] !== 0 &&
    mask[i + 1] !== 0 &&
    mask[i - width] !== 0 &&
    mask[i + width] !== 0;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      let xx = 0;
      let yy = 0;
      let xy = 0;
      let magnitude = 0;
      let n = 0;
      for (let y = Math.max(1, by * block); y < Math.min(height - 1, (by + 1) * block); y++) {
        for (let x = Math.max(1, bx * block); x < Math.min(width - 1, (bx + 1) * block); x++) {
          const i = y * width + x;
          if (!inside(i)) continue;
          const gx = yl[i + 1]! - yl[i - 1]!;
          const gy = yl[i + width]! - yl[i - width]!;
          xx += gx * gx;
          yy += gy * gy;
          xy += gx * gy;
          magnitude += Math.hypot(gx, gy);
          n++;
        }
      }
      if (n < (block * block * 3) / 4) continue;
      const b = by * columns + bx;
      detail[b] = magnitude / n;
      if (xx + yy > 0) coherence[b] = Math.sqrt((xx - yy) ** 2 + 4 * xy * xy) / (xx + yy);
    }
  }
  return { coherence, detail };
}

/** Side of the blocks seamShare judges, pixels. */
const SEAM_BLOCK = 16;
/** A line step (grey levels, in any channel) this much above the truth's is a block's edge. */
const SEAM_STEP = 8;
/**
 * …when the pixel steps along the line are this steady: their mean over their standard
 * deviation (at 1.25, a t of 5 over 16 px). Texture's pixel steps scatter around their mean, and
 * one line in thousands of white noise passes; a copied block's side steps alike all along.
 */
const SEAM_STEADY = 1.25;
/** The truth's steps this many lines beyond the block excuse the fill's too. */
const SEAM_SLACK = 3;

/**
 * The fill's 16×16 blocks (row by row, `columns` × `rows`; -1 not judged, 0 clean, 1 seamed)
 * crossed by a straight, axis-aligned edge of a kind the truth does not have there: the side
 * of a block copied from another region (a rectangle of saturated sky in a dull one, a
 * staircase of planks, broken mortar). The step across a line is the mean difference between
 * it and the next over the block's width, in each colour channel, since a copied block may
 * differ in hue more than in luma; texture's pixel steps scatter and cancel, an edge's are
 * steady (SEAM_STEADY). A step the truth matches on some line across the same block (or
 * SEAM_SLACK beyond it) is excused: mortar lines out of phase, a horizon drawn a few pixels
 * off, are the layout's business. The other figures, averaged over a block or the fill, count
 * a copied block as texture or as nearly the right colour. What it cannot tell: a horizon
 * carried straight on where the truth has a hillside counts as a seam; a block beside the
 * photo's edge (under 3/4 inside `mask`) is not judged, and one where the truth is busy with
 * edges of its own is excused.
 * Images are interleaved, `channels` values per pixel.
 */
export function seamBlocks(
  fill: ArrayLike<number>,
  truth: ArrayLike<number>,
  width: number,
  height: number,
  mask: Uint8Array,
  channels: number,
): { columns: number; rows: number; blocks: Int8Array } {
  const colours = channels === 4 ? 3 : channels;
  const columns = Math.floor(width / SEAM_BLOCK);
  const rows = Math.floor(height / SEAM_BLOCK);
  // (line, along) → pixel index, for steps across rows and across columns
  const orientations: ((line: number, along: number) => number)[] = [
    (line, along) => line * width + along,
    (line, along) => along * width + line,
  ];
  /** the mean step from `line` to the next over SEAM_BLOCK pixels from `from`, in channel c */
  const lineStep = (
    image: ArrayLike<number>,
    at: (line: number, along: number) => number,
    line: number,
    from: number,
    c: number,
  ): { step: number; steady: boolean } => {
    let sum = 0;
    let squares = 0;
    for (let a = from; a < from + SEAM_BLOCK; a++) {
      const d = image[at(line + 1, a) * channels + c]! - image[at(line, a) * channels + c]!;
      sum += d;
      squares += d * d;
    }
    const mean = sum / SEAM_BLOCK;
    const deviation = Math.sqrt(Math.max(0, squares / SEAM_BLOCK - mean * mean));
    return { step: Math.abs(mean), steady: Math.abs(mean) >= SEAM_STEADY * deviation };
  };
  const inside = (bx: number, by: number) => {
    let count = 0;
    for (let y = by * SEAM_BLOCK; y < (by + 1) * SEAM_BLOCK; y++)
      for (let x = bx * SEAM_BLOCK; x < (bx + 1) * SEAM_BLOCK; x++)
        if (mask[y * width + x] !== 0) count++;
    return count >= (SEAM_BLOCK * SEAM_BLOCK * 3) / 4;
  };
  /** per channel, the truth's largest step across the block, measured when first needed */
  const real = new Float64Array(colours);
  /** whether a line across the block at (bx, by) in orientation o is a seam the truth lacks */
  const seamed = (bx: number, by: number, o: number) => {
    const at = orientations[o]!;
    const lines = o === 0 ? height : width;
    const start = (o === 0 ? by : bx) * SEAM_BLOCK;
    const from = (o === 0 ? bx : by) * SEAM_BLOCK;
    real.fill(-1);
    for (let line = start; line < start + SEAM_BLOCK - 1; line++) {
      let both = true;
      for (let a = from; a < from + SEAM_BLOCK && both; a++)
        both = mask[at(line, a)] !== 0 && mask[at(line + 1, a)] !== 0;
      if (!both) continue;
      for (let c = 0; c < colours; c++) {
        const f = lineStep(fill, at, line, from, c);
        if (f.step < SEAM_STEP || !f.steady) continue;
        if (real[c]! < 0) {
          real[c] = 0;
          const last = Math.min(lines - 2, start + SEAM_BLOCK - 1 + SEAM_SLACK);
          for (let l = Math.max(0, start - SEAM_SLACK); l <= last; l++)
            real[c] = Math.max(real[c]!, lineStep(truth, at, l, from, c).step);
        }
        if (f.step > real[c]! + SEAM_STEP) return true;
      }
    }
    return false;
  };
  const blocks = new Int8Array(columns * rows).fill(-1);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      if (inside(bx, by))
        blocks[by * columns + bx] = seamed(bx, by, 0) || seamed(bx, by, 1) ? 1 : 0;
    }
  }
  return { columns, rows, blocks };
}

/** The share of the judged blocks of seamBlocks that are seamed. */
export function seamShare(...args: Parameters<typeof seamBlocks>): number {
  const { blocks } = seamBlocks(...args);
  const judged = blocks.filter((b) => b >= 0);
  return judged.length === 0 ? 0 : judged.filter((b) => b === 1).length / judged.length;
}
