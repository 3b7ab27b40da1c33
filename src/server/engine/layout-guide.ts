/**
 * The layout guide: what the hole should look like at low frequency, so patches are not chosen
 * by their colour context alone. Wexler-style completion matches each hole patch against its
 * current estimate; at the coarsest level that estimate is a guess, and a patch that fits the
 * guess (often a flat or blurred one) wins, so a hole in grass can fill with out-of-focus haze,
 * or a hole on a sleeve with the wall beside it. The guide holds, per pixel, the blurred colour
 * and the local contrast of the image. Inside an enclosed hole both are the smoothest
 * continuation of the surroundings (membrane-fill.ts), so a patch is chosen to agree with the
 * colour of the side it is nearest to, in proportion, and to be as textured as its
 * surroundings. That suits a compact hole, whose sides mostly belong to one surface or grade
 * into each other (on the benchmark's removals it beats a nearest-side guide by 1-3 dB of
 * layout on 7 of 24 cases). Two kinds of hole have sides that belong to different things, which
 * a membrane blends into a colour that belongs nowhere: where the hole runs off the image
 * (outpaints) sky above and grass below become a grey that pulls in grey stone, and a long thin
 * removal (a spoon lying across a white cup rim and a red saucer) becomes a pale streak of rim
 * over the saucer. There each hole pixel takes the values of its nearest kept pixel
 * (nearest-fill.ts): the sky, the horizon and the grass each continue outward, and the rim and
 * the saucer meet along the middle of the hole. A deep removal whose sides are two or more
 * surfaces meeting in a step (a dark wood against a pale sky) takes the membrane with the
 * surfaces kept apart (sharpened-membrane.ts): blended, the sides' in-between colour exists only
 * along the edges between them, and the search copied one such edge, stretched, the whole depth
 * of the hole.
 */
import { weightedBoxMean } from "../../box-blur";
import { runShares, runsAndBehind } from "./edge-runs";
import {
  cellDeviations,
  type FillLevel,
  levelLuma,
  shrinkLevel,
  upsampleBilinear,
} from "./fill-level";
import type { LayoutReference } from "./layout-clamp";
import { distanceToUnmasked, keptPixels, maxHoleDepth, onHoleEdge } from "./mask-geometry";
import { membraneFill } from "./membrane-fill";
import { nearestFill, nearestKept } from "./nearest-fill";
import { wideningContinuation } from "./outpaint-anchor";
import { sharpenedMembrane } from "./sharpened-membrane";

/** Guide values per pixel: the colour bands, then local contrast (weighted). */
export function guideBands(bands: number): number {
  return bands + 1;
}

/**
 * How much a grey level of contrast counts against a grey level of colour. Measured on the
 * benchmark photos: at 0 a hole in sunlit grass fills with hazy out-of-focus grass; above ~4
 * the fill repeats the few most contrasty patches in visible stripes.
 */
const TEXTURE_WEIGHT = 2;

/**
 * How the guide carries the surroundings into the hole: each hole pixel takes its nearest kept
 * pixel's values, the smoothest blend of every side, or that blend with the kinds of
 * surroundings kept apart (sharpened-membrane.ts; a deep removal with no straight structure
 * across it). See the module's comment for when.
 */
export type GuideContinuation = "nearest" | "membrane" | "kinds";

/**
 * A finer level than the coarsest and how many times finer it is: where an outpaint's edge is
 * read (see coarsestGuide).
 */
export interface EdgeLevel {
  level: FillLevel;
  factor: number;
}

/**
 * The guide of the coarsest level. `base` is the finest level (the crop at full resolution),
 * which the contrast is measured on; the coarsest level is `scale` times smaller.
 *
 * An outpaint's edge is continued on `edge`, a finer level, and the result shrunk to the
 * coarsest: a coarsest pixel at the frame averages a block 16 or more pixels deep, and whatever
 * stands just inside the frame (a horse's tail 13 px in from a white backdrop's edge) greyed
 * the continuation across the whole new area, where the search then copied more horse.
 */
