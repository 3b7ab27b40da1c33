import { type FillLevel, lumaRow } from "./fill-level";
import { drawInKinds, flatKinds, outlineShare } from "./flat-kinds";
import { distanceToUnmasked, keptPixels } from "./mask-geometry";
import { membraneAtScale, thinPlateAtScale } from "./membrane-fill";

/**
 * A removal's fill may be no busier than its surroundings. In an out-of-focus background (a
 * bokeh behind a bird, a plain backdrop) every patch matches about equally well, and the patch
 * fill becomes a patchwork: blocks of different colours with sharp seams between them, where
 * the photo has only soft gradients. So the fill's mean gradient is compared with that of the
 * kept pixels around the hole; where it is more than CALM_RATIO times theirs, the fill's
 * departure from the smoothest continuation of the surroundings (a membrane) is scaled down
 * until it is not. Textured surroundings (bark, planks, grass) are as busy as their fill and
 * are left as they are. Where the surroundings are a few flat colours (flat-kinds.ts), the
 * fill is redrawn in them: calmed towards the membrane, a black horse and the white around it
 * had blended into a grey cloud in the mask's shape. Kept pixels are never written.
 */
export function calmFill(level: FillLevel): void {
  const { width, height, bands, colour, hole } = level;
  // for kept pixels, how far the hole is
  const fromHole = distanceToUnmasked(keptPixels(hole), width, height);
  // each pixel's luma once, where the gradients read three per pixel
  let here = new Float64Array(width);
  let below = new Float64Array(width);
  lumaRow(level, 0, here);
  let ringSum = 0;
  let fillSum = 0;
  let fillN = 0;
  const ring: number[] = [];
  for (let y = 0; y < height - 1; y++) {
    lumaRow(level, y + 1, below);
    for (let x = 0; x < width - 1; x++) {
      const p = y * width + x;
      const inHole = hole[p] !== 0 || hole[p + 1] !== 0 || hole[p + width] !== 0;
      const l = here[x]!;
      const g = Math.hypot(here[x + 1]! - l, below[x]! - l);
      if (hole[p] !== 0) {
        fillSum += g;
        fillN++;
      } else if (!inHole && fromHole[p]! <= RING) {
        ringSum += g;
        ring.push(p);
      }
    }
    [here, below] = [below, here];
  }
  if (ring.length === 0 || fillN === 0) return;
  const kinds = flatKinds(level, ring);
  const allowed = CALM_RATIO * (ringSum / ring.length);
  const busy = fillSum / fillN;
  const calm = busy > allowed;
  if (calm) {
    // Around a silhouette the smoothest continuation itself, drawn in its colours below: any
    // share of a jagged patch fill left in it puts its jags in the redrawn outline. A pattern
    // of flat colours keeps its share of the fill's, as any texture does.
    const silhouette = kinds !== null && outlineShare(level, ring, kinds) < MAX_OUTLINE_SHARE;
    const keep = silhouette ? 0 : allowed / busy;
    // A thin plate, not a membrane, around a silhouette: its outlines are drawn at the fill's
    // halfway level, which a membrane sags away from inside the hole (thinPlateAtScale).
    const smooth = silhouette ? thinPlateAtScale(level) : membraneAtScale(level);
    for (let p = 0; p < hole.length; p++) {
      if (hole[p] === 0) continue;
      for (let c = 0; c < bands; c++) {
        const i = p * bands + c;
        colour[i] = smooth[i]! + keep * (colour[i]! - smooth[i]!);
      }
    }
  }
  if (kinds) drawInKinds(level, kinds);
}

/**
 * The fill may be as busy as its surroundings (mean gradient), no more. On the benchmark's 36
 * removals this changes five: the horse's blob rises above the edge smear's layout (9.78 to
 * 10.66 dB) and the bird's bokeh ellipse comes into the texture range (1.41 to 1.29); the
 * horse's ellipse loses 0.9 dB (11.92 to 11.00, the smear 8.07). At 1.2 only the horses change.
 */
const CALM_RATIO = 1;
/** The surroundings: kept pixels within this many pixels of the hole. */
const RING = 15;
/** Flat surroundings with at most this share of outline are a silhouette's (outlineShare). */
const MAX_OUTLINE_SHARE = 0.15;
