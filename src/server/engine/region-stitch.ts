import { grown } from "../../typed-arrays";
import { findRoot, unionSets } from "../../union-find";
import type { FillLevel } from "./fill-level";

/**
 * Gradient-domain stitching of a patch fill, one colour offset per copied region. The finest
 * level copies pixels from kept ones, in coherent regions (neighbours copied from neighbours).
 * Inside a region the fill has the photo's own gradients; across the border between two
 * regions it has whatever step their sources' colours make, and in a smooth area that step
 * shows: a graded sky filled from patches at different heights comes out in terraces, a bokeh
 * in blotches with sharp contours, where the photo has none.
 *
 * So each region gets the colour offset that makes its borders carry its sources' own gradients
 * (what the pixel beside each source holds), in the least-squares sense: the Poisson equation
 * of gradient-domain compositing (Pérez et al. 2003, the stitching of Agarwala et al. 2004),
 * solved over regions instead of pixels, which is small and leaves every region's texture as
 * copied. Kept pixels are fixed, so a region at the hole's edge is pulled to meet the photo
 * too. Borders whose step is far from any offset (a plank's edge against grass) are real
 * structure and weigh less, and a weak pull towards no offset keeps the solution from
 * drifting where regions are only tied to each other.
 */

/** Per pixel, 1/λ: how many pixels a region must have before the pull to no offset matters. */
const ANCHOR_PIXELS = 1_000;
/** A border's mismatch (luma, grey levels) at which it counts half: steps beyond are structure. */
export const ROBUST_STEP = 16;
/** The solve stops when the residual is this fraction of where it started (or after so many rounds). */
const TOLERANCE = 1e-2;
const MAX_ITERATIONS = 150;

/**
 * `from[p]` is the kept pixel that hole pixel p was copied from, or -1 where the fill is an
 * estimate with no source (which then counts as one smooth region with its like neighbours).
 * `robustStep(p)`: the mismatch at which a border starting at pixel p counts half (ROBUST_STEP
 * unless the caller knows better there). Shifts each copied region of `level`'s hole by its
 * stitching offset, in place.
 */
export function stitchRegions(
  level: FillLevel,
  from: Int32Array,
  robustStep: (p: number) => number = () => ROBUST_STEP,
): void {
  const { width, height, bands, colour } = level;
  const region = coherentRegions(level, from);
  let regions = 0;
  for (let p = 0; p < region.length; p++) if (region[p]! + 1 > regions) regions = region[p]! + 1;
  if (regions === 0) return;

  const size = new Float64Array(regions);
  for (let p = 0; p < region.length; p++) if (region[p]! >= 0) size[region[p]!]!++;
  const diag = new Float64Array(regions);
  for (let r = 0; r < regions; r++) diag[r] = size[r]! / ANCHOR_PIXELS;
  const rhs = new Float64Array(regions * bands);

  const step = new Float64Array(bands);
  const lumaWeights = bands === 1 ? [1] : [0.299, 0.587, 0.114];
  const pairs = new PairWeights();
  /** the border between pixels a and b = a + d (d = 1 or width), in different regions */
  const border = (a: number, b: number, d: number) => {
    if (!targetStep(level, from, a, b, d, step)) return;
    const ra = region[a]!;
    const rb = region[b]!;
    // step becomes the mismatch: what the fill has across the border minus what it should have
    let luma = 0;
    for (let c = 0; c < bands; c++) {
      step[c] = colour[b * bands + c]! - colour[a * bands + c]! - step[c]!;
      luma += lumaWeights[c]! * step[c]!;
    }
    const w = 1 / (1 + (luma / robustStep(a)) ** 2);
    // the offsets wanted: o_b − o_a = −mismatch
    if (ra >= 0) {
      diag[ra]! += w;
      for (let c = 0; c < bands; c++) rhs[ra * bands + c]! += w * step[c]!;
    }
    if (rb >= 0) {
      diag[rb]! += w;
      for (let c = 0; c < bands; c++) rhs[rb * bands + c]! -= w * step[c]!;
    }
    if (ra >= 0 && rb >= 0) pairs.add(Math.min(ra, rb), Math.max(ra, rb), w);
  };
  // Most neighbours share a region: that test is made here, not in a call per pair of pixels.
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      // kept pixels are all region -1, so two regions that differ hold a hole pixel
      const r = region[p]!;
      if (x + 1 < width && r !== region[p + 1]) border(p, p + 1, 1);
      if (y + 1 < height && r !== region[p + width]) border(p, p + width, width);
    }
  }

  const offset = solveRegions(diag, pairs.done(), rhs, bands);
  for (let p = 0; p < region.length; p++) {
    const r = region[p]!;
    if (r < 0) continue;
    for (let c = 0; c < bands; c++) colour[p * bands + c]! += offset[r * bands + c]!;
  }
}