export function coarsestGuide(
  base: FillLevel,
  coarsest: FillLevel,
  scale: number,
  continuation: GuideContinuation,
  edge: EdgeLevel = { level: coarsest, factor: 1 },
): Float32Array {
  const { width, height, bands, hole } = coarsest;
  const contrast = blockContrast(base, coarsest, scale);
  const fill = continuation === "nearest" ? nearestFill : membraneFill;
  const outpaint = extrapolates(coarsest);
  const byPatch = !outpaint && maxHoleDepth(hole, width, height) >= MIN_PATCH_MEAN_DEPTH;
  const kept = (level: FillLevel) => (byPatch ? keptPatchMeans(level, PATCH_MEAN_RADIUS) : level);
  const gb = guideBands(bands);
  // colour and contrast side by side, as the guide holds them (the contrast weighted below)
  const values = new Float32Array(width * height * gb);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < bands; c++) values[i * gb + c] = coarsest.colour[i * bands + c]!;
    values[i * gb + bands] = contrast[i]!;
  }
  const surroundings = kept({ ...coarsest, bands: gb, colour: values });
  const guide =
    continuation === "kinds" && byPatch
      ? sharpenedMembrane(surroundings, bands, values)
      : fill(surroundings);
  if (continuation === "nearest" && outpaint) {
    const colour = shrinkLevel(
      { ...edge.level, colour: runLengthContinuation(edge.level, RUN_BLUR * edge.factor) },
      edge.factor,
    ).colour;
    for (let i = 0; i < width * height; i++) {
      for (let c = 0; c < bands; c++) guide[i * gb + c] = colour[i * bands + c]!;
    }
  }
  for (let i = 0; i < width * height; i++) guide[i * gb + bands]! *= TEXTURE_WEIGHT;
  return guide;
}

/**
 * A removal's guide holds, at each kept pixel, the mean colour and contrast of the patch around
 * it (this radius is patch-match.ts's PATCH_RADIUS), not the pixel's own. The hole's guide is a
 * smooth membrane; a kept pixel's own values on a coarse level still show where in a regular
 * texture it sits (on a brick wall's mortar or its face), so the guide favoured sources half on
 * a mortar line, whose coarse colour and contrast are the average's, and a wall's hole filled
 * with faint, broken mortar over grey. Compared patch by patch, every phase of the texture
 * agrees with the membrane alike and the patches' own colours decide. On the benchmark's 24
 * ellipse and blob removals: brick 23.53 → 24.62 and 22.76 → 23.68 dB, the garage floor's copied
 * engine chrome mostly gone (20.04 → 20.57 dB); layout mean of all 36 removals 24.84 → 24.90 dB.
 */
const PATCH_MEAN_RADIUS = 3;
/**
 * Below this depth (coarsest pixels) the hole is a stroke, whose guide is its two sides: averaged
 * over a patch, each side's values reach across it (a lake's shore blurred down a stroke, 4.6 dB
 * lost on the benchmark). Ellipses and blobs measure 8–19 there, strokes 4–6.
 */
const MIN_PATCH_MEAN_DEPTH = 8;

/**
 * `level` with each kept pixel's values replaced by their mean over the kept pixels of the
 * (2·radius+1)² square around it; hole pixels are left as they are.
 */
function keptPatchMeans(level: FillLevel, radius: number): FillLevel {
  const { width, height, bands, colour, hole } = level;
  const kept = keptPixels(hole);
  const out = colour.slice();
  const plane = new Float32Array(width * height);
  for (let c = 0; c < bands; c++) {
    for (let p = 0; p < plane.length; p++) plane[p] = colour[p * bands + c]!;
    const mean = weightedBoxMean(plane, kept, width, height, radius);
    for (let p = 0; p < plane.length; p++) if (hole[p] === 0) out[p * bands + c] = mean[p]!;
  }
  return { ...level, colour: out };
}

/**
 * The coarsest guide as the layout reference that clampToLayout holds the finished fill to:
 * colour and local contrast per coarse cell, `scale` base pixels across.
 */
export function layoutReference(coarsest: FillLevel, scale: number): LayoutReference {
  const { width, height, bands, hole } = coarsest;
  const guide = coarsest.guide!;
  const gb = guideBands(bands);
  const colour = guideColour(coarsest);
  const contrast = new Float32Array(width * height);
  for (let i = 0; i < width * height; i++) contrast[i] = guide[i * gb + bands]! / TEXTURE_WEIGHT;
  if (extrapolates(coarsest)) {
    calmWithDistance(width, height, bands, hole, colour, contrast, runShares(coarsest));
  }
  return { width, height, scale, colour, contrast };
}

/** The colour bands of a level's guide, as a colour array of their own. */
export function guideColour(level: FillLevel): Float32Array {
  const { width, height, bands } = level;
  const guide = level.guide!;
  const gb = guideBands(bands);
  const out = new Float32Array(width * height * bands);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < bands; c++) out[i * bands + c] = guide[i * gb + c]!;
  }
  return out;
}

