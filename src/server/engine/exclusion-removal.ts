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
import { type Box, keptPixels, maskBounds } from "./mask-geometry";

export interface PassOptions {
  onProgress?: (fraction: number) => void;
  onSources?: (from: Int32Array) => void;
}

/** A fill of a task without an exclusion, as the engine's front door runs it. */
export type Fill = (task: FillTask, options: PassOptions) => Uint8Array;

/**
 * Fills `task` with its excluded area removed first: the excluded kept pixels, with the parts of
 * the hole they touch, are filled by `fill` on the kept pixels' box (a removal of the excluded
 * thing, from the rest of the photo); the rest of the hole (an outpaint's new area, a removal
 * elsewhere) is then filled by `fill` from that cleaned photo. Kept pixels come back as they
 * were. `onSources` gets the composed map: a pixel copied from where the excluded area was is
 * reported as copied from what filled it there.
 */
export function fillWithoutExcluded(task: FillTask, fill: Fill, options: PassOptions): Uint8Array {
  const { pixels, width, height, channels, mask } = task;
  const exclude = task.exclude!;
  const kept = keptPixels(mask);
  const box = maskBounds(kept, width, height)!;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const toImage = (b: number) => (box.y0 + Math.floor(b / bw)) * width + box.x0 + (b % bw);
  // The first pass, on the kept pixels' box: the excluded area, with the parts of the hole it
  // touches (a removal beside an excluded post is filled as if the post were not there).
  const inBox = firstPassHole(task, box);
  const boxPixels = new Uint8Array(bw * bh * channels);
  for (let y = 0; y < bh; y++) {
    const row = (y + box.y0) * width + box.x0;
    boxPixels.set(pixels.subarray(row * channels, (row + bw) * channels), y * bw * channels);
  }
  const rest = mask.slice();
  for (let b = 0; b < inBox.length; b++) if (inBox[b]) rest[toImage(b)] = 0;
  const twoPasses = rest.includes(1);
  const share = twoPasses ? 0.5 : 1;
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
 * The first pass's hole on `box`: every excluded kept pixel, and the hole's pixels reached from
 * them through excluded or hole pixels. The rest of the hole waits for the second pass, which
 * copies from the cleaned photo. Filled in the first, a hole elsewhere in the photo (the
 * sample's post, masked at its left frame) made one fill of both, which took the whole span
 * from that frame to the sundial for new area: the sundial's place, and the new ground carried
 * on from it, came out a grey haze.
 */
function firstPassHole({ mask, exclude, width }: FillTask, box: Box): Uint8Array {
  const bw = box.x1 - box.x0;
  const out = new Uint8Array(bw * (box.y1 - box.y0));
  const at = (b: number) => (box.y0 + Math.floor(b / bw)) * width + box.x0 + (b % bw);
  const stack: number[] = [];
  for (let b = 0; b < out.length; b++) {
    const p = at(b);
    if (exclude![p] && !mask[p]) {
      out[b] = 1;
      stack.push(b);
    }
  }
  while (stack.length > 0) {
    const b = stack.pop()!;
    const x = b % bw;
    for (const n of [x > 0 ? b - 1 : -1, x < bw - 1 ? b + 1 : -1, b - bw, b + bw]) {
      if (n < 0 || n >= out.length || out[n]) continue;
      const p = at(n);
      if (!exclude![p] && !mask[p]) continue;
      out[n] = 1;
      stack.push(n);
    }
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
