import type { Placement } from "../history/run-task";

/** Columns `from`..`to` (inclusive, pixels) of an image that a run changed. */
export interface Columns {
  from: number;
  to: number;
}

/** Where the divider may start, in percent of the width: its handle stays whole and easy to grab. */
export const DIVIDER_RANGE = { min: 15, max: 85 } as const;

/**
 * The columns holding any painted pixel of a mask read as RGBA, or null when nothing is painted:
 * a pixel whose colour is not black (a white mask, or a coloured outline over transparency,
 * which reads as black). Any grey counts: a mask read at a reduced size keeps a thin stroke only
 * as grey.
 */
export function paintedColumns(rgba: ArrayLike<number>, width: number, height: number) {
  const painted = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return (rgba[i] ?? 0) + (rgba[i + 1] ?? 0) + (rgba[i + 2] ?? 0) > 0;
  };
  let from = width;
  let to = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < from; x++) {
      if (!painted(x, y)) continue;
      from = x;
      break;
    }
    for (let x = width - 1; x > to; x--) {
      if (!painted(x, y)) continue;
      to = x;
      break;
    }
  }
  return to < 0 ? null : { from, to };
}

/**
 * The new columns of an outpaint best shown first: the wider of the strips left and right of the
 * photo (the left one on a tie), or null when the photo spans the canvas's width (only rows
 * were added, so every divider position crosses them).
 */
export function outpaintColumns(canvasWidth: number, photo: Placement): Columns | null {
  const left = photo.x;
  const right = canvasWidth - (photo.x + photo.width);
  if (left <= 0 && right <= 0) return null;
  return left >= right
    ? { from: 0, to: left - 1 }
    : { from: photo.x + photo.width, to: canvasWidth - 1 };
}

/**
 * The divider's first position (percent) over an image `width` wide whose `changed` columns
 * differ between the sides, so the first view already shows before and after: the middle of
 * those columns, moved into `DIVIDER_RANGE` only as far as it stays within their middle half
 * (a change at the very edge is still crossed). 50 when nothing is known to have changed.
 */
export function dividerStart(width: number, changed: Columns | null): number {
  if (!changed || width <= 0) return 50;
  const percent = (x: number) => (x / width) * 100;
  const from = percent(changed.from);
  const to = percent(changed.to + 1);
  const quarter = (to - from) / 4;
  const middle = (from + to) / 2;
  const wanted = Math.min(DIVIDER_RANGE.max, Math.max(DIVIDER_RANGE.min, middle));
  const start = Math.min(to - quarter, Math.max(from + quarter, wanted));
  return Math.round(start * 10) / 10;
}
