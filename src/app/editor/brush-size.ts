/** Brush diameters in image pixels. `default` is a new image's smallest default. */
export const BRUSH_SIZE = { min: 2, max: 500, default: 40 } as const;

/**
 * The part of the image's short side a new image's brush spans: 40 px on a 1000 px photo, so at
 * fit zoom it covers about the same share of the screen on a 12000×9000 photo (360 px) as on a
 * 1 MP one. Below a 1000 px side it stays 40 px (fit zoom enlarges small images, so the brush
 * looks larger there, as it always did).
 */
const SHORT_SIDE_SHARE = 0.04;

/** The brush a newly opened image starts with; the user's own choice then stands. */
export function defaultBrushSize(image: { width: number; height: number }): number {
  const side = Math.min(image.width, image.height);
  const size = Number.isFinite(side) ? Math.round(side * SHORT_SIDE_SHARE) : 0;
  return Math.min(BRUSH_SIZE.max, Math.max(BRUSH_SIZE.default, size));
}
