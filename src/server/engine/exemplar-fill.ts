/**
 * Exemplar-based completion (Wexler, Shechtman & Irani 2007, "Space-Time Completion of Video")
 * with PatchMatch as the nearest-neighbour search: the pair behind Photoshop's Content-Aware
 * Fill. The hole is rebuilt from patches of its own surroundings, coarse to fine, so the fill
 * has texture where a diffusion fill (telea.ts) only has smooth colour. Patches are chosen by
 * their colours and by a layout guide (layout-guide.ts) that says what belongs where.
 */
import { MASK_COVERS_EVERYTHING, maskCoversEverything } from "../../mask-coverage";
import {
  atypicalPixels,
  borderObjects,
  crossesHole,
  paintOverObjects,
  sourcesOffObjects,
} from "./border-objects";
import { calmFill } from "./calm-fill";
import {
  blendContinuation,
  type Continuation,
  continueAlong,
  continueThrough,
  dominantOrientation,
  ONE_SIDED_REACH,
  overlayShare,
  resampleContinuation,
  steerGuide,
  structureWeight,
} from "./directional-fill";
import { type CarriedField, copyAlongField, copyMatchedPixels } from "./field-copy";
import {
  cellAxes,
  cropLevel,
  downsampleLevel,
  type FillLevel,
  holePixels,
  sampleCells,
  upsampleHole,
} from "./fill-level";
import { mirrorRim } from "./frame-rim";
import { matchGrain } from "./grain-match";
import { clampToLayout, type LayoutReference } from "./layout-clamp";
import {
  calmUntrustedGuide,
  coarsestGuide,
  extrapolates,
  followTrustedFill,
  layoutReference,
  sidesDisagree,
  towardsClear,
  upsampleGuide,
} from "./layout-guide";
import {
  type Box,
  distanceToUnmasked,
  keptPixels,
  maskBounds,
  maxHoleDepth,
} from "./mask-geometry";
import { nearestKept } from "./nearest-fill";
import { onionPeel } from "./onion-peel";
import {
  type OrientationField,
  orientationField,
  resampleField,
  uniformField,
} from "./orientation-field";
import { anchorOutpaintLayout } from "./outpaint-anchor";
import { fadeInFromMirror } from "./outpaint-seam";
import { unguidedTrust } from "./outpaint-trust";
import {
  improveNnf,
  type Nnf,
  PATCH_RADIUS,
  type PatchSites,
  patchSites,
  randomNnf,
  refreshCosts,
  sourcesNearHole,
  upsampleNnf,
} from "./patch-match";
import { copyBestPatches, voteBuffers, votePatches } from "./patch-vote";
import { mulberry32, type Random } from "./prng";
import { rareSources, withoutRare } from "./rare-sources";
import { ROBUST_STEP, stitchRegions } from "./region-stitch";
import { correctSeamShade } from "./seam-correction";
import { calmUntrustedDetail, fineDetail, halveDetail, sourceDetail } from "./source-detail";
import { inpaintTelea } from "./telea";

export interface ExemplarOptions {
  /** the PRNG seed; the same input and seed always give the same fill */
  seed?: number;
  /** called with a fraction in [0,1] after each EM iteration (so at least once per level) */
  onProgress?: (fraction: number) => void;
  /** polled between iterations; when it returns true the fill stops with FillCancelledError */
  isCancelled?: () => boolean;
  /**
   * For inspection (tests): called once with, per image pixel, the image pixel its fill was
   * copied from, or −1 (kept pixels, and any no copy reached).
   */
  onSources?: (from: Int32Array) => void;
}

export class FillCancelledError extends Error {
  constructor() {
    super("the fill was cancelled");
    this.name = "FillCancelledError";
  }
}

/**
 * The work budget. Full EM (search + vote, several rounds) runs only on levels with at most
 * WORK_TARGETS patches to match, i.e. the hole at a bounded working size; finer levels get one
 * cheap refinement (the coarse field carried up, a short local search and a vote) that copies
 * real full-resolution texture into the upscaled fill instead of blurring it; beyond
 * REFINE_TARGETS (big outpaints) pixels are copied along the carried-up field, with no search. Levels
 * above MAX_VOTE_PIXELS only take the bilinear upscale, which bounds memory on huge holes.
 */
