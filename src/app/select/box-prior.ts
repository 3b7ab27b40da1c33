import type { PixelBox } from "../editor/apply-mask-op";
import { trimSelection } from "./selection";

/**
 * What a box drawn around an object says beyond "the object is inside": the object reaches
 * every side of it (people draw boxes tight), and what is outside it is the background. GrabCut
 * uses only the second, through five-Gaussian colour models, which lump a dark hull with the dark
 * ground and water around it. These helpers check the first and sharpen the second.
 */

/**
 * The widest gap between a cut and the box it came from: the largest distance from a side of
 * `box` to the cut's bounds, as a fraction of the box's longer side (1 for an empty cut). A
 * cut that leaves a side far behind has very likely lost part of the object there.
 */
export function widestGap(mask: Uint8Array, width: number, height: number, box: PixelBox): number {
  const cut = trimSelection(mask, { x: 0, y: 0, width, height })?.box;
  if (!cut) return 1;
  const gap = Math.max(
    cut.x - box.x,
    cut.y - box.y,
    box.x + box.width - cut.x - cut.width,
    box.y + box.height - cut.y - cut.height,
  );
  return Math.max(0, gap) / Math.max(box.width, box.height);
}

/** Histogram cells per chromaticity axis for `marginColours`: coarse enough to fill from a margin. */
const CHROMA = 16;

/**
 * Marks as `unlikely` the pixels labelled `inside` whose colour is commoner in the margin
 * (pixels labelled `outside`) than in the box, in place. GrabCut's first object model is fitted
 * to the whole box, background included, so a small dark object part is absorbed by the
 * background's dark Gaussian; starting from this colour evidence instead keeps the object's
 * rare colours in the object model. Colours are compared by chromaticity (r/(r+g+b),
 * g/(r+g+b)) in a dark and a light half: a shadow the object casts on the ground has the
 * ground's chromaticity, only darker, and lies inside the box, where a full colour histogram
 * would count it as the object's. `rgb` holds 3 bytes per label.
 */
export function marginColours(
  rgb: Uint8Array,
  labels: Uint8Array,
  codes: { outside: number; inside: number; unlikely: number },
): void {
  const cell = (i: number) => {
    const r = rgb[3 * i]!;
    const g = rgb[3 * i + 1]!;
    const sum = r + g + rgb[3 * i + 2]! + 1;
    const cr = Math.min(CHROMA - 1, Math.floor((CHROMA * r) / sum));
    const cg = Math.min(CHROMA - 1, Math.floor((CHROMA * g) / sum));
    return ((sum >= 383 ? CHROMA : 0) + cr) * CHROMA + cg;
  };
  const margin = new Float64Array(2 * CHROMA * CHROMA);
  const box = new Float64Array(margin.length);
  let inMargin = 0;
  let inBox = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === codes.outside) {
      margin[cell(i)]! += 1;
      inMargin++;
    } else if (labels[i] === codes.inside) {
      box[cell(i)]! += 1;
      inBox++;
    }
  }
  if (inMargin === 0 || inBox === 0) return;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== codes.inside) continue;
    const c = cell(i);
    // Half a count keeps a colour seen once on one side from deciding alone.
    if ((box[c]! + 0.5) / inBox < (margin[c]! + 0.5) / inMargin) labels[i] = codes.unlikely;
  }
}

const LIFT = Array.from({ length: 256 }, (_, v) => Math.round(255 * Math.sqrt(v / 255)));

/**
 * The colours with their shadows lifted (a square-root curve): 8-bit sRGB keeps few levels
 * for dark colours, so a dark red hull and dark grey gravel sit a few levels apart, too close
 * for GrabCut's colour models and its edge weights; the curve spreads them ~4× apart.
 */
export function liftShadows(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) out[i] = LIFT[rgb[i]!]!;
  return out;
}