/** Cells over which an outpaint's reference contrast falls by a factor e. */
export const CALM_CELLS = 3;
const CALM_PASSES = 10;

/**
 * Far out in an outpaint nothing in the photo says what is there: the edge's nearest values,
 * continued straight outwards, are streaks, and the edge's texture has no reason to go on. So
 * the reference gets calmer with distance from the photo: its contrast decays and its colour is
 * smoothed more and more, and the fill is held to that (clampToLayout) instead of to whatever
 * the patch search found (boats in the sky).
 *
 * Its colour is smoothed only as far as the edge's colour does not carry out by itself (`runs`,
 * edge-runs.ts): smoothed like the rest, a sky's rows just above a Zoom out's horizon took in
 * the dark ground below, and the fill was held to a grey curtain beside the frame.
 */
function calmWithDistance(
  width: number,
  height: number,
  bands: number,
  hole: Uint8Array,
  colour: Float32Array,
  contrast: Float32Array,
  runs: Float32Array,
): void {
  const distance = distanceToUnmasked(hole, width, height);
  for (let i = 0; i < hole.length; i++) {
    if (hole[i] !== 0) contrast[i]! *= Math.exp(-distance[i]! / CALM_CELLS);
  }
  let from = colour.slice();
  for (let pass = 0; pass < CALM_PASSES; pass++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = y * width + x;
        if (hole[i] === 0) continue;
        const blend = Math.min(1, distance[i]! / CALM_CELLS) * (1 - runs[i]!);
        for (let c = 0; c < bands; c++) {
          let sum = 0;
          let n = 0;
          for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
            for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
              sum += from[(yy * width + xx) * bands + c]!;
              n++;
            }
          }
          const v = from[i * bands + c]!;
          colour[i * bands + c] = v + blend * (sum / n - v);
        }
      }
    }
    from = colour.slice();
  }
}

/**
 * Whether a hole's two sides belong to different things along most of its length, as where a
 * spoon lies along a cup's rim: the membrane's blend of the sides then differs from the nearest
 * side's colour over most of the hole. A stroke across a lake, crossing the shore once, has
 * sides that agree except at the crossing, where the nearest side would drag the shore along
 * the stroke.
 */
export function sidesDisagree(level: FillLevel): boolean {
  const { bands, hole } = level;
  const nearest = nearestFill(level);
  const membrane = membraneFill(level);
  let holePixels = 0;
  let apart = 0;
  for (let i = 0; i < hole.length; i++) {
    if (hole[i] === 0) continue;
    holePixels++;
    let d = 0;
    for (let c = 0; c < bands; c++) d += (nearest[i * bands + c]! - membrane[i * bands + c]!) ** 2;
    if (d > SIDES_APART ** 2) apart++;
  }
  return apart > APART_FRACTION * holePixels;
}

/** Colour distance (RGB, grey levels) at which the nearest side and the blend count as apart. */
const SIDES_APART = 30;
/**
 * The share of the hole where they must be apart. Measured at the coarsest level: the
 * first-run sample's spoon 0.55; the benchmark's twelve strokes across photos 0.05–0.47.
 */
const APART_FRACTION = 0.5;

/** The blur an edge pixel gives way to where its run ends: about a coarsest cell. */
const RUN_BLUR = 1;

/**
 * Beside a side edge the guide's widening blur runs down the columns at this share of its σ.
 * A photo is layered by height, so far beyond a side edge what is unsure is what stands in a
 * row more than which layer it is. Widened as much along the edge as away from it, the sample's
 * ground beside its left frame blended with the hills and the sky above into a grey that the
 * search filled with the misty valley: a pale lake. The far half of that new ground at 1200 px
 * (Left outpaint, the post masked) was 53% and 62% mid grey on seeds 0 and 1; now 30% and 34%.
 * The anchor's continuation (outpaint-anchor.ts) keeps the full blur: at this share too, the
 * benchmark's right thirds lost up to 1.1 dB (a cup's white rim carried out as a band). On the
 * benchmark's 49 outpaints: layout 15.836 → 15.800 dB, texture ratios out of range 23 → 23,
 * cases below the edge smear 9 → 9 (the coffee's and the forest's right thirds −0.4 and
 * −0.5 dB, a little hazier far out; the brick's +0.25). At 0.7 the lake stayed on seed 1
 * (46%).
 */
const GUIDE_COLUMN_WIDENING = 0.5;

