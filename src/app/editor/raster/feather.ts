import { boxBlur } from "../../../box-blur";
import type { MaskRaster } from "./paint-shapes";

/**
 * Softens the mask's edge by `radius` px for export: three box blurs approximate a Gaussian,
 * each pass a running sum so the cost does not depend on the radius.
 * Pixels far from an edge keep their exact 0 or 255.
 */
export function featherMask({ data, width, height }: MaskRaster, radius: number): Uint8Array {
  if (radius <= 0) return data.slice();
  const box = Math.max(1, Math.round(radius / 3));
  const a = Float32Array.from(data);
  const scratch = new Float32Array(data.length);
  for (let pass = 0; pass < 3; pass++) boxBlur(a, width, height, box, scratch);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(a[i]!);
  return out;
}
