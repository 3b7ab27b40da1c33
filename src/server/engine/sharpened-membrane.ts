/**
 * The membrane of a deep removal with the kinds of surroundings along its edge kept apart.
 *
 * The plain membrane (membrane-fill.ts) blends every side: a hole between a dark wood and a pale
 * sky holds, across its middle, the colour between them. In a photo that colour exists only
 * along the edges between wood and sky, and the search copies one such edge, stretched, the whole
 * depth of the hole: the official FLUX.1 Fill test pair (a hazy hillside between pines and the
 * sky) filled with a purple band shaped like the mask's side. Kept apart, the hole holds wood,
 * then sky, and the search finds whole patches of each.
 *
 * How: the edge's colours are grouped into a few kinds (k-means). Kinds that meet along the edge
 * in a gradual change are one surface in shading (a sky's gradient, a cat's fur) and count as
 * one. Each kind gets its own membrane of its share (1 on its edge pixels, 0 on the others) and
 * of its values, so it keeps its own shading; each hole pixel then weighs the kinds by
 * share^SHARPNESS. At a sharpness of 1 this is exactly the plain membrane (the shares sum to it).
 * A kind holding little of the edge is an object touching the hole, whose reach into it nobody
 * knows (a saucer's rim beside a table): it keeps its plain share.
 */
import type { FillLevel } from "./fill-level";
import { keptPixels, onHoleEdge } from "./mask-geometry";
import { membraneFill } from "./membrane-fill";

/**
 * Measured on the benchmark's 48 removals against the plain membrane (24.98 dB): 3 gives
 * 25.01 dB with no case newly below the edge smear, and the test pair's band goes; at 2 it is
 * half there; at 12 the pines' trunks are copied in a band of their own. Every kind kept apart
 * at 3, with no merging of gradual kinds and no share floor (MIN_EDGE_SHARE): 24.81 dB and five
 * more cases below the smear (a saucer's red carried into a table).
 */
const SHARPNESS = 3;
/** At most this many kinds are told apart along a hole's edge. */
const MAX_KINDS = 4;
/** Two kinds whose mean colours lie closer than this (RMS grey levels a band) are one. */
const MIN_SEPARATION = 24;
/**
 * Two kinds are one surface in shading where their neighbouring edge pixels differ, on average,
 * by less than this (RMS grey levels a band, on the coarsest level). Measured there on the
 * benchmark's removals: a night sky's gradient 8, a cat's fur and the blur behind it 12–18, a
 * garage floor's light and shade 10–17; a saucer against a table 24–67, pines against the sky
 * 27, a treeline against the clouds 29–84.
 */
const ABRUPT_STEP = 20;
/** A kind holding less than this share of the edge keeps its plain membrane share. */
const MIN_EDGE_SHARE = 0.25;
const KMEANS_ROUNDS = 8;

/**
 * The hole of `level` filled as described above; kept pixels are copied unchanged. Kinds are
 * told by the first `clusterBands` bands of `level`'s colour (a removal's guide: each kept
 * pixel's patch mean) and whether they meet gradually by the same bands of `raw`, the level's
 * own colours (patch means make every meeting gradual).
 */
export function sharpenedMembrane(
  level: FillLevel,
  clusterBands: number,
  raw: Float32Array,
): Float32Array {
  const { width, height, bands, colour, hole } = level;
  const kept = keptPixels(hole);
  const edge: number[] = [];
  for (let p = 0; p < hole.length; p++) {
    if (kept[p] === 1 && onHoleEdge(kept, width, height, p)) edge.push(p);
  }
  const centres = edgeColours(colour, bands, clusterBands, edge);
  // each kept pixel's nearest centre, once: the kinds are read from it on the edge and beyond
  const centre = new Int32Array(width * height);
  for (let p = 0; p < hole.length; p++) {
    if (kept[p] === 1) centre[p] = nearestCentre(colour, bands, clusterBands, p, centres);
  }
  const kindOfCentre = gradualGroups(centres.length, edge, centre, raw, width, bands, clusterBands);
  const kinds = Math.max(0, ...kindOfCentre) + 1;
  const edgeShare = new Float64Array(kinds);
  for (const p of edge) edgeShare[kindOfCentre[centre[p]!]!]! += 1 / edge.length;
  const wide = Array.from(edgeShare, (share) => share >= MIN_EDGE_SHARE);
  if (wide.filter(Boolean).length < 2) return membraneFill(level);

  // per pixel and kind: its share, then its share times each band's value
  const stride = kinds * (1 + bands);
  const split = new Float32Array(width * height * stride);
  for (let p = 0; p < hole.length; p++) {
    if (kept[p] === 0) continue;
    const at = p * stride + kindOfCentre[centre[p]!]! * (1 + bands);
    split[at] = 1;
    for (let c = 0; c < bands; c++) split[at + 1 + c] = colour[p * bands + c]!;
  }
  const shares = membraneFill({ width, height, bands: stride, colour: split, hole });
  const out = colour.slice();
  const weight = new Float64Array(kinds);
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) continue;
    // The wide kinds share out their plain total among themselves by share^SHARPNESS.
    let wideTotal = 0;
    let wideSharpened = 0;
    for (let k = 0; k < kinds; k++) {
      const share = Math.max(0, shares[p * stride + k * (1 + bands)]!);
      weight[k] = wide[k] ? share ** SHARPNESS : share;
      if (!wide[k]) continue;
      wideTotal += share;
      wideSharpened += weight[k]!;
    }
    let total = 0;
    for (let k = 0; k < kinds; k++) {
      if (wide[k]) weight[k] = wideSharpened > 0 ? (weight[k]! / wideSharpened) * wideTotal : 0;
      total += weight[k]!;
    }
    if (total <= 0) continue;
    for (let c = 0; c < bands; c++) {
      let v = 0;
      for (let k = 0; k < kinds; k++) {
        const at = p * stride + k * (1 + bands);
        // a kind's own value here: its weighted values over its share
        if (weight[k]! > 0) v += weight[k]! * (shares[at + 1 + c]! / shares[at]!);
      }
      out[p * bands + c] = v / total;
    }
  }
  return out;
}

