import type { FillLevel, Locality } from "./fill-level";
import { guideCost } from "./layout-guide";
import { distanceToUnmasked, keptPixels } from "./mask-geometry";
import { type Random, valueNoise } from "./prng";

/**
 * PatchMatch (Barnes et al. 2009): a nearest-neighbour field from every patch that touches the
 * hole ("target") to a patch lying wholly in known pixels ("source"), found by random
 * initialisation, propagation of good matches to neighbours, and random search at shrinking
 * radii. Patches are (2R+1)² squares addressed by their centre's pixel index.
 */
export const PATCH_RADIUS = 3;
const R = PATCH_RADIUS;
const PATCH_AREA = (2 * R + 1) ** 2;
const NOT_A_TARGET = -1;

export interface PatchSites {
  /** 1 where a patch centred here lies inside the level and holds no hole pixel */
  sourceOk: Uint8Array;
  sources: Int32Array;
  /** centres (inside the level) whose patch holds at least one hole pixel */
  targets: Int32Array;
}

/** The nearest-neighbour field: for each pixel, its source centre (or -1) and the patch cost. */
export interface Nnf {
  match: Int32Array;
  cost: Float32Array;
}

/** Which centres may be sources and which must be matched, from a box count of hole pixels. */
export function patchSites(level: FillLevel): PatchSites {
  const { width, height, hole } = level;
  // Hole pixels per (2R+1)-wide run of each row, then per (2R+1)-tall run of those: the box
  // count by two running sums, a few operations per pixel whatever the patch size.
  const rows = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    let run = 0;
    const row = y * width;
    for (let x = 0; x < width + R; x++) {
      if (x < width) run += hole[row + x]!;
      if (x - 2 * R - 1 >= 0) run -= hole[row + x - 2 * R - 1]!;
      if (x - R >= 0 && x - R < width) rows[row + x - R] = run;
    }
  }
  const sourceOk = new Uint8Array(width * height);
  const isTarget = new Uint8Array(width * height);
  const column = new Uint16Array(width);
  for (let y = 0; y < 2 * R; y++) {
    for (let x = 0; x < width; x++) column[x]! += rows[y * width + x]!;
  }
  let sourceCount = 0;
  let targetCount = 0;
  for (let y = R; y < height - R; y++) {
    const add = (y + R) * width;
    for (let x = 0; x < width; x++) column[x]! += rows[add + x]!;
    const row = y * width;
    for (let x = R; x < width - R; x++) {
      if (column[x] === 0) {
        sourceOk[row + x] = 1;
        sourceCount++;
      } else {
        isTarget[row + x] = 1;
        targetCount++;
      }
    }
    const drop = (y - R) * width;
    for (let x = 0; x < width; x++) column[x]! -= rows[drop + x]!;
  }
  const sources = new Int32Array(sourceCount);
  const targets = new Int32Array(targetCount);
  let s = 0;
  let t = 0;
  for (let i = 0; i < sourceOk.length; i++) {
    if (sourceOk[i] === 1) sources[s++] = i;
    else if (isTarget[i] === 1) targets[t++] = i;
  }
  return { sourceOk, sources, targets };
}

/**
 * The same sites with only the sources within `reach` pixels of the hole. An outpaint's new
 * border is continued from what lies along the photo's edge; sources from deep inside the
 * photo are what put its boats into the sky and its gravel into the clouds. When too few
 * sources are that near, all are kept.
 */
export function sourcesNearHole(level: FillLevel, sites: PatchSites, reach: number): PatchSites {
  const { width, height, hole } = level;
  const distance = distanceToUnmasked(keptPixels(hole), width, height);
  const sourceOk = new Uint8Array(sites.sourceOk.length);
  let count = 0;
  for (const s of sites.sources) {
    if (distance[s]! > reach) continue;
    sourceOk[s] = 1;
    count++;
  }
  if (count < MIN_NEAR_SOURCES) return sites;
  const near = new Int32Array(count);
  let n = 0;
  for (const s of sites.sources) if (sourceOk[s] === 1) near[n++] = s;
  return { sourceOk, sources: near, targets: sites.targets };
}