/**
 * An outpaint's edge continued outward as far as it runs back into the photo. Each new pixel
 * takes its nearest photo pixel's colour where that colour runs at least as far inward,
 * straight across the edge, as the pixel lies outward (edge-runs.ts); beyond, it gives way to
 * what lies behind it, where a thing the frame cut ends the run (edge-runs.ts, Behind), and
 * then to the edge's widening blur (outpaint-anchor.ts), each in proportion. A sky's rows and a
 * horizon run across the whole photo and carry on; a cup cut by a Right outpaint's frame runs
 * a cup's width in, and straight out its rim had led the search to copy the cup again and
 * again across the new third. On the benchmark's 36 outpaints: layout 15.70 → 15.79 dB, cases
 * below the edge smear 11 → 10, texture ratios out of range 16 → 15 (coffee's and lakeside's
 * right thirds +0.7 dB, the bird's top third −0.5). A plain blur growing with distance, for
 * all rows alike, lost 1.3 dB on a dusk lake's Right outpaint: its sky's rows hazed upward.
 */
function runLengthContinuation(level: FillLevel, blur: number): Float32Array {
  const { width, height, bands, colour, hole } = level;
  const from = nearestKept(hole, width, height);
  const { share, pixel: behind, behindShare } = runsAndBehind(level, from);
  // kept pixels are themselves (`from` is the pixel itself), not the blur
  const out = wideningContinuation(level, blur, { columnShare: GUIDE_COLUMN_WIDENING });
  for (let p = 0; p < hole.length; p++) {
    const s = from[p]!;
    if (s < 0) continue;
    const w = share[p]!;
    const b = behind[p]!;
    const wb = b >= 0 ? behindShare[p]! : 0;
    for (let c = 0; c < bands; c++) {
      const i = p * bands + c;
      // past a thing the frame cut, what lies behind it carries on as far as it runs in
      const rest = b >= 0 ? wb * colour[b * bands + c]! + (1 - wb) * out[i]! : out[i]!;
      out[i] = w * colour[s * bands + c]! + (1 - w) * rest;
    }
  }
  return out;
}

/** The coarser level's guide, and its trust where it has one, upsampled to the finer level. */
export function upsampleGuide(coarse: FillLevel, fine: FillLevel): void {
  if (!coarse.guide) return;
  const gb = guideBands(fine.bands);
  fine.guide = new Float32Array(fine.width * fine.height * gb);
  upsampleBilinear(coarse, coarse.guide, fine, fine.guide, gb, null);
  if (!coarse.trust) return;
  fine.trust = new Float32Array(fine.width * fine.height);
  upsampleBilinear(coarse, coarse.trust, fine, fine.trust, 1, null);
}

/** Pixel `p`'s local contrast (luma standard deviation) as the guide holds it. */
export function guideContrast(guide: Float32Array, bands: number, p: number): number {
  return guide[p * guideBands(bands) + bands]! / TEXTURE_WEIGHT;
}

/**
 * Trust from which the unguided fill counts as clearly trusted (outpaint-trust.ts). Below it,
 * followTrustedFill leaves the guide's colour as it was: the trust map is smoothed, and on its
 * slope towards the photo the unguided fill is still what the trust rejected (a hoof copied
 * beside a white backdrop's edge). From it up, calmUntrustedGuide leaves the guide's contrast,
 * and the stitch takes a step between copied regions for structure as in a removal.
 */
const CLEAR_TRUST = 0.5;

/** How far `trust` goes towards clear: 0 for none, 1 from CLEAR_TRUST up, in proportion between. */
export function towardsClear(trust: number): number {
  return Math.min(1, trust / CLEAR_TRUST);
}

/**
 * What share of a new pixel's contrast (or expected detail) is left `distance` level pixels
 * from the photo: it falls by a factor e every `cells` pixels where the unguided fill is not
 * trusted, and not at all where it is clearly trusted (towardsClear).
 */
export function untrustedCalm(trust: number, distance: number, cells: number): number {
  const t = towardsClear(trust);
  return t + (1 - t) * Math.exp(-distance / cells);
}

/**
 * Once an outpaint's coarsest level is filled: where its unguided fill was clearly trusted, the
 * guide's colour becomes that fill's, so the finer levels refine the layout the coarsest level
 * settled on. Left as the edge continued outward, the guide steered them against it: a Right
 * outpaint carries each edge row straight on, and held to those rows a brick wall's staggered
 * courses broke up into stray strokes of mortar over flat grey.
 */
