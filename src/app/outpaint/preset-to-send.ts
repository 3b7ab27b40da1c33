import type { OutpaintRequest } from "../store/outpaint-slice";
import type { OutpaintPreset } from "./outpaint-geometry";

/**
 * The preset to send by name, or null to send the padded canvas and its mask to the fill
 * endpoint. A provider that outpaints by preset (apiframe) gets the name, so it extends the
 * image its own way; a custom frame or a painted mask cannot be said with a name, so those fall
 * back to the padded inpaint, as do providers without presets (bfl, local).
 */
export function presetToSend(
  outpaint: OutpaintRequest | null,
  painted: boolean,
  providerPresets: readonly string[],
): OutpaintPreset | null {
  if (!outpaint || outpaint.preset === "Custom" || painted) return null;
  return providerPresets.includes(outpaint.preset) ? outpaint.preset : null;
}