const WORK_TARGETS = 20_000;
const REFINE_TARGETS = 150_000;
const MAX_VOTE_PIXELS = 4_000_000;
/** the coarsest level is about this big along its longer side */
const COARSEST_SIDE = 48;
/** the dominant orientation is measured on the finest level with at most this many pixels */
const ORIENTATION_PIXELS = 250_000;
/** an outpaint copies only from kept pixels within this fraction of its depth of the new area */
const OUTPAINT_REACH = 0.5;
/**
 * A removal whose depth (farthest hole pixel from a kept one) is below this fraction of its
 * length is long and thin: a spoon, a pole, a cable (ellipses and blobs measure ~0.3). Its
 * guide takes the nearest side only when its sides differ along most of its length
 * (sidesDisagree): a spoon along a cup's rim. A stroke across a photo keeps the membrane; the
 * nearest side would drag what it crosses along it (on the benchmark's twelve strokes the
 * membrane's layout is 0.7 dB better on average, and better or equal on eleven). Where no
 * straight structure steers its guide, the guide is steered by the surroundings continued
 * straight through the hole (continueThrough): a thin band it crosses (a grass bank behind a
 * standing person, a shore behind a pole) carries through instead of being outweighed by the
 * hole's far ends. The benchmark's 12 upright removals: 23.52 → 23.82 dB (a deck's slanting
 * gaps +1.3, a bird's bokeh +0.9, the cat +1.1, a brick wall −0.4); its 12 strokes 31.08 →
 * 30.97 dB (the horse's and the bird's −0.5, their sheets alike). A tall ellipse across the
 * lakeside photo's ridge and shore: rows' error in its middle 16.6 → 14.6 grey levels.
 * Steering this way where the straight structure steers too lost 0.1–0.9 dB on six strokes.
 */
const ELONGATED = 0.2;
/**
 * How far around a removal patches are taken from, as a fraction of the hole's longer side. A
 * wider ring offers more and worse sources: the blurred far planks of a shallow-focus deck fill
 * a hole in the sharp near ones with smeared blocks (they match the coarser level's blurred
 * estimate best), and a bokeh's every colour turns up in a patchwork. Measured on the
 * benchmark's 24 removals, 0.2 against 0.4: layout 20.86 against 20.68 dB mean, 3 against 4
 * cases below the edge smear, and a third of the time.
 */
const REMOVAL_MARGIN = 0.2;
/** An outpaint's sources are limited by OUTPAINT_REACH instead; the box only has to hold them. */
const OUTPAINT_MARGIN = 0.4;
/**
 * How much of an outpaint's large-scale colour comes from the blurred edge continuation
 * (outpaint-anchor.ts) rather than from the patches. Half and half: the patches know the
 * texture runs on (planks, brick, a shelf), the continuation that nothing new starts. On the
 * benchmark's 36 outpaints, cases below the edge smear's layout fall from 17 to 11 and the mean
 * rises by 0.14 dB; all of the continuation (1.0) loses the rows that patches got right.
 */
const OUTPAINT_ANCHOR = 0.5;
/**
 * The pyramid stops before a hole would be shallower than this many pixels. A thin stroke (a
 * pole, a cable) halved further is a line of mixed pixels, and a 7×7 patch search there lays
 * out the fill from what lies beside the stroke, not along it: the shore dragged down a stroke
 * across a lake. On the benchmark's twelve strokes the layout rises from 26.44 to 28.61 dB mean
 * (PyPatchMatch 29.39), better on eleven and equal on one; compact holes and outpaints are
 * deep enough never to reach it.
 */
const MIN_COARSE_DEPTH = 3;
/**
 * A removal's orientation field averages the kept pixels' edges over this fraction of the hole's
 * depth: wide enough that wood grain does not turn it, narrow enough to tell the planks above
 * a hole from the ones below, where perspective tilts them differently.
 */
const FIELD_SHARE = 4;
/** The structure continuation walks on a level with at most this many hole pixels. */
const WALK_PIXELS = 40_000;
/**
 * Whether an outpaint has straight structure is judged over this many pixels of the structure
 * level: twice as far as its one-sided continuation is trusted into the new area
 * (ONE_SIDED_REACH). Judged over half the new area's side, as a removal's is (hundreds of
 * pixels), the sample's hills and the dock's converging planks drift out of phase and count
 * as none. With nothing continued, the search filled the ground beside the sample's post (the
 * mask it opens with, then Left outpaint, at 1200 px) from the misty valley and the hill tips
 * higher up: a pale lake and a row of repeated tips. 62% of the new ground between 0.55 and
 * 0.95 of the height came from more than a tenth of the height above or below, 39% now (seeds
 * 0 and 1). On the benchmark's 48 outpaints 15.646 → 15.661 dB, cases below the edge smear
 * 9 → 8, none worse by 0.2 dB; 24 and 96 pixels gained less.
 */
