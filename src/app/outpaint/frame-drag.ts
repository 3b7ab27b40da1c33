import type { Padding } from "./outpaint-geometry";

/** What the user grabbed on the outpaint stage: one edge of the frame, or the image. */
export type FrameHandle = keyof Padding | "image";

/**
 * The padding after dragging `handle` by (dx, dy) image pixels from `start`. Edges grow or
 * shrink their side (never below zero); the image slides inside the frame, keeping its size.
 */
export function dragPadding(handle: FrameHandle, start: Padding, dx: number, dy: number): Padding {
  switch (handle) {
    case "left":
      return { ...start, left: Math.max(0, start.left - dx) };
    case "right":
      return { ...start, right: Math.max(0, start.right + dx) };
    case "top":
      return { ...start, top: Math.max(0, start.top - dy) };
    case "bottom":
      return { ...start, bottom: Math.max(0, start.bottom + dy) };
    case "image": {
      const width = start.left + start.right;
      const height = start.top + start.bottom;
      const left = Math.min(width, Math.max(0, start.left + dx));
      const top = Math.min(height, Math.max(0, start.top + dy));
      return { left, right: width - left, top, bottom: height - top };
    }
  }
}
