/** Messages between the page and the animation worker. */

export type AnimationFormat = "gif" | "video";

export interface AnimationJob {
  before: Blob;
  after: Blob;
  width: number;
  height: number;
  durationMs: number;
  format: AnimationFormat;
}

export type AnimationMessage =
  | { type: "progress"; done: number }
  | { type: "done"; blob: Blob }
  | { type: "error"; message: string };

/** Frames per second: GIFs stay small at 15; video is smooth at 30. */
export const ANIMATION_FPS: Record<AnimationFormat, number> = { gif: 15, video: 30 };