const OUTPAINT_STRUCTURE_REACH = 2 * ONE_SIDED_REACH;
/**
 * An outpaint's sources cost more beyond this fraction of its depth from a target's nearest
 * photo pixel (patch-match.ts, LOCALITY_GREY) …
 */
const LOCALITY_REACH = 1;
/**
 * … or beyond this fraction of the photo's longer side, where that is less. Zoomed out 2x, the
 * new area is as deep as half the photo is wide, and reaching that far, the ground beside the
 * sample's left frame was still copied from the sundial's foot at the bottom right (60–65% of
 * it, seeds 0–2); 15–18% now, and the dark hill carries on. A lakeside's left shore went on as
 * water and gravel where it had been a grey smear. On the benchmark's 48 outpaints: layout
 * 15.632 → 15.623 dB (a brick wall's top third −0.29 dB, its zoom2 ring −0.36), nothing else
 * moves. A cap of 0.4 left 35–44% copied from the far side.
 */
const LOCALITY_CAP = 0.3;
/** a level needs this many source patches to be worth searching */
const MIN_SOURCES = 64;

type LevelPlan =
  | { kind: "upscale" }
  | { kind: "copy" }
  | { kind: "refine"; searchRadius: number }
  | {
      kind: "em";
      rounds: number;
      searchIterations: number;
      searchRadius: number;
      /** vote along the carried-up field before the first search */
      voteFirst: boolean;
    };

/**
 * pixels: interleaved 8-bit samples, `channels` per pixel, row-major. mask: one byte per pixel,
 * non-zero = fill. Returns a new array of the same layout: pixels outside the mask are copied
 * bit for bit, and a filled pixel's alpha (channels = 4) becomes opaque.
 */
