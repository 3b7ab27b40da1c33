/**
 * The engine's front door: checks a task, picks the fill method and runs it. Thin masks
 * (scratches, wires, specks) get Telea's diffusion fill, which is fast and exact enough when
 * every hole pixel is near a kept one; everything else gets the exemplar fill. An area excluded
 * from sampling is removed from the photo first (exclusion-removal.ts).
 */
import { MASK_COVERS_EVERYTHING, maskCoversEverything } from "../../mask-coverage";
import { fillWithoutExcluded, type PassOptions } from "./exclusion-removal";
import { type ExemplarOptions, fillContext, inpaintExemplar } from "./exemplar-fill";
import type { FillMode, FillTask } from "./fill-task";
import { holeGroups } from "./hole-groups";
import { type Box, maskBounds, maxHoleDepth } from "./mask-geometry";
import { inpaintTelea } from "./telea";

/** A hole whose every pixel is within this many pixels of a kept one counts as thin. */
export const THIN_HOLE_DEPTH = 4;

export type ResolvedFillMode = Exclude<FillMode, "auto">;

export function fillTask(task: FillTask, options: Omit<ExemplarOptions, "seed"> = {}): Uint8Array {
  checkTask(task);
  const fill = (t: FillTask, pass: PassOptions) => fillPlain(t, { ...options, ...pass });
  return excludesKeptPixel(task)
    ? fillWithoutExcluded(task, fill, options)
    : fillPlain(task, options);
}

/**
 * A fill without an exclusion: each group of holes whose contexts do not meet (hole-groups.ts)
 * on its own, by the method its own holes call for.
 */
function fillPlain(task: FillTask, options: Omit<ExemplarOptions, "seed">): Uint8Array {
  const { width, height, mask } = task;
  const groups = holeGroups(mask, width, height, (b) => fillContext(b, width, height));
  if (groups.length === 1) return fillGroup(task, options);
  const sizes = groups.map((g) => g.reduce((n, v) => n + v, 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  let pixels = task.pixels;
  const sources = options.onSources ? new Int32Array(mask.length).fill(-1) : null;
  groups.forEach((group, i) => {
    const share = sizes[i]! / total;
    const before = done;
    pixels = fillGroup(
      { ...task, pixels, mask: group },
      {
        ...options,
        // the last group's end is the whole fill's, exactly
        onProgress:
          options.onProgress &&
          ((f) => options.onProgress!(i === groups.length - 1 && f === 1 ? 1 : before + f * share)),
        onSources: (from) => {
          if (!sources) return;
          for (let p = 0; p < from.length; p++) if (from[p]! >= 0) sources[p] = from[p]!;
        },
      },
    );
    done += share;
  });
  if (sources) options.onSources!(sources);
  return pixels;
}

function fillGroup(task: FillTask, options: Omit<ExemplarOptions, "seed">): Uint8Array {
  const { pixels, width, height, channels, mask } = task;
  const mode = chooseFillMode(task);
  if (mode === "telea") {
    return inpaintTelea(pixels, width, height, channels, mask, { onProgress: options.onProgress });
  }
  return inpaintExemplar(pixels, width, height, channels, mask, {
    ...options,
    seed: task.seed ?? 0,
  });
}

function excludesKeptPixel({ mask, exclude }: FillTask): boolean {
  if (!exclude) return false;
  for (let p = 0; p < mask.length; p++) if (exclude[p] && !mask[p]) return true;
  return false;
}

/** The task's own mode, else FILLPAINT_FILL_MODE, else auto: Telea for thin holes. */
export function chooseFillMode(task: FillTask): ResolvedFillMode {
  const requested = task.mode ?? parseFillMode(process.env.FILLPAINT_FILL_MODE);
  if (requested !== "auto") return requested;
  const bounds = maskBounds(task.mask, task.width, task.height);
  if (!bounds) return "telea";
  // Nearly every hole that is not thin holds such a square, found within its first rows; the
  // depth map costs a tenth of a second on a 2 MP outpaint's canvas.
  if (holdsSquare(task.mask, task.width, bounds, THIN_HOLE_DEPTH)) return "exemplar";
  return holeDepthIn(task.mask, task.width, bounds) > THIN_HOLE_DEPTH ? "exemplar" : "telea";
}

/**
 * Whether the box holds a square of masked pixels (2·radius + 1) across: its centre lies more
 * than `radius` pixels from every kept one, so the hole is deeper than that.
 */
function holdsSquare(mask: Uint8Array, width: number, box: Box, radius: number): boolean {
  const side = 2 * radius + 1;
  // per column, the masked pixels running up from the current row
  const up = new Int32Array(box.x1 - box.x0);
  for (let y = box.y0; y < box.y1; y++) {
    let run = 0;
    for (let x = box.x0; x < box.x1; x++) {
      const i = x - box.x0;
      up[i] = mask[y * width + x] === 0 ? 0 : up[i]! + 1;
      run = up[i]! >= side ? run + 1 : 0;
      if (run === side) return true;
    }
  }
  return false;
}

export function parseFillMode(value: string | undefined): FillMode {
  if (value === undefined || value === "") return "auto";
  if (value === "auto" || value === "telea" || value === "exemplar") return value;
  throw new Error(`FILLPAINT_FILL_MODE must be auto, telea or exemplar, not "${value}"`);
}

/** The hole's depth measured on its bounding box (plus a kept border), not the whole image. */
function holeDepthIn(mask: Uint8Array, width: number, box: Box): number {
  const w = box.x1 - box.x0 + 2;
  const h = box.y1 - box.y0 + 2;
  const crop = new Uint8Array(w * h);
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      crop[(y - box.y0 + 1) * w + (x - box.x0 + 1)] = mask[y * width + x] === 0 ? 0 : 1;
    }
  }
  return maxHoleDepth(crop, w, h);
}

function checkTask({ pixels, width, height, channels, mask, exclude }: FillTask): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`image size must be positive whole pixels, not ${width}×${height}`);
  }
  if (pixels.length !== width * height * channels) {
    throw new Error(
      `pixel buffer holds ${pixels.length} samples, expected ${width}×${height}×${channels}`,
    );
  }
  if (mask.length !== width * height) {
    throw new Error(`mask holds ${mask.length} pixels, expected ${width}×${height}`);
  }
  if (exclude && exclude.length !== width * height) {
    throw new Error(`exclusion holds ${exclude.length} pixels, expected ${width}×${height}`);
  }
  if (maskCoversEverything(mask)) throw new Error(MASK_COVERS_EVERYTHING);
}
