import type { PixelBox } from "../editor/apply-mask-op";
import { paintPolyline } from "../editor/raster/paint-shapes";
import { liftShadows, marginColours, widestGap } from "./box-prior";
import { type CutPreview, cutRegion, onGrid, type Scaled, scaleBox } from "./cut-region";
import type { Cv, CvMat } from "./opencv";
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
  /**
   * Coarse to fine: each level runs GrabCut on a copy of the region with about this many pixels
   * (an iteration's graph cut grows faster than its pixels: ~50 ms at 0.02 MP, ~300 ms at
   * 0.09 MP), continuing from the previous level's labels and colour models. The first level's
   * cut is shown at once while the others run. Two coarse iterations and one fine one match
   * three fine ones' IoU on the composites (`scripts/bench-select.ts`) in 60 % of the time.
   */
  levels: [
    { pixels: 22_000, iterations: 1 },
    { pixels: 22_000, iterations: 1 },
    { pixels: 90_000, iterations: 1 },
  ],
  /** Holes and islands up to this many image pixels are removed from the result. */
  speckArea: 24,
  /**
   * A first cut that stops further than this (a fraction of the box's longer side) from a side
   * of the box has probably lost part of the object there (a boat's dark hull): the cut is
   * started again from the margin's colour evidence on shadow-lifted colours, and the start
   * whose cut comes nearer every side is kept. Hand-drawn boxes leave 2–10 % around an object.
   */
  untouchedSide: 0.15,
} as const;

type Settings = {
  levels: readonly { pixels: number; iterations: number }[];
  speckArea: number;
  untouchedSide: number;
};

/** GrabCut's two colour models, carried from level to level. */
interface Models {
  bgd: CvMat;
  fgd: CvMat;
}

/**
 * Object select: GrabCut on a downscaled copy of the box plus a margin of background, with
 * refinement strokes fixed as foreground/background, then brought back to full resolution with
 * the boundary refined along the image's edges. The result never leaves the box.
 *
 * The first, smallest level's cut goes to `onPreview` (on a 12 MP image, within a tenth of a
 * second of CPU); the next levels continue from it rather than start over, so the preview
 * costs the full cut almost nothing. When that first cut leaves a side of the box behind, a
 * second start is tried on the same level (see `untouchedSide`): about 50 ms more.
 */
export function objectCut(
  cv: Cv,
  image: RgbaImage,
  box: PixelBox,
  strokes: readonly CutStroke[] = [],
  settings: Settings = OBJECT_CUT,
  onPreview?: (preview: CutPreview) => void,
): Selection | null {
  const region = cutRegion(box, image);
  if (!region) return null;
  const { clipped, roi } = region;
  const mats: CvMat[] = [];
  const newModels = (): Models => {
    const models = { bgd: new cv.Mat(), fgd: new cv.Mat() };
    mats.push(models.bgd, models.fgd);
    return models;
  };
  let models = newModels();
  let lifted = false;
  try {
    let seed: Scaled | undefined;
    let rgb = new Uint8Array(0);
    for (const [n, level] of settings.levels.entries()) {
      const size = workingSize(roi, level.pixels);
      const run = (start: boolean, lift: boolean, into: Models) => {
        const at = grabCutAt(cv, image, region, strokes, size, start ? undefined : seed, lift);
        mats.push(at.img, at.mask);
        // A level that found no object leaves nothing to continue from: this one starts over.
        const mode = !start
          ? cv.GC_EVAL
          : strokes.length > 0 || lift
            ? cv.GC_INIT_WITH_MASK
            : cv.GC_INIT_WITH_RECT;
        // The models start from k-means++ on OpenCV's global random generator: seeded, a box
        // cuts the same whatever was cut before it.
        if (start) cv.setRNGSeed(1);
        cv.grabCut(at.img, at.mask, at.rect, into.bgd, into.fgd, level.iterations, mode);
        return { rgb: at.rgb, mask: foreground(cv, at.mask.data), box: at.box };
      };
      let cut = run(!seed, lifted, models);
      if (n === 0) {
        const gap = widestGap(cut.mask, size.width, size.height, cut.box);
        if (gap > settings.untouchedSide) {
          const other = newModels();
          const second = run(true, true, other);
          if (widestGap(second.mask, size.width, size.height, second.box) < gap) {
            cut = second;
            models = other;
            lifted = true;
          }
        }
      }
      rgb = cut.rgb;
      seed = cut.mask.includes(255) ? { mask: cut.mask, ...size } : undefined;
      if (n === 0) onPreview?.(onGrid({ mask: cut.mask, ...size }, roi, clipped));
    }
    if (!seed) return null;
    const { width, height } = seed;
    const sx = width / roi.width;
    const sy = height / roi.height;
    removeSpecks(seed.mask, width, height, Math.max(1, Math.round(settings.speckArea * sx * sy)));
    const full = upsampleCut(image, roi, { mask: seed.mask, rgb, width, height });
    removeSpecks(full, roi.width, roi.height, settings.speckArea);
    keepInside(full, roi, clipped);
    return trimSelection(full, roi);
  } finally {
    for (const mat of mats) mat.delete();
  }
}

/**
 * The GrabCut inputs at `size`: the region's colours, and labels that are background outside
 * the box (GrabCut needs some: at least a one-pixel frame), "probably object" inside it (or,
 * given a `seed` cut, whatever the seed says there), and fixed under the strokes. With `lift`,
 * GrabCut sees the colours with their shadows lifted, and a start (no seed) is "probably
 * background" where the colour is commoner in the margin than in the box.
 */
function grabCutAt(
  cv: Cv,
  image: RgbaImage,
  { clipped, roi }: { clipped: PixelBox; roi: PixelBox },
  strokes: readonly CutStroke[],
  size: { width: number; height: number },
  seed: Scaled | undefined,
  lift: boolean,
) {
  const { width, height } = size;
  const sx = width / roi.width;
  const sy = height / roi.height;
  const r = scaleBox(clipped, roi, size);
  const rgb = downscaleRgb(image, roi, width, height);
  const img = new cv.Mat(height, width, cv.CV_8UC3);
  img.data.set(lift ? liftShadows(rgb) : rgb);
  const mask = new cv.Mat(height, width, cv.CV_8UC1);
  const labels = mask.data;
  labels.fill(cv.GC_BGD);
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      const inside = seed
        ? seed.mask[
            Math.min(seed.height - 1, Math.floor(((y + 0.5) * seed.height) / height)) * seed.width +
              Math.min(seed.width - 1, Math.floor(((x + 0.5) * seed.width) / width))
          ] !== 0
        : true;
      labels[y * width + x] = inside ? cv.GC_PR_FGD : cv.GC_PR_BGD;
    }
  }
  if (lift && !seed) {
    marginColours(rgb, labels, {
      outside: cv.GC_BGD,
      inside: cv.GC_PR_FGD,
      unlikely: cv.GC_PR_BGD,
    });
  }
  const raster = { data: labels, width, height };
  for (const stroke of strokes) {
    const points = stroke.points.map((v, i) => (i % 2 === 0 ? (v - roi.x) * sx : (v - roi.y) * sy));
    paintPolyline(
      raster,
      points,
      Math.max(1, stroke.size * sx),
      stroke.foreground ? cv.GC_FGD : cv.GC_BGD,
    );
  }
  return { img, mask, rgb, box: r, rect: new cv.Rect(r.x, r.y, r.width, r.height) };
}

/** GrabCut's labels as a 0/255 object mask. */
function foreground(cv: Cv, labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    out[i] = label === cv.GC_FGD || label === cv.GC_PR_FGD ? 255 : 0;
  }
  return out;
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