export function inpaintExemplar(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  mask: Uint8Array,
  options: ExemplarOptions = {},
): Uint8Array {
  const out = pixels.slice();
  const bounds = maskBounds(mask, width, height);
  if (!bounds) return out;
  let box = contextBox(bounds, width, height, OUTPAINT_MARGIN);
  let base = cropLevel(pixels, width, channels, mask, box);
  if (!extrapolates(base)) {
    box = contextBox(bounds, width, height, REMOVAL_MARGIN);
    base = cropLevel(pixels, width, channels, mask, box);
  }
  if (maskCoversEverything(base.hole)) throw new Error(MASK_COVERS_EVERYTHING);
  const random = mulberry32(options.seed ?? 0);
  const stopIfCancelled = () => {
    if (options.isCancelled?.()) throw new FillCancelledError();
  };

  const levels = [base];
  const sites = [patchSites(base)];
  // Each level halves the depth; measuring it once on the finest level saves a pass per level.
  const depth = maxHoleDepth(base.hole, base.width, base.height);
  for (;;) {
    const last = levels[levels.length - 1]!;
    if (Math.max(last.width, last.height) <= COARSEST_SIDE) break;
    if (depth / 2 ** levels.length < MIN_COARSE_DEPTH) break;
    const next = downsampleLevel(last);
    const nextSites = patchSites(next);
    if (nextSites.sources.length < MIN_SOURCES) break;
    levels.push(next);
    sites.push(nextSites);
  }
  const coarsest = levels.length - 1;
  if (sites[coarsest]!.sources.length === 0) {
    // Too little context for even one patch: a diffusion fill is the honest answer.
    return inpaintTelea(pixels, width, height, channels, mask);
  }
  const outpaint = extrapolates(levels[coarsest]!);
  // Judged against every source of the coarsest level, before the reach limit narrows them.
  const rare = outpaint ? rareSources(levels[coarsest]!, sites[coarsest]!) : null;
  // Decided where the layout is: finer levels split a lattice beside an object into pieces.
  const crossing = !outpaint && crossesHole(levels[coarsest]!);
  for (let i = 0; i <= coarsest; i++) {
    const level = levels[i]!;
    const reach = Math.max(4 * PATCH_RADIUS, (depth / 2 ** i) * OUTPAINT_REACH);
    if (outpaint) sites[i] = sourcesNearHole(level, sites[i]!, reach);
    else if (crossing) sites[i] = sourcesOffObjects(level, sites[i]!);
  }
  // Found before they are painted over: the continuation and the seam band must not start
  // from where they stood either.
  const objects = new Map<FillLevel, Uint8Array>();
  if (crossing) {
    for (const level of levels) {
      objects.set(level, borderObjects(level));
      paintOverObjects(level, objects.get(level)!);
    }
  }
  // Measured where fine lines (a plank's gap) still show, yet on a bounded number of pixels.
  const structureIndex = Math.max(
    0,
    levels.findIndex((l) => l.width * l.height <= ORIENTATION_PIXELS),
  );
  const structureLevel = levels[structureIndex]!;
  const orientation = dominantOrientation(structureLevel);
  // An outpaint's edge has nothing beyond it to turn a field: its structure runs on straight.
  // A removal's field is measured once, where the structure is, and read at every level.
  const straight = uniformField(
    structureLevel.width,
    structureLevel.height,
    orientation.dx,
    orientation.dy,
  );
  const structureField = outpaint
    ? straight
    : orientationField(structureLevel, (depth * structureLevel.width) / base.width / FIELD_SHARE);
  // An outpaint continues no end atypical of its border; a removal only objects it crosses.
  const objectsOf = (level: FillLevel) =>
    outpaint ? atypicalPixels(level) : (objects.get(level) ?? null);

  // how far the continuation typically walks: half the hole's size at that level
  const reach = outpaint
    ? OUTPAINT_STRUCTURE_REACH
    : Math.max(4, Math.round(side(bounds) / 2 ** (structureIndex + 1)));
  // Whether there is straight structure at all is judged along the crop's one orientation (a
  // horizon) or, for a removal, a field as wide as the hole is deep (converging planks); the
  // continuation's own field turns with every plank's grain and would find some in anything.
  const judged = (field: OrientationField) =>
    structureWeight(structureLevel, field, orientation.coherence, reach);
  const weight = outpaint
    ? judged(straight)
    : Math.max(
        judged(straight),
        judged(orientationField(structureLevel, (depth * structureLevel.width) / base.width)),
      );
  // The walk costs a few dozen steps per hole pixel: a removal's is taken on the finest level
  // with at most WALK_PIXELS hole pixels and read from there at finer ones (the guide is
  // low-frequency); an outpaint's on every level, as it was tuned.
  const walkIndex = Math.max(
    structureIndex,
    outpaint
      ? structureIndex
      : levels.findIndex((l, i) => i >= structureIndex && holePixels(l) <= WALK_PIXELS),
  );
  const walkLevel = levels[walkIndex]!;
  const elongated = !outpaint && depth < ELONGATED * side(bounds);
  const walkAt = (level: FillLevel, overlaid = false) =>
    continueAlong(
      level,
      resampleField(structureField, level.width, level.height),
      objectsOf(level),
      !outpaint,
      // a thin hole's ends are a few pixels apart: where they disagree, the patches decide
      { nearerEnd: !outpaint && !elongated, overlaid },
    );
  // the one laid over the finished fill (blendContinuation); the others only steer guides
  const continuation = weight > 0 ? walkAt(walkLevel, true) : null;
  /** the continuation at a level: walked on coarser ones (an outpaint's on all), read from the
   * walk level's on finer ones */
  const continuationAt = (i: number): Continuation => {
    if (i === walkIndex) return continuation!;
    if (i > walkIndex || outpaint) return walkAt(levels[i]!);
    return resampleContinuation(walkLevel, continuation!, levels[i]!, 2 ** (walkIndex - i));
  };
  const nearest = outpaint || (weight === 0 && elongated && sidesDisagree(levels[coarsest]!));
  levels[coarsest]!.guide = coarsestGuide(
    base,
    levels[coarsest]!,
    2 ** coarsest,
    nearest ? "nearest" : weight > 0 ? "membrane" : "kinds",
    { level: structureLevel, factor: 2 ** (coarsest - structureIndex) },
  );
  const coarseAlong = continuation ? continuationAt(coarsest) : null;
  if (coarseAlong) steerGuide(levels[coarsest]!, coarseAlong, weight);
  else if (elongated) {
    const thin = levels[coarsest]!;
    steerGuide(thin, continueThrough(thin, objectsOf(thin), walkAt(thin)), 1);
  }
  const reference = layoutReference(levels[coarsest]!, 2 ** coarsest);
  if (coarseAlong) reference.along = coarseAlong;
  const plans = levels.map((level, i) => planLevel(level, sites[i]!, i === coarsest));
  if (rare) {
    // Only levels that search pick sources; a copy level follows the field carried up to it.
    const coarse = { width: levels[coarsest]!.width, height: levels[coarsest]!.height, rare };
    plans.forEach((plan, i) => {
      if (plan.kind !== "em" && plan.kind !== "refine") return;
      sites[i] = withoutRare(levels[i]!, sites[i]!, coarse, 2 ** (coarsest - i));
    });
  }
  if (outpaint) {
    measureSourceDetail(base, levels, sites, plans);
    const photo = maskBounds(keptPixels(base.hole), base.width, base.height);
    const localityReach = Math.min(
      LOCALITY_REACH * depth,
      LOCALITY_CAP * (photo ? side(photo) : 0),
    );
    levels.forEach((level, i) => {
      if (!searches(plans[i]!)) return;
      const reach = Math.max(2 * PATCH_RADIUS, localityReach / 2 ** i);
      level.locality = { nearest: nearestKept(level.hole, level.width, level.height), reach };
    });
  }
  const work = plans.map((plan, i) => planWork(plan, sites[i]!));
  const totalWork = work.reduce((a, b) => a + b, 0);
  let doneWork = 0;

  let nnf: Nnf | null = null;
  /** the last level's field that a level too big for its own copies along */
  let field: CarriedField | null = null;
  /** where each pixel of the finest fill was copied from */
  let from: Int32Array | null = null;
  for (let i = coarsest; i >= 0; i--) {
    stopIfCancelled();
    const level = levels[i]!;
    const levelSites = sites[i]!;
    const plan = plans[i]!;
    if (i < coarsest) {
      upsampleHole(levels[i + 1]!, level);
      // Only searching levels compare patches; the guide would be dead weight on the others.
      if (plan.kind === "em" || plan.kind === "refine") {
        upsampleGuide(levels[i + 1]!, level);
        calmUntrustedDetail(level, 2 ** (coarsest - i));
        // An outpaint steers only its new area's guide: the photo's keeps the layout upsampled
        // from the coarser level, which the new area's is compared against. Steered to its own
        // sharp colours, it let the search carry a sun's glow up into the new sky as a pale
        // column with sharp sides (0.28% of the sky's pixels steep; 0.03% now, as before). A
        // removal's levels were tuned with the photo steered: steering only its hole lost
        // 0.05 dB on the benchmark's 50 removals (2.4 on the dusk's upright).
        if (continuation) steerGuide(level, continuationAt(i), weight, outpaint);
      }
    }
    if (plan.kind === "upscale") {
      if (nnf)
        field = { nnf, width: levels[i + 1]!.width, height: levels[i + 1]!.height, factor: 1 };
      nnf = null;
      if (field) {
        field.factor *= 2;
        from = copyAlongField(level, field, Math.floor(random() * 0x7fffffff));
      }
    } else {
      nnf =
        nnf && i < coarsest
          ? upsampleNnf(nnf, levels[i + 1]!, level, levelSites, random, {
              wander: plan.kind === "copy",
            })
          : peeledNnf(level, levelSites, random);
      if (outpaint && i === coarsest) {
        reference.trust = fillUnguided(level, levelSites, nnf, plan, random, stopIfCancelled);
        level.trust = reference.trust;
        calmUntrustedGuide(level);
        calmUntrustedDetail(level, 1);
      }
      from = runPlan(level, levelSites, nnf, plan, random, stopIfCancelled, {
        finest: i === 0,
        coarsest: i === coarsest,
      });
      if (outpaint && i === coarsest) followTrustedFill(level);
    }
    doneWork += work[i]!;
    // The sum of the fractions can fall a hair short of 1 in floating point.
    options.onProgress?.(i === 0 ? 1 : doneWork / totalWork);
    levels.length = i + 1; // the coarser levels are done with; let them be collected
    sites.length = i + 1;
  }
  // The finishing passes touch every pixel of the crop: a cancel need not wait for them.
  stopIfCancelled();
  // Before the passes that set the fill's low frequencies, which assume its regions meet.
  if (from && options.onSources) options.onSources(sourcesInImage(from, base, box, width, height));
  mirrorRim(base, from);
  if (from) stitchRegions(base, from, outpaint ? seamSteps(base, reference) : undefined);
  // The layout reference guards the patches' layout; the passes after it set the fill's low
  // frequencies from the surroundings themselves, which it has no reason to pull back. Run
  // after them, it pulled a dusk sky's glow, laid straight across an ellipse, back into a dull
  // ghost of it; on the benchmark's removals 25.05 → 25.16 dB, outpaints unchanged (15.84).
  clampToLayout(base, reference);
  if (continuation) {
    const share = outpaint ? 1 : overlayShare(orientation.coherence);
    blendContinuation(base, walkLevel, continuation, 2 ** walkIndex, weight * share);
  }
  correctSeamShade(base);
  stopIfCancelled();
  if (outpaint) {
    anchorOutpaintLayout(base, OUTPAINT_ANCHOR, reference);
    fadeInFromMirror(base);
  } else {
    calmFill(base);
    matchGrain(base, random);
  }
  // Along an outpaint's straight frame edge a smooth band reads as a smeared line (the trunks
  // of a forest zoomed out 2x): its frame was faded in from the photo's mirror instead.
  const seam = outpaint
    ? null
    : seamBand(pixels, width, channels, base, box, objects.get(base) ?? null, depth);
  writeBack(out, width, channels, mask, base, box, seam);
  return out;
}

