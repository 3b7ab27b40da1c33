import type { PixelBox } from "../editor/apply-mask-op";
import { paintPolyline } from "../editor/raster/paint-shapes";
import type { Cv } from "./opencv";
import { downscaleRgb, upsampleCut, workingSize } from "./resample";
import { type Selection, trimSelection } from "./selection";
import { removeSpecks } from "./specks";
import type { RgbaImage } from "./wand";

/** A refinement stroke in image pixels: its pixels are fixed as object or as background. */
export interface CutStroke {
  points: number[];
  size: number;
  foreground: boolean;
}

export const OBJECT_CUT = {
  /** GrabCut's graph grows with pixels; this keeps a cut of any box within the time budget. */
  workPixels: 90_000,
  iterations: 3,
  /** Holes and islands up to this many image pixels are removed from the result. */
  speckArea: 24,
} as const;

/**
 * Object select: GrabCut on a downscaled copy of the box plus a margin of background, with
 * refinement strokes fixed as foreground/background, then brought back to full resolution with
 * the boundary refined along the image's edges. The result never leaves the box.
 */
export function objectCut(
  cv: Cv,
  image: RgbaImage,
  box: PixelBox,
  strokes: readonly CutStroke[] = [],
  settings: { workPixels: number; iterations: number; speckArea: number } = OBJECT_CUT,
): Selection | null {
  const clipped = clip(box, image);
  if (clipped.width < 2 || clipped.height < 2) return null;
  const margin = Math.max(8, Math.round(0.1 * Math.max(clipped.width, clipped.height)));
  const roi = clip(
    {
      x: clipped.x - margin,
      y: clipped.y - margin,
      width: clipped.width + 2 * margin,
      height: clipped.height + 2 * margin,
    },
    image,
  );
  const size = workingSize(roi, settings.workPixels);
  const sx = size.width / roi.width;
  const sy = size.height / roi.height;
  const rgb = downscaleRgb(image, roi, size.width, size.height);
  // GrabCut needs some background: the rectangle keeps at least a one-pixel frame.
  const rx = Math.max(1, Math.floor((clipped.x - roi.x) * sx));
  const ry = Math.max(1, Math.floor((clipped.y - roi.y) * sy));
  const rw = Math.max(
    1,
    Math.min(size.width - 1, Math.ceil((clipped.x + clipped.width - roi.x) * sx)) - rx,
  );
  const rh = Math.max(
    1,
    Math.min(size.height - 1, Math.ceil((clipped.y + clipped.height - roi.y) * sy)) - ry,
  );

  const img = new cv.Mat(size.height, size.width, cv.CV_8UC3);
  const mask = new cv.Mat(size.height, size.width, cv.CV_8UC1);
  const bgd = new cv.Mat();
  const fgd = new cv.Mat();
  try {
    img.data.set(rgb);
    const labels = mask.data;
    labels.fill(cv.GC_BGD);
    for (let y = ry; y < ry + rh; y++)
      labels.fill(cv.GC_PR_FGD, y * size.width + rx, y * size.width + rx + rw);
    const raster = { data: labels, width: size.width, height: size.height };
    for (const stroke of strokes) {
      const points = stroke.points.map((v, i) =>
        i % 2 === 0 ? (v - roi.x) * sx : (v - roi.y) * sy,
      );
      paintPolyline(
        raster,
        points,
        Math.max(1, stroke.size * sx),
        stroke.foreground ? cv.GC_FGD : cv.GC_BGD,
      );
    }
    const rect = new cv.Rect(rx, ry, rw, rh);
    const mode = strokes.length > 0 ? cv.GC_INIT_WITH_MASK : cv.GC_INIT_WITH_RECT;
    cv.grabCut(img, mask, rect, bgd, fgd, settings.iterations, mode);
    const small = new Uint8Array(size.width * size.height);
    for (let i = 0; i < small.length; i++) {
      const label = labels[i];
      small[i] = label === cv.GC_FGD || label === cv.GC_PR_FGD ? 255 : 0;
    }
    removeSpecks(
      small,
      size.width,
      size.height,
      Math.max(1, Math.round(settings.speckArea * sx * sy)),
    );
    const full = upsampleCut(image, roi, {
      mask: small,
      rgb,
      width: size.width,
      height: size.height,
    });
    removeSpecks(full, roi.width, roi.height, settings.speckArea);
    keepInside(full, roi, clipped);
    return trimSelection(full, roi);
  } finally {
    for (const mat of [img, mask, bgd, fgd]) mat.delete();
  }
}

function clip(box: PixelBox, image: { width: number; height: number }): PixelBox {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** Clears whatever the full-resolution refinement pushed outside the user's box. */
function keepInside(mask: Uint8Array, roi: PixelBox, box: PixelBox): void {
  for (let y = 0; y < roi.height; y++) {
    const iy = roi.y + y;
    const row = y * roi.width;
    if (iy < box.y || iy >= box.y + box.height) {
      mask.fill(0, row, row + roi.width);
      continue;
    }
    mask.fill(0, row, row + Math.max(0, box.x - roi.x));
    mask.fill(0, row + Math.min(roi.width, box.x + box.width - roi.x), row + roi.width);
  }
}
