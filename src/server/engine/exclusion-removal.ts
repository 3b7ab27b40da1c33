/**
 * The designer's "Don't copy from" area (`fillpaint_exclude_mask`), honoured by taking it out of
 * the photo first. Its pixels stay in the result, but the fill runs on a photo in which they were
 * removed as a hole of their own, filled from the rest: every pass that reads the surroundings
 * (the patches, the layout guide, the calm far field, the seams) then sees what lies around the
 * excluded thing, carried through where it stood, instead of a gap.
 *
 * Kept unknown inside the fill instead, an excluded area left a gap in every pass: beside the
 * sample's sundial, excluded for a Right outpaint, the new ground had no ground within reach to
 * copy and came out as a flat grey haze with a hard edge where the photo's snow ended. Removed
 * first, the sundial's place holds snow and grass, and the new ground carries them on.
 */
import type { FillTask } from "./fill-task";
import { keptPixels, maskBounds } from "./mask-geometry";

export interface PassOptions {
  onProgress?: (fraction: number) => void;
  onSources?: (from: Int32Array) => void;
}

/** A fill of a task without an exclusion, as the engine's front door runs it. */
export type Fill = (task: FillTask, options: PassOptions) => Uint8Array;

/**
 * Fills `task` with its excluded area removed first: the excluded kept pixels, and whatever of
 * the hole lies within the kept pixels' bounds, are filled together by `fill` on that box (a
 * removal of the excluded thing, from the rest of the photo); the rest of the hole (an
 * outpaint's new area) is then filled by `fill` from that cleaned photo. Kept pixels come back
 * as they were. `onSources` gets the composed map: a pixel copied from where the excluded area
 * was is reported as copied from what filled it there.
 */
export function fillWithoutExcluded(task: FillTask, fill: Fill, options: PassOptions): Uint8Array {
  const { pixels, width, height, channels, mask } = task;
  const exclude = task.exclude!;
  const kept = keptPixels(mask);
  const box = maskBounds(kept, width, height)!;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  // the first pass: on the kept pixels' box, the excluded area and the hole within the box
  const inBox = new Uint8Array(bw * bh);
  const boxPixels = new Uint8Array(bw * bh * channels);
  for (let y = 0; y < bh; y++) {
    const row = (y + box.y0) * width + box.x0;
    boxPixels.set(pixels.subarray(row * channels, (row + bw) * channels), y * bw * channels);
    for (let x = 0; x < bw; x++) inBox[y * bw + x] = exclude[row + x] || mask[row + x] ? 1 : 0;
  }
  const rest = mask.slice();
  for (let y = 0; y < bh; y++)
    rest.fill(0, (y + box.y0) * width + box.x0, (y + box.y0) * width + box.x1);
  const twoPasses = rest.includes(1);
  const share = twoPasses ? 0.5 : 1;
  const toImage = (b: number) => (box.y0 + Math.floor(b / bw)) * width + box.x0 + (b % bw);
  let firstSources: Int32Array | null = null;
  const removed = fill(
    { ...task, pixels: boxPixels, width: bw, height: bh, mask: inBox, exclude: undefined },
    {
      onProgress: options.onProgress && ((f) => options.onProgress!(f * share)),
      onSources: (from) => {
        firstSources = new Int32Array(width * height).fill(-1);
        for (let b = 0; b < from.length; b++) {
          if (from[b]! >= 0) firstSources[toImage(b)] = toImage(from[b]!);
        }
      },
    },
  );
  const cleaned = pixels.slice();
  for (let y = 0; y < bh; y++) {
    const row = (y + box.y0) * width + box.x0;
    cleaned.set(removed.subarray(y * bw * channels, (y + 1) * bw * channels), row * channels);
  }
  let secondSources: Int32Array | null = null;
  const out = twoPasses
    ? fill(
        { ...task, pixels: cleaned, mask: rest, exclude: undefined },
        {
          onProgress: options.onProgress && ((f) => options.onProgress!(share + f * share)),
          onSources: (from) => {
            secondSources = from;
          },
        },
      )
    : cleaned;
  for (let p = 0; p < kept.length; p++) {
    if (kept[p]) out.set(pixels.subarray(p * channels, (p + 1) * channels), p * channels);
  }
  if (options.onSources && (firstSources || secondSources)) {
    options.onSources(composedSources(mask, rest, exclude, firstSources, secondSources));
  }
  return out;
}

/**
 * Where each hole pixel was copied from, in the original photo: the first pass's source where it
 * filled the pixel; the second pass's, followed through the first where it lies in the removed
 * excluded area (a synthesised pixel, itself copied from somewhere).
 */
function composedSources(
  mask: Uint8Array,
  rest: Uint8Array,
  exclude: Uint8Array,
  first: Int32Array | null,
  second: Int32Array | null,
): Int32Array {
  const out = new Int32Array(mask.length).fill(-1);
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    if (!rest[p]) {
      out[p] = first ? first[p]! : -1;
      continue;
    }
    const s = second ? second[p]! : -1;
    out[p] = s >= 0 && exclude[s] ? (first ? first[s]! : -1) : s;
  }
  return out;
}