/**
 * Where an outpaint's unguided fill is not clearly trusted, a step between two copied regions
 * counts half in the stitch only at this many grey levels (ROBUST_STEP, 16, where it is). There
 * the photo vouches for no structure, and a step is a seam between sources, not an edge: a
 * sunset's sky cut off above the sun and outpainted upwards copied the sun's glow into a pale
 * block with straight sides, which the stitch left standing as structure (at 1000 px, seeds 0
 * and 1, 0.19% and 0.16% of its new sky steeper than 2 grey levels a pixel across, after a
 * light blur; 0.02% now). On the benchmark's outpaints no case moves by more than 0.11 dB.
 */
const UNTRUSTED_STEP = 64;

/** The stitch's robust step at each pixel of an outpaint's crop (see UNTRUSTED_STEP). */
function seamSteps(base: FillLevel, reference: LayoutReference): (p: number) => number {
  const { trust } = reference;
  if (!trust) return () => ROBUST_STEP;
  const axes = cellAxes(
    reference.width,
    reference.height,
    reference.scale,
    base.width,
    base.height,
  );
  return (p) => {
    const x = p % base.width;
    const t = towardsClear(sampleCells(trust, 1, axes, x, (p - x) / base.width, 0));
    return UNTRUSTED_STEP + (ROBUST_STEP - UNTRUSTED_STEP) * t;
  };
}

