import type { FillLevel } from "./fill-level";
import { guideBands, guideContrast } from "./layout-guide";
import { type Nnf, PATCH_RADIUS, type PatchSites } from "./patch-match";
import type { Random } from "./prng";

const R = PATCH_RADIUS;

/** Accumulators for votes, allocated once per level and reused by every EM iteration. */
export interface VoteBuffers {
  sum: Float32Array;
  weight: Float32Array;
}

export function voteBuffers(level: FillLevel): VoteBuffers {
  return {
    sum: new Float32Array(level.width * level.height * level.bands),
    weight: new Float32Array(level.width * level.height),
  };
}

/**
 * The M-step of Wexler et al.'s completion: every hole pixel becomes the weighted mean of the
 * colours that the source patches of all overlapping targets put there. Weights fall off with
 * patch cost, exp(-cost / 2σ²). Wexler takes σ² at the 75th percentile of costs; measured on
 * photos that averages too many disagreeing patches, the estimate goes smooth, smooth sources
 * then match it best and the fill never gets its texture back. σ² at a tenth of the 10th
 * percentile makes the vote nearly "best patch wins", still blending where matches agree.
 * Known pixels are never written.
 *
 * `held`: on a level with an outpaint's trust (outpaint-trust.ts), the vote is held to the guide
 * where the unguided fill is not trusted, by 1 − trust. Each copied colour counts less the
 * further it is from the guide's, and the guide votes too, with GUIDE_SHARE of the patches'
 * weight. Where the photo offers nothing like the guide, every source patch brings some of the
 * wrong thing along (a white backdrop only 100 px wide around a horse, against coarse patches
 * 112 px across): the colours that agree with the guide win where there are any, the guide's
 * own colour where there are none, instead of an average of horse.
 */
export function votePatches(
  level: FillLevel,
  sites: PatchSites,
  nnf: Nnf,
  random: Random,
  buffers: VoteBuffers = voteBuffers(level),
  held = false,
): void {
  const { width, bands, colour, hole } = level;
  const { sum, weight } = buffers;
  sum.fill(0);
  weight.fill(0);
  const sigma2 = costPercentile(sites, nnf, 0.1, random) * 0.1;
  const scale = sigma2 > 0 ? -1 / (2 * sigma2) : 0;
  const hold = held && level.trust && level.guide ? holdFalloff(level) : null;
  const guide = level.guide;
  const gb = guideBands(bands);
  // a held vote's weights before the hold, which the guide's share is taken of
  const plain = hold ? new Float32Array(weight.length) : weight;
  const { targets } = sites;
  for (let n = 0; n < targets.length; n++) {
    const t = targets[n]!;
    const s = nnf.match[t]!;
    const w = Math.exp(nnf.cost[t]! * scale) + 1e-6;
    for (let dy = -R; dy <= R; dy++) {
      const rowT = t + dy * width;
      const rowS = s + dy * width;
      for (let dx = -R; dx <= R; dx++) {
        const p = rowT + dx;
        if (hole[p] === 0) continue;
        const q = (rowS + dx) * bands;
        const pb = p * bands;
        let v = w;
        if (hold) {
          let d = 0;
          for (let c = 0; c < bands; c++) d += (colour[q + c]! - guide![p * gb + c]!) ** 2;
          v = w * expNegative(hold[p]! * d);
          plain[p]! += w;
        }
        weight[p]! += v;
        for (let c = 0; c < bands; c++) sum[pb + c]! += v * colour[q + c]!;
      }
    }
  }
  for (let p = 0; p < weight.length; p++) {
    // plain, not weight: every copy's held weight can underflow to 0, where the guide then wins
    if (plain[p] === 0) continue;
    const pb = p * bands;
    if (!hold) {
      for (let c = 0; c < bands; c++) colour[pb + c] = sum[pb + c]! / weight[p]!;
      continue;
    }
    const g = GUIDE_SHARE * (1 - level.trust![p]!) * plain[p]!;
    const w = weight[p]! + g;
    for (let c = 0; c < bands; c++) colour[pb + c] = (sum[pb + c]! + g * guide![p * gb + c]!) / w;
  }
}

/**
 * A copied colour within about this many grey levels of the guide's (or of the guide's local
 * contrast, where that is larger) counts in full in a held vote; much further, hardly at all.
 */
const HOLD_TOLERANCE = 24;
/** The guide's own vote in a held vote, as a share of the patches' total weight. */
const GUIDE_SHARE = 0.05;

/** Per pixel, −(1 − trust) / (2 τ² bands): a held vote's exponent per squared colour distance. */
function holdFalloff(level: FillLevel): Float32Array {
  const { bands, hole } = level;
  const guide = level.guide!;
  const trust = level.trust!;
  const falloff = new Float32Array(hole.length);
  for (let p = 0; p < falloff.length; p++) {
    if (hole[p] === 0 || trust[p]! >= 1) continue;
    const tau = Math.max(HOLD_TOLERANCE, guideContrast(guide, bands, p));
    falloff[p] = -(1 - trust[p]!) / (2 * tau * tau * bands);
  }
  return falloff;
}

/** exp(x) for x ≤ 0 from a table in steps of 1/EXP_STEPS: a held vote takes one per copied pixel. */
const EXP_STEPS = 64;
const EXP_RANGE = 16;
const EXP_TABLE = Float64Array.from({ length: EXP_RANGE * EXP_STEPS + 1 }, (_, k) =>
  Math.exp(-k / EXP_STEPS),
);
function expNegative(x: number): number {
  return x <= -EXP_RANGE ? 0 : EXP_TABLE[Math.round(-x * EXP_STEPS)]!;
}

/** A percentile of patch cost, estimated from up to 1024 random targets. */
function costPercentile(sites: PatchSites, nnf: Nnf, q: number, random: Random): number {
  const { targets } = sites;
  const n = Math.min(1024, targets.length);
  const sample = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = n === targets.length ? targets[i]! : targets[Math.floor(random() * targets.length)]!;
    sample[i] = nnf.cost[t]!;
  }
  sample.sort();
  return sample[Math.min(n - 1, Math.floor(q * n))] ?? 0;
}

/**
 * The finest level's last step: every hole pixel takes its colour from the one overlapping
 * patch that matches best, instead of the weighted mean of all of them. Even a near
 * winner-take-all vote averages patches that disagree by a pixel or two, which blurs; the
 * winner's pixel is real source texture, and neighbouring winners mostly come from the same
 * coherent region. Costs must be current (see refreshCosts). Known pixels are never written.
 * Returns each pixel's source (-1 where none), which region-stitch.ts reads.
 */
export function copyBestPatches(level: FillLevel, sites: PatchSites, nnf: Nnf): Int32Array {
  const { width, height, bands, colour, hole } = level;
  const best = new Float32Array(width * height).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(width * height).fill(-1);
  const { targets } = sites;
  for (let n = 0; n < targets.length; n++) {
    const t = targets[n]!;
    const s = nnf.match[t]!;
    const cost = nnf.cost[t]!;
    for (let dy = -R; dy <= R; dy++) {
      for (let dx = -R; dx <= R; dx++) {
        const p = t + dy * width + dx;
        if (hole[p] === 0 || cost >= best[p]!) continue;
        best[p] = cost;
        from[p] = s + dy * width + dx;
      }
    }
  }
  // Sources are known pixels, which this never writes, so reading in place is safe.
  for (let p = 0; p < from.length; p++) {
    const q = from[p]!;
    if (q < 0) continue;
    for (let c = 0; c < bands; c++) colour[p * bands + c] = colour[q * bands + c]!;
  }
  return from;
}
