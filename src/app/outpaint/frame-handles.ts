import type { FrameHandle } from "./frame-drag";
import type { Size } from "./outpaint-geometry";

export interface HandleRect {
  handle: Exclude<FrameHandle, "image">;
  x: number;
  y: number;
  w: number;
  h: number;
}

const GRIP_PX = 12;
const LENGTH_PX = 56;

/**
 * The four edge handles in frame pixels, centred on each edge: a fixed size on screen, but never
 * longer than half the edge nor thicker than a quarter of the frame, so a tiny frame (a 1×1
 * image's) stays visible and grabbable behind its handles.
 */
export function frameHandles(frame: Size, scale: number): HandleRect[] {
  const grip = Math.min(GRIP_PX / scale, Math.min(frame.width, frame.height) / 4);
  const across = Math.min(LENGTH_PX / scale, frame.width / 2);
  const down = Math.min(LENGTH_PX / scale, frame.height / 2);
  const midX = frame.width / 2 - across / 2;
  const midY = frame.height / 2 - down / 2;
  return [
    { handle: "left", x: -grip / 2, y: midY, w: grip, h: down },
    { handle: "right", x: frame.width - grip / 2, y: midY, w: grip, h: down },
    { handle: "top", x: midX, y: -grip / 2, w: across, h: grip },
    { handle: "bottom", x: midX, y: frame.height - grip / 2, w: across, h: grip },
  ];
}