/** `from` (crop pixels, per crop pixel) as image pixels per image pixel. */
function sourcesInImage(
  from: Int32Array,
  crop: FillLevel,
  box: Box,
  width: number,
  height: number,
): Int32Array {
  const out = new Int32Array(width * height).fill(-1);
  const toImage = (c: number) =>
    (box.y0 + Math.floor(c / crop.width)) * width + box.x0 + (c % crop.width);
  for (let q = 0; q < from.length; q++) {
    const s = from[q]!;
    if (s >= 0 && crop.hole[q] !== 0) out[toImage(q)] = toImage(s);
  }
  return out;
}

function side(box: Box): number {
  return Math.max(box.x1 - box.x0, box.y1 - box.y0);
}

/**
 * The hole's bounding box grown by `fraction` of its longer side (and a few patches at least),
 * so there is texture to copy from.
 */
/** The widest box a fill of a hole with these bounds reads from (an outpaint's). */
export function fillContext(bounds: Box, width: number, height: number): Box {
  return contextBox(bounds, width, height, OUTPAINT_MARGIN);
}

export function contextBox(bounds: Box, width: number, height: number, fraction: number): Box {
  const side = Math.max(bounds.x1 - bounds.x0, bounds.y1 - bounds.y0);
  const margin = Math.max(4 * PATCH_RADIUS + 8, Math.round(side * fraction));
  return {
    x0: Math.max(0, bounds.x0 - margin),
    y0: Math.max(0, bounds.y0 - margin),
    x1: Math.min(width, bounds.x1 + margin),
    y1: Math.min(height, bounds.y1 + margin),
  };
}

function planLevel(level: FillLevel, sites: PatchSites, coarsest: boolean): LevelPlan {
  if (level.width * level.height > MAX_VOTE_PIXELS) return { kind: "upscale" };
  if (sites.targets.length > REFINE_TARGETS && !coarsest) return { kind: "copy" };
  if (sites.targets.length > WORK_TARGETS && !coarsest) return { kind: "refine", searchRadius: 4 };
  // The coarsest level decides the layout, so it searches the whole level; finer levels inherit
  // that layout and only look nearby, which is where nearly all their improvements are.
  if (coarsest) {
    return {
      kind: "em",
      rounds: 6,
      searchIterations: 4,
      searchRadius: Number.MAX_SAFE_INTEGER,
      voteFirst: false,
    };
  }
  const rounds = sites.targets.length < 8_000 ? 3 : 2;
  return { kind: "em", rounds, searchIterations: 2, searchRadius: 32, voteFirst: true };
}

