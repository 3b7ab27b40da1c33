import { pointsBox } from "../editor/apply-mask-op";
import { fillPolygon } from "../editor/raster/paint-shapes";
import { downscaleRgb, upsampleCut } from "./resample";
import { type Selection, trimSelection } from "./selection";
import type { RgbaImage } from "./wand";

/** Working pixels beside the path where colour decides: a snapped path runs beside the edge. */
const LASSO_BAND = 1;

/**
 * The lasso's closed path filled as a selection. The path was snapped on a copy scaled by
 * `scale` (< 1 for images over ~1 MP), so its points sit on that copy's pixel centres and miss
 * the real edge by up to half a working pixel: several image pixels on 12 MP. The path is
 * therefore filled at the working scale over its box plus a margin, and brought back with
 * `upsampleCut`, which decides each full-resolution pixel along the boundary by the nearer of
 * the local inside and outside colours, so the selection's edge lands on the image's edge.
 */
export function lassoFill(image: RgbaImage, points: readonly number[], scale: number) {
  if (points.length < 6) return null;
  if (scale >= 1) {
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const raster = { data: new Uint8Array(image.width * image.height), ...whole };
    fillPolygon(raster, points, 255);
    return trimSelection(raster.data, whole);
  }
  const roi = pointsBox(points, Math.ceil(3 / scale), image.width, image.height);
  if (!roi || roi.width < 2 || roi.height < 2) return null;
  const width = Math.max(1, Math.round(roi.width * scale));
  const height = Math.max(1, Math.round(roi.height * scale));
  const sx = width / roi.width;
  const sy = height / roi.height;
  const small = { data: new Uint8Array(width * height), width, height };
  fillPolygon(
    small,
    points.map((v, i) => (i % 2 === 0 ? (v - roi.x) * sx : (v - roi.y) * sy)),
    255,
  );
  const rgb = downscaleRgb(image, roi, width, height);
  const full = upsampleCut(image, roi, { mask: small.data, rgb, width, height }, LASSO_BAND);
  return trimSelection(full, roi) satisfies Selection | null;
}