/** k-means of the edge pixels' colours from farthest-point seeds, close centres dropped. */
function edgeColours(
  colour: Float32Array,
  bands: number,
  clusterBands: number,
  edge: number[],
): Float64Array<ArrayBuffer>[] {
  if (edge.length === 0) return [];
  const at = (p: number) =>
    Float64Array.from({ length: clusterBands }, (_, c) => colour[p * bands + c]!);
  const dist = (p: number, centre: Float64Array) => {
    let d = 0;
    for (let c = 0; c < clusterBands; c++) d += (colour[p * bands + c]! - centre[c]!) ** 2;
    return d;
  };
  let centres = [at(edge[0]!)];
  while (centres.length < MAX_KINDS) {
    let far = edge[0]!;
    let farthest = -1;
    for (const p of edge) {
      const d = Math.min(...centres.map((centre) => dist(p, centre)));
      if (d > farthest) {
        farthest = d;
        far = p;
      }
    }
    if (farthest <= 0) break;
    centres.push(at(far));
  }
  for (let round = 0; round < KMEANS_ROUNDS; round++) {
    const sums = centres.map(() => new Float64Array(clusterBands + 1));
    for (const p of edge) {
      const s = sums[nearestCentre(colour, bands, clusterBands, p, centres)]!;
      s[clusterBands]!++;
      for (let c = 0; c < clusterBands; c++) s[c]! += colour[p * bands + c]!;
    }
    centres = sums
      .filter((s) => s[clusterBands]! > 0)
      .map((s) => s.slice(0, clusterBands).map((v) => v / s[clusterBands]!));
  }
  const limit = MIN_SEPARATION * MIN_SEPARATION * clusterBands;
  const distinct: Float64Array<ArrayBuffer>[] = [];
  for (const centre of centres) {
    const close = distinct.some((other) => {
      let d = 0;
      for (let c = 0; c < clusterBands; c++) d += (centre[c]! - other[c]!) ** 2;
      return d < limit;
    });
    if (!close) distinct.push(centre);
  }
  return distinct;
}

/**
 * The kind of each centre: centres whose edge pixels meet in less than ABRUPT_STEP, directly
 * or through others, are one kind. Kinds are numbered from 0.
 */
function gradualGroups(
  n: number,
  edge: number[],
  centre: Int32Array,
  raw: Float32Array,
  width: number,
  bands: number,
  clusterBands: number,
): number[] {
  const onEdge = new Map<number, number>();
  for (const p of edge) onEdge.set(p, centre[p]!);
  // per pair of centres: the summed step between their neighbouring edge pixels, and how many
  const step = new Float64Array(n * n);
  const count = new Float64Array(n * n);
  for (const [p, a] of onEdge) {
    const x = p % width;
    for (const d of [1, width - 1, width, width + 1]) {
      const q = p + d;
      const b = onEdge.get(q);
      if (b === undefined || b === a || Math.abs((q % width) - x) > 1) continue;
      let e = 0;
      for (let c = 0; c < clusterBands; c++) e += (raw[p * bands + c]! - raw[q * bands + c]!) ** 2;
      const pair = Math.min(a, b) * n + Math.max(a, b);
      step[pair]! += Math.sqrt(e / clusterBands);
      count[pair]!++;
    }
  }
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : root(parent[i]!));
  for (let pair = 0; pair < n * n; pair++) {
    if (count[pair]! > 0 && step[pair]! / count[pair]! < ABRUPT_STEP) {
      parent[root(pair % n)] = root(Math.floor(pair / n));
    }
  }
  const number = new Map<number, number>();
  return parent.map((_, k) => {
    const r = root(k);
    if (!number.has(r)) number.set(r, number.size);
    return number.get(r)!;
  });
}

/**
 * Which of `centres` lies nearest pixel `p`'s first `clusterBands` bands (squared distance),
 * leaving out centre `except`.
 */
export function nearestCentre(
  colour: Float32Array,
  bands: number,
  clusterBands: number,
  p: number,
  centres: ArrayLike<number>[],
  except = -1,
): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let k = 0; k < centres.length; k++) {
    if (k === except) continue;
    const centre = centres[k]!;
    let d = 0;
    for (let c = 0; c < clusterBands; c++) d += (colour[p * bands + c]! - centre[c]!) ** 2;
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
