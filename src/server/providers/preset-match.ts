import { outpaintGeometry } from "../../app/outpaint/outpaint-geometry";
import { APIFRAME_OUTPAINT_PRESETS, type ApiframeOutpaintPreset } from "../../contract";
import type { Placement, Size } from "../images/outpaint-placement";

/**
 * The apiframe preset whose canvas is exactly this placement, by Fillpaint's documented preset
 * geometry (the SPA's `outpaintGeometry`, so a frame the SPA made from a preset maps back to
 * it), or null: then the outpainting goes to apiframe as a padded inpaint instead.
 */
export function matchingPreset(image: Size, placement: Placement): ApiframeOutpaintPreset | null {
  const whole = placement.crop.width === image.width && placement.crop.height === image.height;
  if (!whole) return null;
  for (const preset of APIFRAME_OUTPAINT_PRESETS) {
    const { frame, scale } = outpaintGeometry(preset, image);
    if (
      scale === 1 &&
      frame.width === placement.canvas.width &&
      frame.height === placement.canvas.height &&
      frame.image.x === placement.x &&
      frame.image.y === placement.y
    ) {
      return preset;
    }
  }
  return null;
}