/**
 * Hole pixels joined into regions where neighbours were copied from neighbours (or are both
 * estimates); -1 for kept pixels.
 */
export function coherentRegions(level: FillLevel, from: Int32Array): Int32Array {
  const { width, height, hole } = level;
  const parent = new Int32Array(hole.length).fill(-1);
  for (let p = 0; p < hole.length; p++) if (hole[p] !== 0) parent[p] = p;
  const coherent = (a: number, b: number, d: number) =>
    from[a] === -1 ? from[b] === -1 : from[b] === from[a]! + d;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      if (x + 1 < width && hole[p + 1] !== 0 && coherent(p, p + 1, 1)) unionSets(parent, p, p + 1);
      if (y + 1 < height && hole[p + width] !== 0 && coherent(p, p + width, width)) {
        unionSets(parent, p, p + width);
      }
    }
  }
  // A set's root is its smallest pixel, so in pixel order every root comes before its members:
  // the array can be relabelled in place (a root's slot takes its region's number, which the
  // members then read), with no second per-pixel array on a huge outpaint.
  for (let p = 0; p < hole.length; p++) if (hole[p] !== 0) findRoot(parent, p);
  let next = 0;
  for (let p = 0; p < hole.length; p++) {
    if (hole[p] === 0) continue;
    const root = parent[p]!;
    parent[p] = root === p ? next++ : parent[root]!;
  }
  return parent;
}

/**
 * What the fill should step by from pixel a to b = a + d, per band, into `out`: the photo's
 * gradient at the sources (the mean of a's and b's when both are copied). False when neither
 * pixel was copied.
 */
function targetStep(
  level: FillLevel,
  from: Int32Array,
  a: number,
  b: number,
  d: number,
  out: Float64Array,
): boolean {
  const { bands, hole } = level;
  const sa = hole[a] !== 0 ? from[a]! : -1;
  const sb = hole[b] !== 0 ? from[b]! : -1;
  if (sa < 0 && sb < 0) return false;
  out.fill(0);
  const n =
    (sa >= 0 ? addSourceGradient(level, sa, d, out) : 0) +
    (sb >= 0 ? addSourceGradient(level, sb, d, out) : 0);
  if (n === 0) return false;
  for (let c = 0; c < bands; c++) out[c]! /= n;
  return true;
}

/**
 * Adds the photo's gradient at kept pixel s along d (1 = right, width = down) to `out`: the
 * step to the next pixel, or from the one before where the next is not kept. Returns how
 * many gradients it added (0 or 1).
 */
function addSourceGradient(level: FillLevel, s: number, d: number, out: Float64Array): number {
  const { width, bands, colour, hole } = level;
  const x = s % width;
  const next = s + d;
  const before = s - d;
  let from: number;
  let to: number;
  if (next < hole.length && (d !== 1 || x + 1 < width) && hole[next] === 0) {
    from = s;
    to = next;
  } else if (before >= 0 && (d !== 1 || x > 0) && hole[before] === 0) {
    from = before;
    to = s;
  } else return 0;
  for (let c = 0; c < bands; c++) out[c]! += colour[to * bands + c]! - colour[from * bands + c]!;
  return 1;
}

/**
 * Conjugate gradients on (diag − pair weights) · x = rhs, a symmetric, diagonally dominant
 * system (a graph Laplacian plus the pulls to zero and to kept pixels), Jacobi-preconditioned;
 * one run per band, stepped together so each pass over the pairs serves every band. `rhs` and
 * the result hold `bands` values per region.
 */
