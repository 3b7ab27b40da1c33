import type { ViewFit } from "./fit-view";

export const ZOOM_LIMITS = { min: 0.02, max: 32 } as const;

/** Scales the view by `factor` keeping the screen point `at` over the same image pixel. */
export function zoomAt(view: ViewFit, factor: number, at: { x: number; y: number }): ViewFit {
  const scale = Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, view.scale * factor));
  const ratio = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

/** The view at exactly 100% (one image pixel per screen pixel), centred on the same point. */
export function actualSize(view: ViewFit, viewport: { width: number; height: number }): ViewFit {
  return zoomAt(view, 1 / view.scale, { x: viewport.width / 2, y: viewport.height / 2 });
}

/** Where a screen point falls in image pixels. */
export function screenToImage(view: ViewFit, at: { x: number; y: number }) {
  return { x: (at.x - view.x) / view.scale, y: (at.y - view.y) / view.scale };
}