export function followTrustedFill(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  const guide = level.guide!;
  const trust = level.trust!;
  const gb = guideBands(bands);
  for (let p = 0; p < width * height; p++) {
    if (hole[p] === 0) continue;
    const t = Math.max(0, (trust[p]! - CLEAR_TRUST) / (1 - CLEAR_TRUST));
    for (let c = 0; c < bands; c++) {
      guide[p * gb + c] = (1 - t) * guide[p * gb + c]! + t * colour[p * bands + c]!;
    }
  }
}

/**
 * Once an outpaint's coarsest level has been filled unguided and `level.trust` says where that
 * fill holds: where it is not clearly trusted (CLEAR_TRUST), the guide's contrast calms with
 * distance from the photo as the layout reference's does (calmWithDistance), the more so the
 * less the fill is trusted. The guide carried the edge's contrast straight out, so the search
 * went on asking for detail as busy as the edge's across the whole new area, found it in
 * whatever the photo holds, and the clamp could only fade what it copied: a lakeside cut off
 * above its treeline grew a block of the lake, mooring posts and all, in its new sky (at 480 px,
 * 10%, 24% and 23% of the sky's blocks on seeds 0–2 busier than the treeline's typical block;
 * 8%, 7% and 8% now), and a dusk zoomed out scattered the lake's reeds over its open water.
 * Where the unguided fill is clearly trusted (a brick wall, bark), its detail is what the photo
 * goes on with, and the guide is left as it is. On the benchmark's 49 outpaints: layout 15.84
 * dB before and after, cases below the edge smear 8 → 8, blocks with spurious detail 6.7% →
 * 6.5% and with smeared detail 33.3% → 34.6%; five texture ratios fall under 0.6 (a garage's
 * and a dusk's zoom-outs, 0.58–0.60, the bird's top third, 0.59, the 1 MP zoom-out, 0.57) and
 * one rises over it: calm where the photo says nothing is what this asks for.
 */
export function calmUntrustedGuide(level: FillLevel): void {
  const { width, height, bands, hole } = level;
  const guide = level.guide!;
  const trust = level.trust!;
  const gb = guideBands(bands);
  const distance = distanceToUnmasked(hole, width, height);
  for (let p = 0; p < width * height; p++) {
    if (hole[p] === 0) continue;
    guide[p * gb + bands]! *= untrustedCalm(trust[p]!, distance[p]!, CALM_CELLS);
  }
}

/** How far apart two pixels' guides are (weighted squared distance). */
export function guideCost(
  guide: Float32Array,
  bands: number,
  target: number,
  source: number,
): number {
  const gb = guideBands(bands);
  let sum = 0;
  for (let c = 0; c < gb; c++) {
    const e = guide[target * gb + c]! - guide[source * gb + c]!;
    sum += e * e;
  }
  return sum;
}

/**
 * The standard deviation of luma over each coarse pixel's block of full-resolution pixels: how
 * much is going on there, which coarse colour alone cannot tell (sunlit grass and the same
 * grass out of focus average to one colour). Only kept pixels are counted; values in the
 * coarse hole are replaced by the membrane fill anyway.
 */
function blockContrast(base: FillLevel, coarse: FillLevel, scale: number): Float32Array {
  const { width, height, hole } = base;
  const luma = (p: number) => levelLuma(base, p);
  const sum = new Float64Array(coarse.width * coarse.height);
  const sum2 = new Float64Array(coarse.width * coarse.height);
  const count = new Float64Array(coarse.width * coarse.height);
  for (let y = 0; y < height; y++) {
    const cy = Math.min(coarse.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p]) continue;
      const c = cy * coarse.width + Math.min(coarse.width - 1, Math.floor(x / scale));
      const v = luma(p);
      sum[c]! += v;
      sum2[c]! += v * v;
      count[c]!++;
    }
  }
  return cellDeviations(count, sum, sum2);
}

/**
 * Whether the hole mostly runs off the image's edge (an outpaint) rather than being enclosed by
 * kept pixels: over half as many of its pixels lie on the level's border as along its kept
 * edge. Measured on the benchmark: a zoom-out frame has 190 border to 122 edge pixels, a blob
 * that grazes the bottom of the photo 8 to 71.
 */
export function extrapolates(level: FillLevel): boolean {
  const { width, height, hole } = level;
  let border = 0;
  let edge = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (hole[i] === 0) continue;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border++;
      if (onHoleEdge(hole, width, height, i)) edge++;
    }
  }
  return border > 0.5 * edge;
}
