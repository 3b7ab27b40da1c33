import type { FillLevel } from "./fill-level";
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
 */
export function votePatches(
  level: FillLevel,
  sites: PatchSites,
  nnf: Nnf,
  random: Random,
  buffers: VoteBuffers = voteBuffers(level),
): void {
  const { width, bands, colour, hole } = level;
  const { sum, weight } = buffers;
  sum.fill(0);
  weight.fill(0);
  const sigma2 = costPercentile(sites, nnf, 0.1, random) * 0.1;
  const scale = sigma2 > 0 ? -1 / (2 * sigma2) : 0;
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
        weight[p]! += w;
        const pb = p * bands;
        for (let c = 0; c < bands; c++) sum[pb + c]! += w * colour[q + c]!;
      }
    }
  }
  for (let p = 0; p < weight.length; p++) {
    const w = weight[p]!;
    if (w === 0) continue;
    const pb = p * bands;
    for (let c = 0; c < bands; c++) colour[pb + c] = sum[pb + c]! / w;
  }
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
