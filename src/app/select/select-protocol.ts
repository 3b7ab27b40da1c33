import type { PixelBox } from "../editor/apply-mask-op";
import type { CutStroke } from "./object-cut";
import type { Selection } from "./selection";

type Point = { x: number; y: number };

/** Messages to the smart-selection worker. Every request with an id is answered by it. */
export type SelectRequest =
  /** The document's image (its object URL); the worker decodes and keeps its pixels. */
  | { kind: "image"; url: string }
  /**
   * A smart tool was picked: starts what it will need (OpenCV for object select, the
   * scissors' edge costs for the lasso), so the first box or click does not wait.
   */
  | { kind: "prepare"; tool: "object" | "scissors" }
  /**
   * `preview`: for a hover, worked out on a sampled copy of an image over ~1 MP, answered with
   * its `step`; a click is always worked out on the full image.
   */
  | {
      kind: "wand";
      id: number;
      at: Point;
      tolerance: number;
      contiguous: boolean;
      preview: boolean;
    }
  /** Answered with a quick `preview` of the cut first, then the full cut's `selection`. */
  | { kind: "object"; id: number; box: PixelBox; strokes: CutStroke[] }
  /**
   * Sets an anchor of the edge-snapping path and answers with the path from the previous
   * anchor to it (nothing for the first), so a click never depends on a move's answer.
   */
  | { kind: "lasso-anchor"; id: number; at: Point; first: boolean }
  | { kind: "lasso-path"; id: number; at: Point }
  /** The closed path (flat image pixels) filled, its edge refined at full resolution. */
  | { kind: "lasso-fill"; id: number; points: number[] };

export type SelectResponse =
  /** `step`: image pixels per pixel of `selection` (its box too), when not 1. */
  | { kind: "selection"; id: number; selection: Selection | null; step?: number }
  /** A first answer to come before the request's last (the object's quick cut). */
  | { kind: "preview"; id: number; selection: Selection | null; step: number }
  | { kind: "path"; id: number; points: number[] }
  | { kind: "error"; id: number; message: string }
  /** OpenCV's loading, which only object select and the lasso wait for. */
  | { kind: "opencv"; status: "loading" | "ready" | "failed"; message?: string }
  /** OpenCV.js's download: bytes so far and in all (0 when unknown). */
  | { kind: "opencv-progress"; loaded: number; total: number };
