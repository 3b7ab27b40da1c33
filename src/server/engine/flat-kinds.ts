/**
 * Flat-colour surroundings: a silhouette, a logo, a diagram. Their pixels are a few colours that
 * meet in sharp outlines, and nothing else (but the outlines' one-pixel anti-aliasing). A blend
 * of two such colours exists in them only along an outline, so a calm step that blends a fill
 * towards its membrane (calm-fill.ts) turned a black horse's legs and the white around them
 * into a grey cloud in the mask's shape. There the fill is drawn in the surroundings' own
 * colours instead: each pixel takes the kind nearest to its colour, which places an outline
 * where the colour crosses halfway (across a smooth continuation, a smooth curve), and the
 * outlines are anti-aliased as the photo's are.
 */
import type { FillLevel } from "./fill-level";
import { nearestCentre } from "./sharpened-membrane";

/** A pixel belongs to a kind when no band lies further than this from the kind's colour. */
const FLAT_TOLERANCE = 10;
/**
 * At least this share of the surroundings must belong to a kind: the rest is the outlines'
 * anti-aliasing. The benchmark's horse silhouette measures 0.95–0.99 around its removals; its
 * other photos 0.45–0.91 (a brick wall's greys 0.91, kept out by MIN_KIND_STEP).
 */
const MIN_COVERED = 0.9;
/** A kind holds at least this share of the surroundings; rarer colours are specks. */
const MIN_KIND_SHARE = 0.02;
/** At most this many kinds: more is a picture, not a graphic. */
const MAX_KINDS = 4;
/**
 * Kinds are at least this far apart in some band: colours closer than this are the steps of a
 * gradient or the shades of a texture (a brick wall's face and mortar, 17 apart), which a
 * graphic's colours are not.
 */
const MIN_KIND_STEP = 48;
/** The histogram's bins, in grey levels per band. */
const BIN = 8;

/**
 * The flat colours of the pixels `pixels` (indices into `level`: the hole's surroundings), or
 * null when they are not a few flat colours (see the module's comment).
 */
export function flatKinds(level: FillLevel, pixels: ArrayLike<number>): Float32Array[] | null {
  const { bands, colour } = level;
  const n = pixels.length;
  if (n === 0) return null;
  const bins = 256 / BIN;
  const binOf = (p: number) => {
    let b = 0;
    for (let c = 0; c < bands; c++) {
      b = b * bins + Math.min(bins - 1, Math.max(0, Math.floor(colour[p * bands + c]! / BIN)));
    }
    return b;
  };
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const b = binOf(pixels[i]!);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const kinds: Float32Array[] = [];
  const claimed = new Uint8Array(n);
  let covered = 0;
  // every seed claims at least its own bin; past this many the colours are not a few
  for (let seeds = 0; seeds < 2 * MAX_KINDS; seeds++) {
    // the fullest bin not yet claimed seeds the next kind
    let seed = -1;
    let most = 0;
    for (const [b, count] of counts) {
      if (count > most) {
        most = count;
        seed = b;
      }
    }
    if (seed < 0 || most < MIN_KIND_SHARE * n) break;
    const centre = new Float32Array(bands);
    for (let c = bands - 1, b = seed; c >= 0; c--, b = Math.floor(b / bins)) {
      centre[c] = ((b % bins) + 0.5) * BIN;
    }
    // its colour: the mean of the unclaimed pixels near the seed; then who lies near that
    const sum = new Float64Array(bands);
    let near = 0;
    for (let i = 0; i < n; i++) {
      if (claimed[i] || !within(colour, bands, pixels[i]!, centre, BIN)) continue;
      for (let c = 0; c < bands; c++) sum[c]! += colour[pixels[i]! * bands + c]!;
      near++;
    }
    for (let c = 0; c < bands; c++) centre[c] = sum[c]! / Math.max(1, near);
    let members = 0;
    for (let i = 0; i < n; i++) {
      if (claimed[i] || !within(colour, bands, pixels[i]!, centre, FLAT_TOLERANCE)) continue;
      claimed[i] = 1;
      members++;
      counts.delete(binOf(pixels[i]!));
    }
    counts.delete(seed);
    if (members < MIN_KIND_SHARE * n) continue;
    if (kinds.length === MAX_KINDS) return null;
    kinds.push(centre);
    covered += members;
  }
  if (kinds.length < 2 || covered < MIN_COVERED * n) return null;
  for (let a = 0; a < kinds.length; a++) {
    for (let b = a + 1; b < kinds.length; b++) {
      if (largestStep(kinds[a]!, kinds[b]!) < MIN_KIND_STEP) return null;
    }
  }
  return kinds;
}