function solveRegions(
  diag: Float64Array,
  pairs: { a: Int32Array; b: Int32Array; w: Float64Array },
  rhs: Float64Array,
  bands: number,
): Float64Array {
  const regions = diag.length;
  const n = regions * bands;
  const { a: pairA, b: pairB, w: pairW } = pairs;
  const multiply = (v: Float64Array, out: Float64Array) => {
    for (let g = 0, i = 0; g < regions; g++) {
      const d = diag[g]!;
      for (let c = 0; c < bands; c++, i++) out[i] = d * v[i]!;
    }
    for (let k = 0; k < pairW.length; k++) {
      const a = pairA[k]! * bands;
      const b = pairB[k]! * bands;
      const w = pairW[k]!;
      for (let c = 0; c < bands; c++) {
        out[a + c]! -= w * v[b + c]!;
        out[b + c]! -= w * v[a + c]!;
      }
    }
  };
  /** per band, the sum of u·v */
  const dots = (u: Float64Array, v: Float64Array) => {
    const sums = new Float64Array(bands);
    for (let i = 0; i < n; i += bands) {
      for (let c = 0; c < bands; c++) sums[c]! += u[i + c]! * v[i + c]!;
    }
    return sums;
  };
  const x = new Float64Array(n);
  const r = rhs.slice();
  const z = new Float64Array(n);
  for (let g = 0, i = 0; g < regions; g++) {
    for (let c = 0; c < bands; c++, i++) z[i] = r[i]! / diag[g]!;
  }
  const p = z.slice();
  const q = new Float64Array(n);
  let rz = dots(r, z);
  let rr = dots(r, r);
  const stop = rr.map((v) => v * TOLERANCE ** 2);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    if (rr.every((v, c) => v <= stop[c]!)) break;
    multiply(p, q);
    const pq = dots(p, q);
    const alpha = pq.map((v, c) => (v > 0 ? rz[c]! / v : 0));
    // One pass steps x and r, preconditions r into z and sums r·r and r·z for the next round:
    // the vectors are walked three times a round instead of seven.
    rr = new Float64Array(bands);
    const next = new Float64Array(bands);
    for (let g = 0, i = 0; g < regions; g++) {
      const d = diag[g]!;
      for (let c = 0; c < bands; c++, i++) {
        x[i]! += alpha[c]! * p[i]!;
        r[i]! -= alpha[c]! * q[i]!;
        z[i] = r[i]! / d;
        rr[c]! += r[i]! * r[i]!;
        next[c]! += r[i]! * z[i]!;
      }
    }
    const beta = next.map((v, c) => (rz[c]! > 0 ? v / rz[c]! : 0));
    for (let i = 0; i < n; i += bands) {
      for (let c = 0; c < bands; c++) p[i + c] = z[i + c]! + beta[c]! * p[i + c]!;
    }
    rz = next;
  }
  return x;
}

/**
 * The summed border weight of each pair of neighbouring regions (a < b), kept in the order the
 * pairs are first met, which the solve's sums follow: an open-addressing table, as a Map from
 * pair to index cost more than the rest of the stitch's border pass on a 1 MP outpaint.
 */
class PairWeights {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private w = new Float64Array(1024);
  private count = 0;
  /** per slot, the pair's index + 1, or 0 where the slot is free */
  private slots = new Int32Array(2048);

  add(a: number, b: number, w: number): void {
    const mask = this.slots.length - 1;
    for (let h = pairHash(a, b) & mask; ; h = (h + 1) & mask) {
      const k = this.slots[h]! - 1;
      if (k < 0) {
        this.append(h, a, b, w);
        return;
      }
      if (this.a[k] === a && this.b[k] === b) {
        this.w[k]! += w;
        return;
      }
    }
  }

  done(): { a: Int32Array; b: Int32Array; w: Float64Array } {
    const n = this.count;
    return { a: this.a.subarray(0, n), b: this.b.subarray(0, n), w: this.w.subarray(0, n) };
  }

  private append(slot: number, a: number, b: number, w: number): void {
    const k = this.count++;
    if (k === this.a.length) {
      this.a = grown(this.a, 2 * k);
      this.b = grown(this.b, 2 * k);
      this.w = grown(this.w, 2 * k);
    }
    this.a[k] = a;
    this.b[k] = b;
    this.w[k] = w;
    this.slots[slot] = k + 1;
    // at most half full, so probes stay short
    if (2 * this.count > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let h = pairHash(this.a[k]!, this.b[k]!) & mask;
      while (this.slots[h] !== 0) h = (h + 1) & mask;
      this.slots[h] = k + 1;
    }
  }
}

function pairHash(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77);
}
