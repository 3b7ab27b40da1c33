/** How both sides of a comparison are magnified: content is translated, then scaled from 0,0. */
export interface ZoomPan {
  scale: number;
  x: number;
  y: number;
}

export const FIT: ZoomPan = { scale: 1, x: 0, y: 0 };
export const MAX_ZOOM = 16;

interface Size {
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps the magnified image covering the frame: no empty border can be panned into view. */
export function clampPan(view: ZoomPan, size: Size): ZoomPan {
  return {
    scale: view.scale,
    x: clamp(view.x, size.width * (1 - view.scale), 0),
    y: clamp(view.y, size.height * (1 - view.scale), 0),
  };
}

/** Zooms by `factor` keeping the point under the cursor (frame pixels) where it is. */
export function zoomAt(
  view: ZoomPan,
  factor: number,
  point: { x: number; y: number },
  size: Size,
): ZoomPan {
  const scale = clamp(view.scale * factor, 1, MAX_ZOOM);
  const k = scale / view.scale;
  return clampPan(
    { scale, x: point.x - (point.x - view.x) * k, y: point.y - (point.y - view.y) * k },
    size,
  );
}

export function panBy(view: ZoomPan, dx: number, dy: number, size: Size): ZoomPan {
  return clampPan({ ...view, x: view.x + dx, y: view.y + dy }, size);
}