const MIN_NEAR_SOURCES = 64;

/**
 * Where an outpaint's unguided fill is trusted (outpaint-trust.ts), its guide still counts this
 * much: fully unguided, the finer levels copied lattice fragments into a trusted night sky and
 * pale islands into bark; at half weight the bricks, trunks and bark still carry on. On the
 * benchmark's 36 outpaints: texture ratios out of range 23 → 11, layout mean 15.55 → 15.45 dB.
 */
const TRUSTED_GUIDE_WEIGHT = 0.5;

/**
 * Where an outpaint's unguided fill is not trusted, a source whose full-resolution detail exceeds
 * its target's expected detail (source-detail.ts) by e grey levels costs DETAIL_WEIGHT · e² more
 * per sample of the patch, as if every sample differed by 2.8 e: a lattice far busier than a
 * calm edge loses to any calm source of about the right colour. Measured on the
 * benchmark's 49 outpaints against none: blocks with spurious detail 8.7% → 6.8%, smeared ones
 * 29.8% → 32.3%, cases below the edge smear's layout 11 → 8, layout mean 15.82 → 15.84 dB.
 */
const DETAIL_WEIGHT = 8;

/**
 * A source further than its locality's reach from the target's nearest photo pixel costs as if
 * every sample of the patch differed by LOCALITY_GREY grey levels per reach beyond it. An
 * outpaint's new area continues the photo beside it, but the sources within reach of the new
 * area as a whole (sourcesNearHole) include the far side of the photo's other edges: the
 * hilltop sunset zoomed out 1.5x at 800 px filled the ground beside its left frame with a grey
 * stone wall copied from the foot of the sundial, on the bottom edge 600 px away (74–88% of
 * that ground on seeds 0–2, none now; the dark hill and the grass carry on). A gentle cost:
 * with half the reach the ground below the photo was copied from the strip just above it,
 * again and again, in stripes. On the benchmark's 48 outpaints, with the reach a new area's
 * depth: layout 15.661 → 15.632 dB, texture ratios out of range 27 → 25, cases below the edge
 * smear 8 → 9 (the rocket's zoom ring, which tied the smear at 19.02); three times as steep,
 * 15.616 dB.
 */
const LOCALITY_GREY = 10;

/**
 * Sum of squared differences between two patches, plus the distance of their layout guides when
 * the level has one, where an outpaint's unguided fill is not trusted the source's detail
 * beyond the target's expected (DETAIL_WEIGHT), and an outpaint's locality (LOCALITY_GREY);
 * stops early once it reaches `limit`.
 */
export function patchCost(level: FillLevel, target: number, source: number, limit: number): number {
  const { colour, width, bands, guide, trust, detail, locality } = level;
  // The guide is smooth, so its difference at the centres stands for the whole patch's.
  let cost = guide
    ? guideCost(guide, bands, target, source) *
      PATCH_AREA *
      (trust ? 1 - (1 - TRUSTED_GUIDE_WEIGHT) * trust[target]! : 1)
    : 0;
  if (detail && trust) {
    const excess = detail.source[source]! - detail.expected[target]!;
    if (excess > 0)
      cost += DETAIL_WEIGHT * PATCH_AREA * bands * excess * excess * (1 - trust[target]!);
  }
  if (locality) cost += localityCost(locality, width, target, source) * PATCH_AREA * bands;
  if (cost >= limit) return cost;
  const span = (2 * R + 1) * bands;
  const rowStep = width * bands;
  let t = (target - R * width - R) * bands;
  let s = (source - R * width - R) * bands;
  for (let dy = -R; dy <= R; dy++) {
    for (let k = 0; k < span; k++) {
      const e = colour[t + k]! - colour[s + k]!;
      cost += e * e;
    }
    if (cost >= limit) return cost;
    t += rowStep;
    s += rowStep;
  }
  return cost;
}

