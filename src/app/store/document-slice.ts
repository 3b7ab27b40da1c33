import type { StateCreator } from "zustand";
import { renderMask } from "../editor/apply-mask-op";
import { type MaskOp, opBytes } from "../editor/mask-op";
import type { AppState } from "./store";

/** The loaded image, described by data only; pixels live in the browser's image cache. */
export interface DocumentImage {
  /** Object URL of the image's bytes; the browser applies EXIF orientation when drawing it. */
  url: string;
  name: string;
  width: number;
  height: number;
}

/**
 * The history's memory bound. Past either limit the oldest operations are folded into one
 * bitmap (width×height bytes), so a day of painting never grows memory without end; those
 * folded steps can no longer be undone one by one.
 */
export const HISTORY_LIMIT = { ops: 500, bytes: 40 * 1024 * 1024 } as const;
const FOLD_FRACTION = 0.25;

export interface DocumentSlice {
  image: DocumentImage | null;
  /** The mask as an operation list in image pixels. Per-move updates never reach the store. */
  maskOps: MaskOp[];
  /** Undone operations, most recent last; any new operation discards them. */
  redoOps: MaskOp[];
  commitMaskOp: (op: MaskOp) => void;
  undo: () => void;
  redo: () => void;
}

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set) => ({
  image: null,
  maskOps: [],
  redoOps: [],
  commitMaskOp: (op) =>
    set((state) => {
      if (!state.image) return {};
      return { maskOps: boundHistory([...state.maskOps, op], state.image), redoOps: [] };
    }),
  undo: () =>
    set((state) => {
      const last = state.maskOps.at(-1);
      if (!last) return {};
      return { maskOps: state.maskOps.slice(0, -1), redoOps: [...state.redoOps, last] };
    }),
  redo: () =>
    set((state) => {
      const next = state.redoOps.at(-1);
      if (!next) return {};
      return { maskOps: [...state.maskOps, next], redoOps: state.redoOps.slice(0, -1) };
    }),
});

/** Folds the oldest quarter of the history into one bitmap once it passes a limit. */
export function boundHistory(
  ops: MaskOp[],
  size: { width: number; height: number },
  limit: { ops: number; bytes: number } = HISTORY_LIMIT,
): MaskOp[] {
  const bytes = ops.reduce((sum, op) => sum + opBytes(op), 0);
  if (ops.length <= limit.ops && bytes <= limit.bytes) return ops;
  const count = Math.max(2, Math.ceil(ops.length * FOLD_FRACTION));
  const folded = renderMask(ops.slice(0, count), size.width, size.height);
  return [{ kind: "bitmap", data: folded }, ...ops.slice(count)];
}