/**
 * Gives each level that searches its sources' full-resolution detail and its targets' expected
 * detail (source-detail.ts), measured once on the finest of them and averaged up.
 */
function measureSourceDetail(
  base: FillLevel,
  levels: FillLevel[],
  sites: PatchSites[],
  plans: LevelPlan[],
): void {
  const finest = plans.findIndex(searches);
  if (finest < 0) return;
  let plane = fineDetail(base, 2 ** finest);
  for (let i = finest; i < levels.length; i++) {
    if (i > finest) plane = halveDetail(plane, levels[i - 1]!.width, levels[i - 1]!.height);
    if (searches(plans[i]!)) levels[i]!.detail = sourceDetail(levels[i]!, sites[i]!, plane);
  }
}

function searches(plan: LevelPlan): boolean {
  return plan.kind === "em" || plan.kind === "refine";
}

/** Relative cost of a plan, in patch comparisons, for honest progress fractions. */
function planWork(plan: LevelPlan, sites: PatchSites): number {
  const n = sites.targets.length;
  if (plan.kind === "upscale") return n * 0.1;
  if (plan.kind === "copy") return n * 0.2;
  if (plan.kind === "refine") return n * 6;
  return n * plan.rounds * (plan.searchIterations * 8 + 2);
}

function runPlan(
  level: FillLevel,
  sites: PatchSites,
  nnf: Nnf,
  plan: Exclude<LevelPlan, { kind: "upscale" }>,
  random: Random,
  stopIfCancelled: () => void,
  { finest, coarsest }: { finest: boolean; coarsest: boolean },
): Int32Array | null {
  if (plan.kind === "copy") return copyMatchedPixels(level, sites, nnf);
  let from: Int32Array | null = null;
  const buffers = voteBuffers(level);
  // The rim, which no patch centres on, is what a few patches' edges voted there (frame-rim.ts).
  // The coarsest level keeps its own: mirrored, it reaches a sixth of the level in (a horse's
  // tail came out to its white backdrop's frame, and the finer levels copied hooves there);
  // given its nearest centre's colour, the lakeside's new sky grew dark hill fragments above
  // its glow on five seeds of six.
  const vote = (held = false) => {
    votePatches(level, sites, nnf, random, buffers, held);
    if (!coarsest) mirrorRim(level, null);
  };
  // Only EM levels hold their votes to the guide (see votePatches): a refine level votes once
  // along the field carried up to it, whose layout they settled, and holding its many votes
  // too cost a sixth of a 1 MP zoom-out's time.
  const held = plan.kind === "em";
  // The finest level ends with the best patch winning instead of a vote (see copyBestPatches).
  // The search leaves every cost current, so it follows the last search directly.
  const settle = (last: boolean) => {
    if (finest && last) from = copyBestPatches(level, sites, nnf);
    else vote(held);
  };
  refreshCosts(level, sites, nnf);
  if (plan.kind === "refine") {
    // Vote once so the estimate holds this level's own patches, then polish locally.
    vote();
    stopIfCancelled();
    refreshCosts(level, sites, nnf);
    improveNnf(level, sites, nnf, 1, plan.searchRadius, random);
    settle(true);
    return from;
  }
  const maxRadius = Math.min(plan.searchRadius, Math.max(level.width, level.height));
  if (plan.voteFirst) {
    // The estimate is still the bilinear upscale of the coarser fill, and smooth sources match
    // a smooth estimate best: searching against it trades the carried-up field's textured
    // matches for flat ones. A vote along that field first gives the search this level's
    // own texture to match.
    vote(held);
    refreshCosts(level, sites, nnf);
  }
  for (let round = 0; round < plan.rounds; round++) {
    stopIfCancelled();
    if (round > 0) refreshCosts(level, sites, nnf);
    improveNnf(level, sites, nnf, plan.searchIterations, maxRadius, random);
    settle(round === plan.rounds - 1);
  }
  return from;
}

/**
 * Fills an outpaint's coarsest level once without its guide and returns where that fill is
 * trusted (outpaint-trust.ts). Trusted pixels keep its colour and matches as the guided fill's
 * start; elsewhere the start is put back as it was, so the guided search is not led by a copied
 * boat.
 */
