import {
  type ApiframeOutpaintPreset,
  OUTPAINT_MIN_SIDE,
  type ProviderInfo,
  type TaskId,
} from "../../contract";
import type { OutpaintFrame } from "../outpaint/outpaint-geometry";

/**
 * The endpoint a run's jobs go to, and what it needs beyond image and mask:
 * - `erase`: BFL's erase tool (the image's file, the painted mask, `dilate_pixels`);
 * - `outpaint`: BFL's outpainting tool (the image's file placed on a `width`×`height` canvas);
 * - `preset`: expand by a preset's name (apiframe), the image's file;
 * - `fill`: the fill endpoint with image and mask (for an outpaint, the padded canvas).
 */
export type TaskRequest =
  | { kind: "erase"; dilatePixels: number }
  | { kind: "outpaint"; width: number; height: number; offsetX: number; offsetY: number }
  | { kind: "preset"; preset: ApiframeOutpaintPreset }
  | { kind: "fill" };

export interface RequestInputs {
  /** The image's own size. */
  image: { width: number; height: number };
  /** The outpaint frame, with the photo's place on it; null without one. */
  frame: OutpaintFrame | null;
  /** A painted mask goes with the outpaint (only the fill takes both). */
  painted: boolean;
  outpaintPreset: ApiframeOutpaintPreset | null;
  dilatePixels: number;
}

/**
 * The best endpoint the provider has for the task. Remove goes to the erase tool whenever the
 * provider takes it (a mapped erase is still the proxy's job). Extend goes to the outpainting
 * tool only where the provider has one (`nativeTasks`) and the request fits it: no painted mask
 * to carry, the photo at its own size (a frame past the limits scales it) and a canvas within
 * the tool's sides (at least `OUTPAINT_MIN_SIDE`) and `maxOutpaintPixels`; otherwise the preset by name, else the padded fill.
 */
export function chooseRequest(
  task: TaskId,
  provider: Pick<ProviderInfo, "tasks" | "nativeTasks" | "maxOutpaintPixels" | "maxImagePixels">,
  inputs: RequestInputs,
): TaskRequest {
  if (task === "erase" && (provider.tasks ?? []).includes("erase")) {
    return { kind: "erase", dilatePixels: inputs.dilatePixels };
  }
  const { frame } = inputs;
  if (task !== "outpaint" || !frame) return { kind: "fill" };
  if (inputs.outpaintPreset) return { kind: "preset", preset: inputs.outpaintPreset };
  const maxPixels = provider.maxOutpaintPixels ?? provider.maxImagePixels;
  const fits =
    (provider.nativeTasks ?? []).includes("outpaint") &&
    !inputs.painted &&
    frame.image.width === inputs.image.width &&
    frame.image.height === inputs.image.height &&
    frame.width >= OUTPAINT_MIN_SIDE &&
    frame.height >= OUTPAINT_MIN_SIDE &&
    frame.width * frame.height <= maxPixels;
  if (!fits) return { kind: "fill" };
  return {
    kind: "outpaint",
    width: frame.width,
    height: frame.height,
    offsetX: frame.image.x,
    offsetY: frame.image.y,
  };
}
