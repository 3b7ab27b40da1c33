/**
 * The one view transform of the editor, the outpaint frame and Compare: content pixels map to
 * screen pixels by `screen = content × scale + (x, y)`. A scale of 1 is actual pixels (100%)
 * everywhere; fit is whatever scale shows the whole content.
 */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

type Point = { x: number; y: number };

export interface ZoomLimits {
  min: number;
  max: number;
}

export const ZOOM_LIMITS: ZoomLimits = { min: 0.02, max: 32 };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The whole content inside the viewport minus a margin, centred. Small content is enlarged
 * too: a 300 px photo on a 1400 px screen should fill it, not sit in the middle as a stamp.
 */
export function fitView(content: Size, viewport: Size, margin = 24): ViewTransform {
  const availableW = Math.max(1, viewport.width - margin * 2);
  const availableH = Math.max(1, viewport.height - margin * 2);
  const scale = Math.min(availableW / content.width, availableH / content.height);
  return {
    scale,
    x: Math.round((viewport.width - content.width * scale) / 2),
    y: Math.round((viewport.height - content.height * scale) / 2),
  };
}

/** Scales the view by `factor` keeping the screen point `at` over the same content pixel. */
export function zoomAt(
  view: ViewTransform,
  factor: number,
  at: Point,
  limits: ZoomLimits = ZOOM_LIMITS,
): ViewTransform {
  const scale = clamp(view.scale * factor, limits.min, limits.max);
  const ratio = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * ratio, y: at.y - (at.y - view.y) * ratio };
}

/** The view at exactly 100% (one content pixel per screen pixel), centred on the same point. */
export function actualSize(view: ViewTransform, viewport: Size): ViewTransform {
  return zoomAt(
    view,
    1 / view.scale,
    { x: viewport.width / 2, y: viewport.height / 2 },
    {
      min: 1,
      max: 1,
    },
  );
}

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Where a screen point falls in content pixels. */
export function screenToContent(view: ViewTransform, at: Point): Point {
  return { x: (at.x - view.x) / view.scale, y: (at.y - view.y) / view.scale };
}

/**
 * Keeps content of `content` size in a `box`: on an axis where it is larger than the box no
 * empty border can be panned into view; where it is smaller it is centred. (Compare, whose two
 * sides must never show a gap.)
 */
export function keepInBox(view: ViewTransform, content: Size, box: Size): ViewTransform {
  const axis = (offset: number, length: number, room: number) =>
    length * view.scale <= room
      ? (room - length * view.scale) / 2
      : clamp(offset, room - length * view.scale, 0);
  return {
    scale: view.scale,
    x: axis(view.x, content.width, box.width),
    y: axis(view.y, content.height, box.height),
  };
}

/** The zoom as people read it: "100%" is actual pixels. */
export const zoomPercent = (view: ViewTransform) => `${Math.round(view.scale * 100)}%`;