/** The per-sample squared cost of copying `source` to `target` beyond its reach (LOCALITY_GREY). */
function localityCost(locality: Locality, width: number, target: number, source: number): number {
  const { nearest, reach } = locality;
  const photo = nearest[target]!;
  if (photo < 0) return 0;
  const dx = (photo % width) - (source % width);
  const dy = (photo - (photo % width) - (source - (source % width))) / width;
  const beyond = Math.sqrt(dx * dx + dy * dy) - reach;
  if (beyond <= 0) return 0;
  const e = (LOCALITY_GREY * beyond) / reach;
  return e * e;
}

/** A field whose targets point at uniformly random sources. */
export function randomNnf(level: FillLevel, sites: PatchSites, random: Random): Nnf {
  const match = new Int32Array(level.width * level.height).fill(NOT_A_TARGET);
  const cost = new Float32Array(level.width * level.height);
  for (const t of sites.targets) {
    match[t] = sites.sources[Math.floor(random() * sites.sources.length)]!;
  }
  return { match, cost };
}

/**
 * How far (pixels) and over how many pixels `wander` shifts where a fine pixel reads its
 * parent. A copy level's field is carried up with no search after it, so each coarse match
 * becomes a square of the finer level, and two copy levels in a row lay the fill out as a grid
 * of 4-pixel blocks with straight edges (a zoom-out's bark in vertical columns, its sky in
 * tiles). Read through a smooth shift of up to a pixel and a half, the edges between copied
 * regions wander as a search's seams do; within a region nothing changes.
 */
const WANDER = 1.5;
const WANDER_CELL = 6;

/**
 * The wandering shift (pixels) at (x, y) for a level `factor` times finer than the field it
 * reads: it grows with the squares the field's matches would become. One key per axis.
 */
export function wanderShift(x: number, y: number, key: number, factor: number): number {
  const scale = factor / 2;
  return Math.round(WANDER * scale * valueNoise(x, y, key, WANDER_CELL * scale));
}

/**
 * Carries a coarse field to the next finer level: each fine target starts from twice its coarse
 * parent's offset, which keeps whole coherent regions copied together. A match that lands on
 * a non-source moves to the nearest source (a random one when none is near). With `wander`,
 * the parent is read through a smooth random shift (see WANDER).
 */
export function upsampleNnf(
  coarse: Nnf,
  coarseLevel: FillLevel,
  fine: FillLevel,
  sites: PatchSites,
  random: Random,
  { wander = false }: { wander?: boolean } = {},
): Nnf {
  const match = new Int32Array(fine.width * fine.height).fill(NOT_A_TARGET);
  const cost = new Float32Array(fine.width * fine.height);
  const cw = coarseLevel.width;
  const ch = coarseLevel.height;
  // drawn only when used, so fills without a copy level keep their random stream
  const key = wander ? Math.floor(random() * 0x7fffffff) : 0;
  // made once per level, not per fallback (see "Per-pixel passes" in docs/architecture.md)
  const isCoarseTarget = (i: number) => coarse.match[i]! >= 0;
  const isSource = (i: number) => sites.sourceOk[i] === 1;
  for (const t of sites.targets) {
    const x = t % fine.width;
    const y = (t - x) / fine.width;
    const cx = Math.max(0, Math.min(cw - 1, (x + (wander ? wanderShift(x, y, key, 2) : 0)) >> 1));
    const cy = Math.max(
      0,
      Math.min(ch - 1, (y + (wander ? wanderShift(x, y, key + 1, 2) : 0)) >> 1),
    );
    let m = coarse.match[cy * cw + cx]!;
    let ox = cx;
    let oy = cy;
    if (m < 0) {
      const near = nearestWhere(cw, ch, cy * cw + cx, 2, isCoarseTarget);
      if (near >= 0) {
        m = coarse.match[near]!;
        ox = near % cw;
        oy = (near - ox) / cw;
      }
    }
    let s = -1;
    if (m >= 0) {
      const mx = m % cw;
      const my = (m - mx) / cw;
      // the fine source keeps the same offset (doubled) as the coarse match of the parent
      const sx = x + 2 * (mx - ox);
      const sy = y + 2 * (my - oy);
      if (sx >= 0 && sy >= 0 && sx < fine.width && sy < fine.height) s = sy * fine.width + sx;
    }
    if (s >= 0 && sites.sourceOk[s] === 1) match[t] = s;
    else {
      // The parent's source is not one here (too near the hole, or out of this level's reach):
      // the closest one that is keeps the layout, where a random pick would be copied as a speck.
      const near =
        s >= 0 ? nearestWhere(fine.width, fine.height, s, NEAREST_SOURCE_RADIUS, isSource) : -1;
      match[t] = near >= 0 ? near : sites.sources[Math.floor(random() * sites.sources.length)]!;
    }
  }
  return { match, cost };
}