/**
 * The share of `pixels` (as flatKinds') beside a pixel of another kind, right or below: a
 * silhouette's surroundings are large areas with an outline through them (0.007–0.024 around
 * the benchmark's horse), a pattern of flat colours (a dither, a speckle) is outline nearly
 * everywhere (0.44 around a two-pixel speckle).
 */
export function outlineShare(level: FillLevel, pixels: ArrayLike<number>, kinds: Float32Array[]) {
  const { width, height, bands, colour } = level;
  // each pixel's kind once: a pixel is read as itself and as its neighbours' neighbour
  const kindOf = new Int8Array(width * height).fill(-1);
  const kind = (p: number) => {
    if (kindOf[p] === -1) kindOf[p] = nearestCentre(colour, bands, bands, p, kinds);
    return kindOf[p]!;
  };
  let outline = 0;
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    const k = kind(p);
    const right = p % width < width - 1 && kind(p + 1) !== k;
    const below = p + width < width * height && kind(p + width) !== k;
    if (right || below) outline++;
  }
  return outline / Math.max(1, pixels.length);
}

/**
 * Each hole pixel of `level` redrawn in the kinds. A pixel takes the kind nearest its colour,
 * and the second nearest by how far the line where its colour crosses halfway between the two
 * runs through it: that line is the outline, drawn anti-aliased over a pixel, as the photo's
 * own are. Where the colours already are kinds (a fine pattern of them) nothing moves. Kept
 * pixels are never written.
 */
export function drawInKinds(level: FillLevel, kinds: Float32Array[]): void {
  const { width, height, bands, hole } = level;
  // read from a copy: the pixels are redrawn in place, and their neighbours judged after them
  const judged = level.colour.slice();
  const drawn = new Float32Array(bands);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (hole[p] === 0) continue;
      const a = nearestCentre(judged, bands, bands, p, kinds);
      const from = kinds[a]!;
      const to = kinds[nearestCentre(judged, bands, bands, p, kinds, a)]!;
      const t = towards(judged, bands, p, from, to);
      const right = towards(judged, bands, x < width - 1 ? p + 1 : p, from, to);
      const left = towards(judged, bands, x > 0 ? p - 1 : p, from, to);
      const down = towards(judged, bands, y < height - 1 ? p + width : p, from, to);
      const up = towards(judged, bands, y > 0 ? p - width : p, from, to);
      const gradient = Math.hypot((right - left) / 2, (down - up) / 2);
      // pixels from the halfway line, on the nearest kind's side; the second kind covers what
      // of this pixel lies beyond the line
      const distance = (0.5 - t) / Math.max(1e-6, gradient);
      const cover = Math.min(1, Math.max(0, 0.5 - distance));
      for (let c = 0; c < bands; c++) drawn[c] = from[c]! + cover * (to[c]! - from[c]!);
      level.colour.set(drawn, p * bands);
    }
  }
}

/** How far pixel `q`'s colour lies from kind `from` towards kind `to`, 0–1. */
function towards(
  colour: Float32Array,
  bands: number,
  q: number,
  from: Float32Array,
  to: Float32Array,
): number {
  let along = 0;
  let length = 0;
  for (let c = 0; c < bands; c++) {
    along += (colour[q * bands + c]! - from[c]!) * (to[c]! - from[c]!);
    length += (to[c]! - from[c]!) ** 2;
  }
  return Math.min(1, Math.max(0, along / length));
}

function within(
  colour: Float32Array,
  bands: number,
  p: number,
  centre: Float32Array,
  tolerance: number,
): boolean {
  for (let c = 0; c < bands; c++) {
    if (Math.abs(colour[p * bands + c]! - centre[c]!) > tolerance) return false;
  }
  return true;
}

function largestStep(a: Float32Array, b: Float32Array): number {
  let step = 0;
  for (let c = 0; c < a.length; c++) step = Math.max(step, Math.abs(a[c]! - b[c]!));
  return step;
}
