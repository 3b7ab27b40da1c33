/**
 * Where an outpaint may keep what an unguided patch fill makes of it. The calm machinery (the
 * layout guide, the clamp, the edge anchor) is there for new area the photo says nothing about:
 * copied unguided, a sky cut off above a lake fills with boats and shore, a garage's wall with
 * motorbike parts. But where the photo simply goes on (a brick wall, a forest of trunks, bark),
 * the unguided fill is the right one: it carries the pattern on, and the calm machinery only
 * smears it (on the benchmark, bricks came out as a grey smear with a texture ratio of 0.38).
 *
 * So an outpaint's coarsest level is first filled without its guide, and that fill is trusted
 * where it looks like the edge continued outward (the guide's colour: each new pixel its
 * nearest photo pixel's), at a blur that lets a trunk or a brick's mortar differ while a boat or
 * a shoreline does not, and where it is no busier than the photo is along its edge: a lattice
 * fragment in a plain sky is as close in colour as the sky but far busier. The busyness is the
 * photo's own, carried straight out, not the continuation's: that is a blur, and held to it a
 * brick wall's courses counted as garbage and were faded into flat grey.
 */

import { type FillLevel, lumaPlane } from "./fill-level";
import { guideColour } from "./layout-guide";
import { nearestFill } from "./nearest-fill";
import { gaussianBlur } from "./outpaint-anchor";

/** Both fills are compared after a blur of this many coarse pixels. */
const COMPARE_SIGMA = 1.5;
/** colour distance (RGB, grey levels) up to which the fill is fully trusted … */
const TRUSTED = 12;
/** … and from which it is not trusted at all */
const UNTRUSTED = 28;
/** Busyness (local luma deviation) the fill may exceed the continuation's by, in grey levels. */
const BUSY_SLACK = 3;
/** How many grey levels of colour distance each grey level of extra busyness counts as. */
const BUSY_WEIGHT = 2;
/**
 * The trust map is smoothed over this many coarse pixels: an island of distrust inside trusted
 * bark would become a calm, pale blob of the guided fill.
 */
const TRUST_SIGMA = 2.5;

/**
 * Per pixel of `level` (an outpaint's coarsest level, its hole holding the unguided fill and
 * its guide the nearest continuation), 0–1: how far the unguided fill is trusted. Kept
 * pixels are 1.
 */
export function unguidedTrust(level: FillLevel): Float32Array {
  const { width, height, bands, colour, hole, guide } = level;
  if (!guide) throw new Error("unguidedTrust needs the level's guide");
  const continued = guideColour(level);
  const fill = gaussianBlur(colour, width, height, bands, COMPARE_SIGMA);
  const edge = gaussianBlur(continued, width, height, bands, COMPARE_SIGMA);
  const fillBusy = busyness(level);
  // each new pixel the busyness of its nearest photo pixel, measured on the photo alone
  const photo = { width, height, bands, hole, colour: nearestFill(level) };
  const edgeBusy = nearestFill({ ...photo, bands: 1, colour: busyness(photo) });
  const trust = new Float32Array(width * height).fill(1);
  for (let i = 0; i < trust.length; i++) {
    if (hole[i] === 0) continue;
    let d = 0;
    for (let c = 0; c < bands; c++) d += (fill[i * bands + c]! - edge[i * bands + c]!) ** 2;
    d += (BUSY_WEIGHT * Math.max(0, fillBusy[i]! - edgeBusy[i]! - BUSY_SLACK)) ** 2;
    const t = (UNTRUSTED - Math.sqrt(d)) / (UNTRUSTED - TRUSTED);
    trust[i] = t < 0 ? 0 : t > 1 ? 1 : t;
  }
  const smooth = gaussianBlur(trust, width, height, 1, TRUST_SIGMA);
  for (let i = 0; i < trust.length; i++) if (hole[i] !== 0) trust[i] = smooth[i]!;
  return trust;
}

/** Local standard deviation of luma, over about COMPARE_SIGMA coarse pixels. */
function busyness(level: Pick<FillLevel, "width" | "height" | "colour" | "bands">): Float32Array {
  const { width, height } = level;
  const luma = lumaPlane(level);
  const mean = gaussianBlur(luma, width, height, 1, 1);
  const square = luma.map((v, i) => (v - mean[i]!) ** 2);
  // running sums can leave a hair below zero where the deviation is nil
  return gaussianBlur(square, width, height, 1, COMPARE_SIGMA).map((v) =>
    Math.sqrt(Math.max(0, v)),
  );
}