function fillUnguided(
  level: FillLevel,
  sites: PatchSites,
  nnf: Nnf,
  plan: Exclude<LevelPlan, { kind: "upscale" }>,
  random: Random,
  stopIfCancelled: () => void,
): Float32Array {
  const { guide, bands } = level;
  const startColour = level.colour.slice();
  const startMatch = nnf.match.slice();
  level.guide = undefined;
  runPlan(level, sites, nnf, plan, random, stopIfCancelled, { finest: false, coarsest: true });
  level.guide = guide;
  const trust = unguidedTrust(level);
  for (const t of sites.targets) {
    if (trust[t]! >= 0.5) continue;
    nnf.match[t] = startMatch[t]!;
    for (let c = 0; c < bands; c++) level.colour[t * bands + c] = startColour[t * bands + c]!;
  }
  return trust;
}

/** The coarsest level's start: an onion-peel fill, and a field seeded from its picks. */
function peeledNnf(level: FillLevel, sites: PatchSites, random: Random): Nnf {
  const picks = onionPeel(level, sites.sources, random);
  const nnf = randomNnf(level, sites, random);
  for (const t of sites.targets) {
    const pick = picks[t]!;
    if (pick >= 0 && sites.sourceOk[pick] === 1) nnf.match[t] = pick;
  }
  return nnf;
}

/** Width, in pixels, of the soft seam inside the hole's edge … */
const SEAM_WIDTH = 6;
/**
 * … or of this share of the hole's depth where that is less, but no less than MIN_SEAM_WIDTH.
 * Across a thin stroke, 16 px wide, a 6 px band from each side left only the middle pixels
 * patch fill: the stroke filled smooth, and a plank or a treeline it crossed blurred. On the
 * benchmark's 12 strokes, layout 29.75 → 30.93 dB mean (a deck's planks +5.0, a dusk horizon
 * +5.1), texture ratios out of range 5 → 3; compact holes, deeper than 24 px, keep 6.
 */
const SEAM_SHARE = 1 / 4;
const MIN_SEAM_WIDTH = 2;

interface SeamBand {
  /** Telea's fill of the crop, valid in the band along the hole's edge */
  smooth: Uint8Array;
  /** per crop pixel: how far inside the hole it lies (chamfer distance) */
  depth: Float32Array;
  /** how far in the band reaches */
  width: number;
}

/**
 * A smooth continuation of the surroundings into the first SEAM_WIDTH pixels of the hole, or
 * fewer for a hole only `deepest` pixels deep (see SEAM_SHARE); not of `objects`, kept pixels
 * of an object the hole cuts through, which are skipped.
 * correctSeamShade has matched the fill's shade to the edge's at low frequency; what is left is
 * the pixel-scale step between a copied patch and the kept pixel beside it, which fading from
 * this band into the patch fill hides, while the kept pixels themselves are never touched.
 */
function seamBand(
  pixels: Uint8Array,
  width: number,
  channels: 1 | 3 | 4,
  base: FillLevel,
  box: Box,
  objects: Uint8Array | null,
  deepest: number,
): SeamBand {
  const { width: w, height: h, hole } = base;
  const crop = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    const src = (box.y0 + y) * width + box.x0;
    crop.set(pixels.subarray(src * channels, (src + w) * channels), y * w * channels);
  }
  // The band continues the border's own surface, not an object the hole cuts through; the
  // hole's edge along the object is then further from that surface than the band is wide.
  const from = objects ? hole.map((v, i) => (v !== 0 || objects[i]! !== 0 ? 1 : 0)) : hole;
  const bandWidth = Math.min(SEAM_WIDTH, Math.max(MIN_SEAM_WIDTH, deepest * SEAM_SHARE));
  const maxDistance = objects ? Number.POSITIVE_INFINITY : bandWidth + 1;
  const smooth = inpaintTelea(crop, w, h, channels, from, { maxDistance });
  return { smooth, depth: distanceToUnmasked(hole, w, h), width: bandWidth };
}

/** Rounds the filled crop back into the image, touching masked pixels only. */
function writeBack(
  out: Uint8Array,
  width: number,
  channels: number,
  mask: Uint8Array,
  level: FillLevel,
  box: Box,
  seam: SeamBand | null,
): void {
  const { bands, colour } = level;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const p = y * width + x;
      if (mask[p] === 0) continue;
      const q = (y - box.y0) * level.width + (x - box.x0);
      const src = q * bands;
      const dst = p * channels;
      // 0 at the edge (all smooth band) rising to 1 (all patch fill) the band's width in
      const a = seam ? Math.min(1, (seam.depth[q]! - 0.5) / seam.width) : 1;
      for (let c = 0; c < bands; c++) {
        const smooth = seam ? seam.smooth[q * channels + c]! : 0;
        const v = a * colour[src + c]! + (1 - a) * smooth;
        out[dst + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
      }
      if (channels === 4) out[dst + 3] = 255;
    }
  }
}