/** How far around an unusable source a usable one is looked for. */
const NEAREST_SOURCE_RADIUS = 16;

/**
 * The pixel closest to `p` (ring by ring, out to `radius`) for which `ok` holds, or -1. Used for
 * a usable source near an unusable one, and for a coarse target near a fine target's parent
 * that was none (a fine target by the level's edge).
 */
function nearestWhere(
  w: number,
  h: number,
  p: number,
  radius: number,
  ok: (i: number) => boolean,
): number {
  const px = p % w;
  const py = (p - px) / w;
  for (let r = 1; r <= radius; r++) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (let dy = -r; dy <= r; dy++) {
      const y = py + dy;
      if (y < 0 || y >= h) continue;
      const edge = dy === -r || dy === r;
      for (let dx = -r; dx <= r; dx += edge ? 1 : 2 * r) {
        const x = px + dx;
        const d = dx * dx + dy * dy;
        if (x < 0 || x >= w || d >= bestD || !ok(y * w + x)) continue;
        bestD = d;
        best = y * w + x;
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

/** Recomputes every target's cost for the current colours (they change after each vote). */
export function refreshCosts(level: FillLevel, sites: PatchSites, nnf: Nnf): void {
  for (const t of sites.targets) {
    nnf.cost[t] = patchCost(level, t, nnf.match[t]!, Number.POSITIVE_INFINITY);
  }
}

/**
 * Improves the field in place: `iterations` sweeps alternating scan direction, each target trying
 * its scan-order neighbours' shifted matches, then random candidates around its best within
 * `maxRadius`, halving the radius each time. Costs must be current (see refreshCosts). In an
 * outpaint's new area a candidate also pays for the repeats it would make (REPEAT_GREY).
 */
export function improveNnf(
  level: FillLevel,
  sites: PatchSites,
  nnf: Nnf,
  iterations: number,
  maxRadius: number,
  random: Random,
): void {
  const { width, height } = level;
  const { match, cost } = nnf;
  const { sourceOk, targets } = sites;
  const lastX = width - R - 1;
  const lastY = height - R - 1;
  const size = sourceOk.length;
  // The repeat cost depends on the neighbours' current matches, so it is weighed here, for
  // both the candidate and the target's own match, and never stored in `cost`. Only the
  // target's own match changes while it is visited: its repeat cost is taken once per visit.
  let here = -1;
  const tryMatch = (t: number, s: number) => {
    if (s < 0 || s >= size || sourceOk[s] !== 1 || s === match[t]) return;
    if (here < 0) here = repeatCost(level, match, t, match[t]!);
    // A candidate's own repeat cost is never negative: most lose on the patch alone.
    const c = patchCost(level, t, s, cost[t]! + here);
    if (c >= cost[t]! + here) return;
    const extra = repeatCost(level, match, t, s);
    if (c + extra < cost[t]! + here) {
      cost[t] = c;
      match[t] = s;
      here = extra;
    }
  };
  for (let iter = 0; iter < iterations; iter++) {
    const forward = iter % 2 === 0;
    const step = forward ? 1 : -1;
    for (let n = 0; n < targets.length; n++) {
      const t = targets[forward ? n : targets.length - 1 - n]!;
      here = -1;
      // Propagation: a neighbour's match shifted by one is likely a good match here too.
      const h = match[t - step]!;
      if (h >= 0) tryMatch(t, h + step);
      const vi = t - step * width;
      if (vi >= 0 && vi < size) {
        const v = match[vi]!;
        if (v >= 0) tryMatch(t, v + step * width);
      }
      // Random search around the current best, at exponentially shrinking radii.
      for (let radius = maxRadius; radius >= 1; radius >>= 1) {
        const best = match[t]!;
        const bx = best % width;
        const by = (best - bx) / width;
        const sx = clamp(bx + Math.round((random() * 2 - 1) * radius), R, lastX);
        const sy = clamp(by + Math.round((random() * 2 - 1) * radius), R, lastY);
        tryMatch(t, sy * width + sx);
      }
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * In an outpaint's new area, a candidate source costs as if every sample of the patch differed
 * by REPEAT_GREY grey levels more for each probe (REPEAT_PROBES) whose target already copies a
 * source within REPEAT_NEAR px of it (less where the unguided fill is trusted). The cheapest
 * source for a row of new stone or bark was the same one, again and again: the hilltop
 * sunset's Left outpaint at 800 px copied one detailed source again 12–96 px along a row for
 * 20–27% of its pairs, a lattice of one stone. Now 12–15%; Zoom out 1.5x 14–17% → 8–9%, Make
 * square 16–21% → 8–9% (`repeated` in `npm run bench:presets`). On the benchmark's 48
 * outpaints: layout mean 15.661 → 15.686 dB, texture ratios out of range 22 → 22, the 1 MP
 * zoom-out 22.99 → 22.91 dB (the edge smear 22.69). The 1 MP zoom-out's warm runs take
 * 2.61–2.69 s against 2.50–2.52 s without it (`bench-engine-profile.ts zoom-out 3`).
 */
const REPEAT_GREY = 10;

/**
 * Where an outpaint's unguided fill is trusted, repeats still count this much. Trusted ground
 * was copied from the stones the unguided fill picked, again and again: the hilltop sunset made
 * square at 800 px repeated one detailed source for 6–9% of its nearby pairs, 3–4% at half
 * weight (the test "a square's trusted ground").
 */
const TRUSTED_REPEAT_WEIGHT = 0.5;

/** A repeat of the same source within this many pixels, either way, counts. */
const REPEAT_NEAR = 2;

/**
 * Only busy sources are kept from repeating, in proportion to (detail / REPEAT_BUSY)², at most
 * 1: a sky or a wall repeated is invisible, a stone is not. At 8 the sunset's glow, barred from
 * its few calm sources, came back as a pale block with straight sides (the glow test failed on
 * both seeds); at 16 it passes with room to spare (0.035–0.041% against 0.08%).
 */
const REPEAT_BUSY = 16;

/** The targets 4, 8 and 16 px away along each axis: near enough to show a repeat as a pattern. */
const REPEAT_PROBES: readonly (readonly [number, number])[] = [4, 8, 16].flatMap((d) => [
  [d, 0] as const,
  [-d, 0] as const,
  [0, d] as const,
  [0, -d] as const,
]);

/** What copying `source` into `target` costs in repeats of it nearby (REPEAT_GREY). */
function repeatCost(level: FillLevel, match: Int32Array, target: number, source: number): number {
  const { trust, detail, width, height, bands } = level;
  if (!trust || !detail) return 0;
  const open = 1 - (1 - TRUSTED_REPEAT_WEIGHT) * trust[target]!;
  const busy = Math.min(1, (detail.source[source]! / REPEAT_BUSY) ** 2);
  if (busy <= 0) return 0;
  const tx = target % width;
  const ty = (target - tx) / width;
  const sx = source % width;
  const sy = (source - sx) / width;
  let repeats = 0;
  for (const [dx, dy] of REPEAT_PROBES) {
    const x = tx + dx;
    const y = ty + dy;
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const m = match[y * width + x]!;
    if (m < 0) continue;
    const mx = m % width;
    if (Math.abs(mx - sx) <= REPEAT_NEAR && Math.abs((m - mx) / width - sy) <= REPEAT_NEAR)
      repeats++;
  }
  return repeats * REPEAT_GREY * REPEAT_GREY * PATCH_AREA * bands * open * busy;
}
